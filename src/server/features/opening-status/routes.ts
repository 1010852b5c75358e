import { openingStatusResponse } from '../../../contracts/opening-status.ts';
import type { TypedApp } from '../../http/typed-routes.ts';
import type { Services } from '../../services.ts';

export type OpeningStatusDeps = Pick<Services, 'openingStatus' | 'pageCache' | 'clock'>;

/**
 * GET /api/opening-status: what every page's "open now" line should say this minute. Pages show it
 * server-side; this lets the browser refresh it at the minute boundary without a reload. `?lang=cy` (sent by
 * Welsh pages, which read their own `<html lang>`) gives the Welsh sentences; any other value, English.
 */
export async function openingStatusRoutes(app: TypedApp, { services }: { services: OpeningStatusDeps }): Promise<void> {
  app.get('/api/opening-status', { schema: { response: { 200: openingStatusResponse } } }, async (request, reply) => {
    const now = services.clock();
    const welsh = (request.query as Record<string, unknown>).lang === 'cy';
    const statuses = Object.fromEntries(
      [...services.openingStatus.all(now)].map(([id, s]) => [id, { open: s.open, sentence: welsh ? s.sentenceCy : s.sentence }]),
    );
    return reply.header('cache-control', 'no-cache').send({ at: new Date(now).toISOString(), statuses });
  });
}
