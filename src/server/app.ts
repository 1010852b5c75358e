import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { conversationRoutes } from './features/conversations/plugin.ts';
import { directoryRoutes } from './features/directory/routes.ts';
import { forumsRoutes } from './features/forums/plugin.ts';
import { guidanceRoutes } from './features/guidance/routes.ts';
import { healthRoutes } from './features/health/routes.ts';
import { openingStatusRoutes } from './features/opening-status/routes.ts';
import { riskScreenRoutes } from './features/risk-screen/routes.ts';
import { searchRoutes } from './features/search/routes.ts';
import { staffRoutes, staffSessions } from './features/staff/plugin.ts';
import { trainingRoutes } from './features/training/plugin.ts';
import { vaultRoutes } from './features/vault/plugin.ts';
import { vaultPageRoutes } from './features/vault-pages/routes.ts';
import { verifyPageRoutes } from './features/verify-page/routes.ts';
import type { Services } from './services.ts';
import { errorPages } from './setup/errors.ts';
import { loggerOptions, RequestLogController, sharedRequestLogger } from './setup/logging.ts';
import { securityHeaders } from './setup/security-headers.ts';
import { staticAssets } from './setup/static-assets.ts';

/** The whole service, as one list of set-up steps. Each step is a small file; services come from one place. */
export async function createApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    logger: loggerOptions(config),
    trustProxy: config.trustProxy,
    bodyLimit: 64 * 1024,
    logController: new RequestLogController(),
    childLoggerFactory: sharedRequestLogger,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });

  // Each plugin is given only what its options type names; everything was built, and is closed, in services.ts.
  const {
    assets,
    audit,
    clock,
    content,
    welshContent,
    database,
    directory,
    openingStatus,
    pageCache,
    search,
    welshSearch,
    staff,
    training,
    vault,
    views,
  } = services;
  await app.register(fp(securityHeaders));
  await app.register(errorPages, { views, content });
  await app.register(fp(staffSessions), { services: { staff, clock, views } });
  await app.register(staticAssets, { assets });
  await app.register(healthRoutes, { services: { database } });
  await app.register(guidanceRoutes, { services: { content, welshContent, views, pageCache, clock, directory, openingStatus, training } });
  await app.register(searchRoutes, { services: { search, welshSearch, views } });
  await app.register(riskScreenRoutes, { services: { directory, views } });
  await app.register(openingStatusRoutes, { services: { openingStatus, pageCache, clock } });
  await app.register(directoryRoutes, { services: { directory, views, pageCache, clock, openingStatus } });
  await app.register(vaultRoutes, { services: { vault } });
  await app.register(vaultPageRoutes, { services: { assets, views } });
  await app.register(verifyPageRoutes, { services: { pageCache, views } });
  await app.register(staffRoutes, { services: { staff, assets, config, views, audit } });
  await app.register(conversationRoutes, { services: { conversations: services.conversations, audit, clock, views } });
  await app.register(forumsRoutes, { services: { forums: services.forums, vault, audit, clock, views } });
  await app.register(trainingRoutes, { services: { training, vault, audit, database, config, clock, views, pageCache } });

  // Background work starts once the app is ready; on close, live streams end first, then every resource closes
  // in the reverse of the order services.ts opened it (src/server/wiring/lifecycle.ts).
  services.problems.sendTo(app.log);
  app.addHook('onReady', async () => services.lifecycle.start());
  app.addHook('preClose', async () => services.lifecycle.beforeClose());
  app.addHook('onClose', async () => services.lifecycle.close());
  return app;
}
