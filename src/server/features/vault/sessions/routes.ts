import type { TypedApp } from '../../../http/typed-routes.ts';
import { decodeB64 } from '../../../shared/binary.ts';
import type { VaultServices } from '../services.ts';
import { clearSessionCookie, requireSession, sessionOf } from './guard.ts';
import { SESSION_IDLE_MS } from './repository.ts';
import { sessionResponse, signedInResponse, signInBody } from './schemas.ts';
import { deviceOf, signedIn } from './sign-in.ts';

const tags = ['sessions'];
const security = [{ session: [] }];

/** Signing in and out. The session cookie is HttpOnly, Secure, SameSite=Strict; its id is stored only hashed. */
export async function sessionRoutes(app: TypedApp, { vault }: { vault: VaultServices }): Promise<void> {
  const preValidation = requireSession(vault);

  app.post('/api/v1/sessions', { schema: { tags, body: signInBody, response: { 200: signedInResponse } } }, async (request, reply) => {
    const account = await vault.credentials.signIn({
      username: request.body.username,
      secret: decodeB64(request.body.authKey, 'authKey', 32),
      kind: 'auth',
      ip: request.ip,
      device: deviceOf(request),
    });
    return signedIn(vault, request, reply, account);
  });

  app.get('/api/v1/session', { preValidation, schema: { tags, security, response: { 200: sessionResponse } } }, async (request, reply) => {
    const session = sessionOf(request);
    reply.header('cache-control', 'no-store');
    return {
      username: session.username,
      csrfToken: session.csrfToken,
      idleTimeoutSeconds: SESSION_IDLE_MS / 1000,
      expiresAt: session.expiresAt,
    };
  });

  app.delete('/api/v1/session', { preValidation, schema: { tags, security } }, async (request, reply) => {
    await vault.sessions.delete(sessionOf(request).idHash);
    clearSessionCookie(reply, vault);
    return reply.code(204).send();
  });

  app.delete('/api/v1/sessions', { preValidation, schema: { tags, security } }, async (request, reply) => {
    await vault.sessions.deleteAll(sessionOf(request).accountId);
    clearSessionCookie(reply, vault);
    return reply.code(204).send();
  });
}
