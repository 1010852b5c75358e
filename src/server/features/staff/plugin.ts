import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.ts';
import { type StaffApiDeps, staffApiRoutes } from './api/routes.ts';
import { staffAuthentication } from './guard.ts';
import { roleNames, staffNavigation } from './pages/render.ts';
import { type StaffPageDeps, staffPageRoutes } from './pages/routes.ts';

export type StaffSessionDeps = Pick<Services, 'staff' | 'clock' | 'views'>;

/**
 * request.cookies and request.staff on every route of every feature. Register with fastify-plugin before the
 * features, so the hooks and the decorators are not encapsulated.
 */
export async function staffSessions(app: FastifyInstance, { services }: { services: StaffSessionDeps }): Promise<void> {
  const forbiddenPage = (request: FastifyRequest) => {
    return services.views.render('staff/forbidden.njk', {
      noindex: true,
      staff: request.staff ? { displayName: request.staff.displayName, roleNames: roleNames(request.staff) } : null,
      csrfToken: request.staff?.csrfToken ?? '',
      staffNavigation: staffNavigation(request.staff, undefined),
    });
  };
  // One cookie parser for the whole app (the vault and the forums read request.cookies from it too).
  await app.register(cookie);
  await new Promise<void>((resolve) =>
    staffAuthentication(app, { sessions: services.staff.sessions, clock: services.clock, forbiddenPage }, resolve),
  );
}

export type StaffDeps = StaffApiDeps & StaffPageDeps;

/** The workspace's own pages (/staff/…) and API (/api/staff/…). */
export async function staffRoutes(app: FastifyInstance, { services }: { services: StaffDeps }): Promise<void> {
  await app.register(staffApiRoutes, { services });
  await app.register(async (pages) => {
    await pages.register(formbody, { bodyLimit: 16 * 1024 });
    await pages.register(staffPageRoutes, { services });
  });
}
