import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { sendPublicPage } from '../../http/html.ts';

export const VERIFY_PATH = '/verify';

/** Limits the page holds a pack and a PDF to, shown to the person and enforced by src/web/verify. */
export const VERIFY_LIMITS = { zipMiB: 1024, pdfMiB: 300 } as const;

export type VerifyPageDeps = Pick<Services, 'pageCache' | 'views'>;

/**
 * The public /verify page: anyone (usually a police officer) checks an evidence pack. The server sends only
 * the page; the checking runs in the browser (src/web/verify) with the same verifier library as
 * `npm run verify`, and the files are never uploaded — there is no route here that could receive them.
 * Rendered once and served from the page cache: nothing on it differs per request.
 */
export async function verifyPageRoutes(app: FastifyInstance, { services }: { services: VerifyPageDeps }): Promise<void> {
  app.get(VERIFY_PATH, (request, reply) => {
    sendPublicPage(request, reply, services.pageCache, 'verify-1', () =>
      services.views.render('pages/verify/verify.njk', {
        pageTitle: 'Check an evidence pack',
        description: 'Check a Casebook evidence pack in your browser: that each diary entry existed no later than its receipt time and has not been changed since. Nothing is uploaded.',
        currentSection: 'record',
        breadcrumbs: [
          { text: 'Home', href: '/' },
          { text: 'Record', href: '/record' },
        ],
        limits: VERIFY_LIMITS,
      }),
    );
  });
}
