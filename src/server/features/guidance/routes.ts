import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { sendPublicPage } from '../../http/html.ts';
import type { Page } from './content-store.ts';
import { SECTIONS } from './sections.ts';

const segment = { type: 'string', pattern: '^[a-z0-9-]{1,60}$' } as const;

/**
 * The home page, each section's landing page and every guidance page, rendered once and then served from the
 * page cache. Handlers are plain functions, not async ones: a cached page needs no promise.
 */
export async function guidanceRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { content, views, pageCache, clock } = services;

  const relatedOf = (page: Page) => page.related.flatMap((key) => content.get(key) ?? []);
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
  app.get('/', (request, reply) => {
    const now = clock();
    const version = `${services.openingStatus.version(now)}|${services.training.campaigns.version(now)}`;
    sendPublicPage(request, reply, pageCache, version, () =>
      views.render('pages/home.njk', {
        description: 'Help if you are being stalked or harassed: understand it, keep a private record, get help and stay safe.',
        pillars: SECTIONS.filter((s) => s.inNavigation).flatMap((s) => content.get(s.id) ?? []),
        helpline: services.openingStatus.of('national-stalking-helpline', now),
        campaigns: services.training.campaigns.active(now),
      }),
    );
  });

  app.get('/:section', { schema: { params: { type: 'object', properties: { section: segment } } } }, (request, reply) => {
    const { section } = request.params as { section: string };
    const page = content.get(section);
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
        children: content.sectionPages(page.section.id),
        services: servicesOf(page),
        breadcrumbs: [{ text: 'Home', href: '/' }],
      }),
    );
  });

  app.get(
    '/:section/:slug',
    { schema: { params: { type: 'object', properties: { section: segment, slug: segment } } } },
    (request, reply) => {
      const { section, slug } = request.params as { section: string; slug: string };
      const page = content.get(`${section}/${slug}`);
      if (!page) {
      reply.callNotFound();
      return;
    }
      const sectionPage = content.get(section);
      sendPublicPage(request, reply, pageCache, services.openingStatus.version(clock()), () =>
        views.render('pages/content.njk', {
          pageTitle: page.title,
          description: page.summary,
          currentSection: page.section.id,
          page,
          related: relatedOf(page),
          services: servicesOf(page),
          breadcrumbs: [
            { text: 'Home', href: '/' },
            { text: sectionPage?.title ?? page.section.title, href: `/${page.section.id}` },
          ],
        }),
      );
    },
  );
}
