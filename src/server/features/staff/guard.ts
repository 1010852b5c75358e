import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { StaffRole } from './roles.ts';
import type { StaffSessions } from './sessions/repository.ts';

export const STAFF_COOKIE = 'casebook_staff';
export const SIGN_IN_PATH = '/staff/sign-in';

/** The signed-in member, on every request (null when signed out). See docs/staff.md. */
export interface StaffUser {
  id: string;
  displayName: string;
  roles: ReadonlySet<StaffRole>;
  csrfToken: string;
  sessionIdHash: string;
  method: 'passkey' | 'password';
  expiresAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
  }
  interface FastifyInstance {
    staffForbiddenPage: (request: FastifyRequest) => string;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function staffCookie(id: string, secure: boolean): string {
  return `${STAFF_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

export function clearedStaffCookie(secure: boolean): string {
  return `${STAFF_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT${secure ? '; Secure' : ''}`;
}

/**
 * Registered with fastify-plugin at the top of app.ts, after @fastify/cookie (request.cookies): request.staff for
 * every route of every feature. A request without the cookie (or for /assets/) costs no promise.
 */
export function staffAuthentication(
  app: FastifyInstance,
  options: { sessions: StaffSessions; clock: () => number; forbiddenPage: (request: FastifyRequest) => string },
  done: () => void,
): void {
  app.decorateRequest('staff', null);
  app.decorate('staffForbiddenPage', options.forbiddenPage);
  app.addHook('onRequest', (request, _reply, next) => {
    // Static files never need the member (and the browser sends the cookie with every one of them).
    const id = request.url.startsWith('/assets/') ? undefined : request.cookies[STAFF_COOKIE];
    if (!id || id.length > 100) {
      next();
      return;
    }
    options.sessions.find(id, options.clock()).then(
      (session) => {
        if (session) {
          request.staff = {
            id: session.staffId,
            displayName: session.displayName,
            roles: session.roles,
            csrfToken: session.csrfToken,
            sessionIdHash: session.idHash,
            method: session.method,
            expiresAt: session.expiresAt,
          };
        }
        next();
      },
      (error: Error) => next(error),
    );
  });
  done();
}

function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return false;
  const accept = request.headers.accept;
  return typeof accept === 'string' && accept.includes('text/html');
}

function csrfMatches(request: FastifyRequest, expected: string): boolean {
  const header = request.headers['x-csrf-token'];
  const body = request.body as Record<string, unknown> | undefined;
  const given = typeof header === 'string' ? header : body && typeof body === 'object' && typeof body._csrf === 'string' ? body._csrf : '';
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(request: FastifyRequest, reply: FastifyReply, status: 401 | 403, error: string, message: string): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (status === 401 && wantsHtml(request) && (request.method === 'GET' || request.method === 'HEAD')) {
    const next = request.url.split('?', 1)[0] ?? '/staff';
    return reply.redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`, 303);
  }
  if (status === 403 && error === 'forbidden' && wantsHtml(request)) {
    return reply.code(403).type('text/html; charset=utf-8').send(request.server.staffForbiddenPage(request));
  }
  return reply.code(status).send({ error, message });
}

/**
 * A hook for staff routes (use it as `preValidation`, so a signed-out request gets 401 before its body is judged;
 * it also works as `preHandler`): a signed-in member (401 or a redirect to sign-in), holding any of `roles` (403),
 * and on a state change the session's CSRF token in x-csrf-token or the form field _csrf (403).
 */
export function requireStaff(...roles: StaffRole[]): preHandlerAsyncHookHandler {
  return async function staffOnly(request, reply) {
    const staff = request.staff;
    if (!staff) return refuse(request, reply, 401, 'signed_out', 'You are signed out of the workspace. Sign in again.');
    if (!SAFE_METHODS.has(request.method) && !csrfMatches(request, staff.csrfToken)) {
      return refuse(request, reply, 403, 'csrf', 'This request is missing its security token. Reload the page and try again.');
    }
    if (roles.length > 0 && !roles.some((role) => staff.roles.has(role))) {
      return refuse(request, reply, 403, 'forbidden', 'Your role does not allow this.');
    }
    return undefined;
  };
}

export function hasRole(staff: StaffUser | null, ...roles: StaffRole[]): boolean {
  return staff !== null && roles.some((role) => staff.roles.has(role));
}
