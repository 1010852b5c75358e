import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.ts';
import { clearedStaffCookie, requireStaff, SIGN_IN_PATH } from '../guard.ts';
import { auditPageContext } from './audit-page.ts';
import { STAFF_CONTENT_SECURITY_POLICY, STAFF_KDF_WORKER_PATH, staffNavigation, staffPage } from './render.ts';

/** Only same-site workspace paths may be a sign-in's destination (no open redirect). */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/[A-Za-z0-9/_-]*)?$/.test(next) && next.length <= 200 ? next : '/staff';
}

export type StaffPageDeps = Pick<Services, 'staff' | 'assets' | 'config' | 'views' | 'audit'>;

export async function staffPageRoutes(app: FastifyInstance, { services }: { services: StaffPageDeps }): Promise<void> {
  const { staff } = services;

  app.get('/staff', { preValidation: requireStaff() }, async (request, reply) => {
    const links = staffNavigation(request.staff, undefined).filter((item) => item.href !== '/staff/account');
    return staffPage(request, reply, services, 'staff/home.njk', { current: 'home', links });
  });

  app.get<{ Querystring: { next?: string } }>(SIGN_IN_PATH, async (request, reply) => {
    if (request.staff) return reply.redirect(safeNext(request.query.next), 303);
    return staffPage(request, reply, services, 'staff/sign-in.njk', { pageTitle: 'Sign in', next: safeNext(request.query.next) });
  });

  app.get('/staff/set-up', async (request, reply) =>
    staffPage(request, reply, services, 'staff/set-up.njk', { pageTitle: 'Set up your account' }),
  );

  app.post('/staff/sign-out', { preValidation: requireStaff() }, async (request, reply) => {
    const s = request.staff!;
    await staff.sessions.delete(s.sessionIdHash);
    await staff.audit.record({ staffId: s.id, action: 'staff.sign_out', subjectType: 'staff', subjectId: s.id });
    reply.header('set-cookie', clearedStaffCookie(services.config.cookieSecure));
    return reply.redirect(`${SIGN_IN_PATH}?signed-out=1`, 303);
  });

  app.get('/staff/account', { preValidation: requireStaff() }, async (request, reply) =>
    staffPage(request, reply, services, 'staff/account.njk', {
      current: 'account',
      pageTitle: 'Your account',
      method: request.staff!.method,
    }),
  );

  app.get('/staff/team', { preValidation: requireStaff('administrator') }, async (request, reply) =>
    staffPage(request, reply, services, 'staff/team.njk', { current: 'team', pageTitle: 'Team' }),
  );

  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/staff/audit',
    { preValidation: requireStaff('supervisor', 'administrator') },
    async (request, reply) => {
      const context = await auditPageContext(services, request.query);
      return staffPage(
        request,
        reply,
        services,
        'staff/audit.njk',
        { current: 'audit', pageTitle: 'Audit log', ...context },
        context.status,
      );
    },
  );

  // The Argon2id worker, served with the workspace's policy (a worker takes its policy from its own response).
  let workerSource: Buffer | undefined;
  app.get(STAFF_KDF_WORKER_PATH, async (_request, reply) => {
    workerSource ??= readFileSync(join(services.assets.dir, basename(services.assets.url('vault-worker.js'))));
    return reply
      .header('content-security-policy', STAFF_CONTENT_SECURITY_POLICY)
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(workerSource);
  });
}
