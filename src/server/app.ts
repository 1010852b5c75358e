import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Services } from './services.ts';
import { loggerOptions, RequestLogController, sharedRequestLogger } from './setup/logging.ts';
import { securityHeaders } from './setup/security-headers.ts';
import { staticAssets } from './setup/static-assets.ts';
import { errorPages } from './setup/errors.ts';
import { healthRoutes } from './features/health/routes.ts';
import { guidanceRoutes } from './features/guidance/routes.ts';
import { searchRoutes } from './features/search/routes.ts';
import { riskScreenRoutes } from './features/risk-screen/routes.ts';
import { openingStatusRoutes } from './features/opening-status/routes.ts';
import { directoryRoutes } from './features/directory/routes.ts';
import { vaultRoutes } from './features/vault/plugin.ts';
import { vaultPageRoutes } from './features/vault-pages/routes.ts';
import { verifyPageRoutes } from './features/verify-page/routes.ts';
import { staffRoutes, staffSessions } from './features/staff/plugin.ts';
import { conversationRoutes } from './features/conversations/plugin.ts';
import { forumsRoutes } from './features/forums/plugin.ts';
import { trainingRoutes } from './features/training/plugin.ts';

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

  await app.register(fp(securityHeaders));
  await app.register(errorPages, { views: services.views, content: services.content });
  await app.register(fp(staffSessions), { services });
  await app.register(staticAssets, { assets: services.assets });
  await app.register(healthRoutes, { services });
  await app.register(guidanceRoutes, { services });
  await app.register(searchRoutes, { services });
  await app.register(riskScreenRoutes, { services });
  await app.register(openingStatusRoutes, { services });
  await app.register(directoryRoutes, { services });
  await app.register(vaultRoutes, { services });
  await app.register(vaultPageRoutes, { services });
  await app.register(verifyPageRoutes, { services });
  await app.register(staffRoutes, { services });
  await app.register(conversationRoutes, { services });
  await app.register(forumsRoutes, { services });
  await app.register(trainingRoutes, { services });

  app.addHook('onClose', async () => services.database.close());
  return app;
}
