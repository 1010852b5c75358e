import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';

/**
 * GET /api/opening-status: what every page's "open now" line should say this minute. Pages show it
 * server-side; this lets the browser refresh it at the minute boundary without a reload.
 */
export async function openingStatusRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  app.get('/api/opening-status', async (_request, reply) => {
    const now = services.clock();
    const statuses = Object.fromEntries([...services.openingStatus.all(now)].map(([id, s]) => [id, { open: s.open, sentence: s.sentence }]));
    return reply.header('cache-control', 'no-cache').send({ at: new Date(now).toISOString(), statuses });
  });
}
