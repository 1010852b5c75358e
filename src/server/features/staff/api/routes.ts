import type { FastifyInstance } from 'fastify';
import { dummySlowHash } from '../../vault/accounts/slow-hash.ts';
import { vaultErrorHandler } from '../../vault/errors.ts';
import { strictValidation } from '../../vault/validation.ts';
import type { Services } from '../../../services.ts';
import { adminRoutes } from './admin-routes.ts';
import { authRoutes } from './auth-routes.ts';

/** The workspace API: JSON only, strict validation and the vault's error shape, never cached. */
export async function staffApiRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  strictValidation(app);
  vaultErrorHandler(app);
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
  const dummy = dummySlowHash();
  await app.register(authRoutes, { staff: services.staff, dummy });
  await app.register(adminRoutes, { staff: services.staff });
}
