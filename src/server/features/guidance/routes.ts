import type { FastifyInstance } from 'fastify';
import { sendPublicPage } from '../../http/html.ts';
import type { Services } from '../../services.ts';
import type { Language } from '../../setup/messages.ts';
import { loadMessages } from '../../setup/messages.ts';
import type { ContentStore, Page } from './content-store.ts';
import { languageLinks, languageLinksOf } from './languages.ts';
import { SECTIONS } from './sections.ts';

const segment = { type: 'string', pattern: '^[a-z0-9-]{1,60}$' } as const;

export type GuidanceDeps = Pick<
  Services,
  'content' | 'welshContent' | 'views' | 'pageCache' | 'clock' | 'directory' | 'openingStatus' | 'training'
>;

/**
 * The home page, each section's landing page and every guidance page, rendered once and then served from the
 * page cache. Handlers are plain functions, not async ones: a cached page needs no promise. The Welsh
 * guidance is served the same way under /cy, one URL per page per language.
 */
export async function guidanceRoutes(app: FastifyInstance, { services }: { services: GuidanceDeps }): Promise<void> {
  const { content, views, pageCache, clock } = services;
  const stores: Record<Language, ContentStore> = { en: content, cy: services.welshContent };

  // The services a page names, each with its phone number and "open now" line.
  const servicesOf = (page: Page) =>
    page.services.flatMap((id) => {
      const entry = services.directory.get(id);
      if (!entry) return [];
      const phone = entry.contact.find((c) => c.kind === 'phone');
      return [{ entry, phone, status: services.openingStatus.of(id, clock()) }];
    });

  // Campaigns (set in the workspace) are part of the home page's version, so one starting, ending or changing
  // renders the page again at once.
  const layout = loadMessages('layout');
  const homes = [
    { language: 'en', href: '/' },
    { language: 'cy', href: '/cy' },
  ] as const;
  for (const { language: lang, href } of homes) {
    const t = layout[lang].home as Record<string, string>;
    app.get(href, (request, reply) => {
      const now = clock();
      const version = `${services.openingStatus.version(now)}|${services.training.campaigns.version(now)}`;
      sendPublicPage(request, reply, pageCache, version, () =>
        views.render('pages/home.njk', {
          // The English home page's title and context stay as they were (it has always been plain "Casebook").
          ...(lang === 'en' ? {} : { lang, pageTitle: t.pageTitle }),
          description: t.description,
          pillars: SECTIONS.filter((s) => s.inNavigation).flatMap((s) => stores[lang].get(s.id) ?? []),
          helpline: services.openingStatus.of('national-stalking-helpline', now),
          campaigns: services.training.campaigns.active(now),
          ...languageLinksOf(homes, lang),
        }),
      );
    });
  }

  for (const lang of ['en', 'cy'] as const) {
    const store = stores[lang];
    const prefix = lang === 'en' ? '' : `/${lang}`;
    // English pages keep their context exactly; other languages add their language and say where "Home" is.
    const languageContext = (page: Page) => ({ ...(lang === 'en' ? {} : { lang }), ...languageLinks(page.key, lang, stores) });
    const home = { text: (layout[lang].home as Record<string, string>).pageTitle!, href: lang === 'en' ? '/' : `/${lang}` };

    app.get(`${prefix}/:section`, { schema: { params: { type: 'object', properties: { section: segment } } } }, (request, reply) => {
      const { section } = request.params as { section: string };
      const page = store.get(section);
      if (!page) {
        reply.callNotFound();
        return;
      }
      sendPublicPage(request, reply, pageCache, services.openingStatus.version(clock()), () =>
        views.render('pages/section.njk', {
          pageTitle: page.title,
          description: page.summary,
          currentSection: page.section.id,
          page,
          children: store.sectionPages(page.section.id),
          services: servicesOf(page),
          breadcrumbs: [home],
          ...languageContext(page),
        }),
      );
    });

    app.get(
      `${prefix}/:section/:slug`,
      { schema: { params: { type: 'object', properties: { section: segment, slug: segment } } } },
      (request, reply) => {
        const { section, slug } = request.params as { section: string; slug: string };
        const page = store.get(`${section}/${slug}`);
        if (!page) {
          reply.callNotFound();
          return;
        }
        const sectionPage = store.get(section);
        sendPublicPage(request, reply, pageCache, services.openingStatus.version(clock()), () =>
          views.render('pages/content.njk', {
            pageTitle: page.title,
            description: page.summary,
            currentSection: page.section.id,
            page,
            related: page.related.flatMap((key) => store.get(key) ?? []),
            services: servicesOf(page),
            breadcrumbs: [home, { text: sectionPage?.title ?? page.section.title, href: `${prefix}/${page.section.id}` }],
            ...languageContext(page),
          }),
        );
      },
    );
  }
}
