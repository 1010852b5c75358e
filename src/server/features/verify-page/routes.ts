import type { FastifyInstance } from 'fastify';
import { sendPublicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import type { Language } from '../../setup/messages.ts';
import { loadMessages } from '../../setup/messages.ts';
import { languageLinksOf } from '../guidance/index.ts';

export const VERIFY_PATH = '/verify';

/** Limits the page holds a pack and a PDF to, shown to the person and enforced by src/web/verify. */
export const VERIFY_LIMITS = { zipMiB: 1024, pdfMiB: 300 } as const;

const VERSIONS = [
  { language: 'en', href: VERIFY_PATH },
  { language: 'cy', href: `/cy${VERIFY_PATH}` },
] as const;

export type VerifyPageDeps = Pick<Services, 'pageCache' | 'views'>;

/**
 * The public /verify page (and /cy/verify in Welsh): anyone (usually a police officer) checks an evidence pack.
 * The server sends only the page; the checking runs in the browser (src/web/verify) with the same verifier
 * library as `npm run verify`, and the files are never uploaded — there is no route here that could receive
 * them. The script's words come with the page (the `verify` catalogue's `browser` part), in the page's language.
 * Rendered once per language and served from the page cache: nothing on it differs per request.
 */
export async function verifyPageRoutes(app: FastifyInstance, { services }: { services: VerifyPageDeps }): Promise<void> {
  const messages = loadMessages('verify');
  for (const { language, href } of VERSIONS) {
    const v = messages[language].page as Record<string, string>;
    const home = language === 'en' ? '/' : `/${language}`;
    app.get(href, (request, reply) => {
      sendPublicPage(request, reply, services.pageCache, 'verify-1', () =>
        services.views.render('pages/verify/verify.njk', {
          pageTitle: v.pageTitle,
          description: v.description,
          currentSection: 'record',
          breadcrumbs: [
            { text: v.home, href: home },
            { text: v.record, href: language === 'en' ? '/record' : `/${language}/record` },
          ],
          limits: VERIFY_LIMITS,
          v,
          verifyWords: JSON.stringify(messages[language].browser),
          // The English page keeps its context as it was; the Welsh one says its language and links both ways.
          ...(language === 'en' ? {} : { lang: language }),
          ...languageLinksOf(VERSIONS as unknown as { language: Language; href: string }[], language),
        }),
      );
    });
  }
}
