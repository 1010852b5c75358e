import type { FastifyInstance } from 'fastify';
import type { Catalogue } from '../../../domain/content-parity/index.ts';
import { type DirectoryFilters, type OpenCheck, parseDirectoryQuery, QUERY_KEYS } from '../../../domain/directory/filters.ts';
import { isOpenAt } from '../../../domain/opening-hours/index.ts';
import { sendCachedPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import { LANGUAGES, type Language, loadMessages } from '../../setup/messages.ts';
import { pluralPhrase } from '../../shared/plural-phrase.ts';
import { languageLinksOf } from '../guidance/index.ts';
import { countyOptions, errorText, filterGroups, placeSummary, results, serviceCard, type Words } from './directory-view.ts';

const PATH = '/get-help/support-directory';
const prefixOf = (language: Language) => (language === 'en' ? '' : `/${language}`);

export type DirectoryDeps = Pick<Services, 'directory' | 'views' | 'pageCache' | 'clock' | 'openingStatus'>;

/**
 * The query string of what a page shows, as the cache key knows it (filters, and a postcode's outward code
 * only): the Language navigation links the same view in the other language, and never repeats a full
 * postcode back into a link.
 */
export function placeQuery(filters: DirectoryFilters, place: { county?: string; outward?: string }): string {
  const params = new URLSearchParams();
  for (const need of filters.needs ?? []) params.append(QUERY_KEYS.needs, need);
  for (const serves of filters.serves ?? []) params.append(QUERY_KEYS.serves, serves);
  for (const kind of filters.contactKinds ?? []) params.append(QUERY_KEYS.contactKinds, kind);
  if (filters.openNow) params.append(QUERY_KEYS.openNow, 'now');
  if (place.county) params.append(QUERY_KEYS.county, place.county);
  else if (place.outward) params.append(QUERY_KEYS.postcode, place.outward);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The support directory and "find support in my area", in English and in Welsh (/cy + the path): plain GET
 * forms, so it works without JavaScript. Pages are cached like guidance pages, keyed by the language, the
 * filters and the postcode's outward code only; the full postcode is never logged, stored or shown back.
 */
export async function directoryRoutes(app: FastifyInstance, { services }: { services: DirectoryDeps }): Promise<void> {
  const { directory, views, pageCache, clock, openingStatus } = services;
  const messages = loadMessages('directory');

  const openCheck = (now: number): OpenCheck => ({
    at: new Date(now),
    isOpen: (entry, at) => (entry.hours ? isOpenAt(entry.hours, at) : false),
  });
  const versionsOf = (path: string) => LANGUAGES.map((language) => ({ language, href: prefixOf(language) + path }));

  for (const language of LANGUAGES) {
    const prefix = prefixOf(language);
    const t = messages[language] as Record<string, Record<string, unknown>> & Record<string, string>;
    const words: Words = { language, t };
    const languageContext = language === 'en' ? {} : { lang: language };
    const breadcrumbs = [
      { text: t.home, href: prefix || '/' },
      { text: t.getHelp, href: `${prefix}/get-help` },
    ];

    app.get(prefix + PATH, (request, reply) => {
      const now = clock();
      const query = request.query as Record<string, unknown>;
      const parsed = parseDirectoryQuery(query);
      const { filters, place } = parsed;
      const errors = parsed.ok ? [] : parsed.errors;
      const summary = placeSummary(words, place);
      const key = [
        prefix + PATH,
        [...(filters.needs ?? [])].sort().join(','),
        [...(filters.serves ?? [])].sort().join(','),
        [...(filters.contactKinds ?? [])].sort().join(','),
        filters.openNow ? 'open' : '',
        place?.kind === 'county' ? `county:${place.county}` : summary?.outward ? `pc:${summary.outward}` : '',
        errors.map((e) => `${e.key}:${errorText(words, e, query)}`).join('|'),
      ].join('#');

      const page = pageCache.get(key, openingStatus.version(now), () => {
        const open = openCheck(now);
        const statuses = openingStatus.all(now);
        const shown = results(directory.entries, filters, open).map((entry) => serviceCard(words, entry, statuses.get(entry.id)));
        const countyValue = place?.kind === 'county' ? place.county : '';
        // Switching language keeps the place: the same filters and area, never more of the postcode.
        const kept = errors.length ? '' : placeQuery(filters, { county: countyValue, outward: summary?.outward });
        return views.render('pages/directory/index.njk', {
          ...languageContext,
          ...languageLinksOf(
            versionsOf(PATH).map((v) => ({ ...v, href: v.href + kept })),
            language,
          ),
          base: prefix + PATH,
          m: t,
          pageTitle: `${errors.length ? t.errorPrefix : ''}${t.pageTitle}`,
          description: t.description,
          currentSection: 'get-help',
          breadcrumbs,
          errors: errors.map((e) => ({
            text: errorText(words, e, query),
            href: `#${e.key === QUERY_KEYS.county ? 'county' : e.key === QUERY_KEYS.postcode ? 'postcode' : `${e.key}-0`}`,
          })),
          errorByKey: Object.fromEntries(errors.map((e) => [e.key, errorText(words, e, query)])),
          groups: filterGroups(words, directory.entries, filters, open),
          place: summary,
          postcodeValue: summary?.outward ?? '',
          countyItems: countyOptions(words, countyValue),
          cards: shown,
          countText: pluralPhrase(t.count as Catalogue, language, directory.entries.length, {
            shown: shown.length,
            total: directory.entries.length,
          }),
          filtered: Boolean(filters.needs?.length || filters.serves?.length || filters.contactKinds?.length || filters.openNow || place),
        });
      });
      if (errors.length) reply.code(400);
      sendCachedPage(request, reply, page);
    });

    app.get(
      `${prefix}${PATH}/:id`,
      { schema: { params: { type: 'object', properties: { id: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' } } } } },
      (request, reply) => {
        const { id } = request.params as { id: string };
        const entry = directory.get(id);
        if (!entry) {
          reply.callNotFound();
          return;
        }
        const now = clock();
        sendCachedPage(
          request,
          reply,
          pageCache.get(`${prefix}${PATH}/${id}`, openingStatus.version(now), () =>
            views.render('pages/directory/service.njk', {
              ...languageContext,
              ...languageLinksOf(versionsOf(`${PATH}/${id}`), language),
              base: prefix + PATH,
              m: t,
              pageTitle: entry.name,
              description: entry.summary,
              currentSection: 'get-help',
              breadcrumbs: [...breadcrumbs, { text: t.pageTitle, href: prefix + PATH }],
              card: serviceCard(words, entry, openingStatus.of(id, now)),
            }),
          ),
        );
      },
    );
  }
}
