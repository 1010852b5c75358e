import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonApiDefaults } from '../../http/json-api.ts';
import type { Services } from '../../services.ts';
import { accountRoutes } from './accounts/routes.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { itemRoutes } from './items/routes.ts';
import { SESSION_COOKIE } from './sessions/guard.ts';
import { sessionRoutes } from './sessions/routes.ts';
import { transparencyLogRoutes } from './transparency-log/routes.ts';

export type VaultDeps = Pick<Services, 'vault'>;

/**
 * The vault API (docs/vault-api.md): one encapsulated plugin (cookies from the app-wide parser), strict JSON
 * Schema validation, JSON errors and OpenAPI document. The server only ever sees ciphertext, wrapped
 * keys, derived authentication keys and salted commitments.
 */
export async function vaultRoutes(app: FastifyInstance, { services }: { services: VaultDeps }): Promise<void> {
  const { vault } = services;
  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Casebook vault API',
        version: '1.0.0',
        description: 'End-to-end encrypted diary storage and the transparency log. See docs/vault-api.md.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  // JSON only (chunks excepted, in their routes): a text/plain or form body is refused with 415, not half-parsed.
  jsonApiDefaults(app);

  await app.register(sessionRoutes, { vault });
  await app.register(accountRoutes, { vault });
  await app.register(itemRoutes, { vault });
  await app.register(attachmentRoutes, { vault });
  await app.register(transparencyLogRoutes, { vault });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return app.swagger();
  });
}
