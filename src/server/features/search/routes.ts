import type { FastifyInstance } from 'fastify';
import { sendDynamicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import { LANGUAGES, loadMessages } from '../../setup/messages.ts';
import { languageLinksOf } from '../guidance/index.ts';
import { resultCount } from './result-count.ts';

export const MAX_QUERY_LENGTH = 200;

export type SearchDeps = Pick<Services, 'search' | 'welshSearch' | 'views'>;

/**
 * GET /search and /cy/search — a plain form and results; works without JavaScript. The query is never logged.
 * Welsh searches the Welsh pages, with the Welsh index (mutations, diacritics). Every word is from the
 * `search` catalogue; a result count is a whole phrase per plural form of the language (Welsh has six).
 */
export async function searchRoutes(app: FastifyInstance, { services }: { services: SearchDeps }): Promise<void> {
  const messages = loadMessages('search');
  const sections = loadMessages('guidance');
  const paths = LANGUAGES.map((language) => ({ language, href: language === 'en' ? '/search' : `/${language}/search` }));

  for (const lang of LANGUAGES) {
    const t = messages[lang] as Record<string, string>;
    const index = lang === 'en' ? services.search : services.welshSearch;
    const sectionTitles = sections[lang].sections as Record<string, string>;
    const languageContext = lang === 'en' ? {} : { lang };

    app.get(paths.find((p) => p.language === lang)!.href, async (request, reply) => {
      const raw = (request.query as Record<string, unknown>).q;
      // Switching language keeps the search: the other language's link carries the same query.
      const render = (status: number, context: Record<string, unknown>) => {
        const q = typeof context.query === 'string' && context.query !== '' ? `?q=${encodeURIComponent(context.query)}` : '';
        const links = languageLinksOf(
          paths.map((p) => ({ ...p, href: p.href + q })),
          lang,
        );
        const page = services.views.render('pages/search.njk', {
          pageTitle: t.pageTitle,
          noindex: true,
          ...languageContext,
          ...links,
          ...context,
        });
        return sendDynamicPage(reply, page, status);
      };

      if (raw === undefined || raw === '') return render(200, { query: '' });
      if (typeof raw !== 'string') return render(400, { query: '', error: t.oneSearch });
      const query = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
      if (query.length > MAX_QUERY_LENGTH) {
        return render(400, { query: query.slice(0, MAX_QUERY_LENGTH), error: t.tooLong!.replace('{max}', String(MAX_QUERY_LENGTH)) });
      }
      if (query === '') return render(200, { query: '' });
      const hits = index.search(query);
      // Welsh hits name their section in Welsh: the index keeps the English section title.
      const results =
        lang === 'en' ? hits : hits.map((hit) => ({ ...hit, section: sectionTitles[hit.path.split('/')[2] ?? ''] ?? hit.section }));
      return render(200, { pageTitle: t.resultsTitle, query, results, resultCount: resultCount(messages[lang], lang, results.length) });
    });
  }
}
