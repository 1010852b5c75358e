import type { FastifyInstance } from 'fastify';
import { parseDirectoryQuery, QUERY_KEYS, type OpenCheck } from '../../../domain/directory/filters.ts';
import { isOpenAt } from '../../../domain/opening-hours/index.ts';
import type { Services } from '../../services.ts';
import { sendCachedPage } from '../../http/html.ts';
import { COUNTY_OPTIONS, filterGroups, placeSummary, results, serviceCard } from './directory-view.ts';

const PATH = '/get-help/support-directory';

export type DirectoryDeps = Pick<Services, 'directory' | 'views' | 'pageCache' | 'clock' | 'openingStatus'>;

/**
 * The support directory and "find support in my area": plain GET forms, so it works without JavaScript.
 * Pages are cached like guidance pages, keyed by the filters and the postcode's outward code only; the full
 * postcode is never logged, stored or shown back.
 */
export async function directoryRoutes(app: FastifyInstance, { services }: { services: DirectoryDeps }): Promise<void> {
  const { directory, views, pageCache, clock, openingStatus } = services;

  const openCheck = (now: number): OpenCheck => ({ at: new Date(now), isOpen: (entry, at) => (entry.hours ? isOpenAt(entry.hours, at) : false) });

  app.get(PATH, (request, reply) => {
    const now = clock();
    const parsed = parseDirectoryQuery(request.query as Record<string, unknown>);
    const { filters, place } = parsed;
    const errors = parsed.ok ? [] : parsed.errors;
    const summary = placeSummary(place);
    const key = [
      PATH,
      [...(filters.needs ?? [])].sort().join(','),
      [...(filters.serves ?? [])].sort().join(','),
      [...(filters.contactKinds ?? [])].sort().join(','),
      filters.openNow ? 'open' : '',
      place?.kind === 'county' ? `county:${place.county}` : summary?.outward ? `pc:${summary.outward}` : '',
      errors.map((e) => `${e.key}:${e.message}`).join('|'),
    ].join('#');

    const page = pageCache.get(key, openingStatus.version(now), () => {
      const open = openCheck(now);
      const statuses = openingStatus.all(now);
      const shown = results(directory.entries, filters, open).map((entry) => serviceCard(entry, statuses.get(entry.id)));
      return views.render('pages/directory/index.njk', {
        pageTitle: `${errors.length ? 'Error: ' : ''}Find support`,
        description: 'Support services for people being stalked or harassed, filtered by what you need, who you are and where you live.',
        currentSection: 'get-help',
        breadcrumbs: [{ text: 'Home', href: '/' }, { text: 'Get help', href: '/get-help' }],
        errors: errors.map((e) => ({ text: e.message, href: `#${e.key === QUERY_KEYS.county ? 'county' : e.key === QUERY_KEYS.postcode ? 'postcode' : `${e.key}-0`}` })),
        errorByKey: Object.fromEntries(errors.map((e) => [e.key, e.message])),
        groups: filterGroups(directory.entries, filters, open),
        place: summary,
        postcodeValue: summary?.outward ?? '',
        countyValue: place?.kind === 'county' ? place.county : '',
        counties: COUNTY_OPTIONS,
        cards: shown,
        total: directory.entries.length,
        filtered: Boolean(filters.needs?.length || filters.serves?.length || filters.contactKinds?.length || filters.openNow || place),
      });
    });
    if (errors.length) reply.code(400);
    sendCachedPage(request, reply, page);
  });

  app.get(
    `${PATH}/:id`,
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
        pageCache.get(`${PATH}/${id}`, openingStatus.version(now), () =>
          views.render('pages/directory/service.njk', {
            pageTitle: entry.name,
            description: entry.summary,
            currentSection: 'get-help',
            breadcrumbs: [{ text: 'Home', href: '/' }, { text: 'Get help', href: '/get-help' }, { text: 'Find support', href: PATH }],
            card: serviceCard(entry, openingStatus.of(id, now)),
          }),
        ),
      );
    },
  );
}
