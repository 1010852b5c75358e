import type { FastifyInstance } from 'fastify';
import { jsonApiDefaults } from '../../../http/json-api.ts';
import type { Services } from '../../../services.ts';
import { dummySlowHash } from '../../../shared/slow-hash.ts';
import { adminRoutes } from './admin-routes.ts';
import { authRoutes } from './auth-routes.ts';

export type StaffApiDeps = Pick<Services, 'staff'>;

/** The workspace API: JSON only, strict validation and the vault's error shape, never cached. */
export async function staffApiRoutes(app: FastifyInstance, { services }: { services: StaffApiDeps }): Promise<void> {
  jsonApiDefaults(app);
  const dummy = dummySlowHash();
  await app.register(authRoutes, { staff: services.staff, dummy });
  await app.register(adminRoutes, { staff: services.staff });
}
