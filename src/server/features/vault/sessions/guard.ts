import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { VaultError } from '../../../shared/errors.ts';
import type { VaultServices } from '../services.ts';
import type { Session } from './repository.ts';

export const SESSION_COOKIE = 'casebook_vault';

const sessions = new WeakMap<FastifyRequest, Session>();

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const signedOut = () => new VaultError(401, 'signed_out', 'You are signed out. Sign in again to open your vault.');

/**
 * preValidation hook for every signed-in route: a live session from the cookie (401 otherwise) and, on any state
 * change, the session's CSRF token in x-csrf-token (403 otherwise).
 */
export function requireSession(vault: VaultServices) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const id = request.cookies[SESSION_COOKIE];
    if (!id || id.length > 100) throw signedOut();
    const session = await vault.sessions.find(id, vault.clock());
    if (!session) throw signedOut();
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      const given = Buffer.from(typeof header === 'string' ? header : '');
      const expected = Buffer.from(session.csrfToken);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new VaultError(403, 'csrf', 'This request is missing its security token. Reload the page and try again.');
      }
    }
    sessions.set(request, session);
  };
}

/** The session requireSession found; only call from a route that has it as a preValidation hook. */
export function sessionOf(request: FastifyRequest): Session {
  const session = sessions.get(request);
  if (!session) throw signedOut();
  return session;
}

export function setSessionCookie(reply: FastifyReply, vault: VaultServices, id: string): void {
  // No Max-Age: the cookie dies with the browser; the server ends the session sooner (idle, lifetime).
  reply.setCookie(SESSION_COOKIE, id, { httpOnly: true, secure: vault.config.cookieSecure, sameSite: 'strict', path: '/' });
}

export function clearSessionCookie(reply: FastifyReply, vault: VaultServices): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: vault.config.cookieSecure, sameSite: 'strict', path: '/' });
}
