import type { FastifyReply, FastifyRequest } from 'fastify';
import { roughDevice } from '../../../shared/device.ts';
import type { Account } from '../accounts/repository.ts';
import type { VaultServices } from '../services.ts';
import { setSessionCookie } from './guard.ts';

export const deviceOf = (request: FastifyRequest) => roughDevice(request.headers['user-agent']);

/** Starts a session and answers as POST /sessions does: the sign-ins shown are those before this one. */
export async function signedIn(vault: VaultServices, request: FastifyRequest, reply: FastifyReply, account: Account) {
  const now = vault.clock();
  const lastSignIns = await vault.accounts.signIns(account.id);
  const session = await vault.sessions.create(account.id, now);
  await vault.accounts.recordSignIn(account.id, now, deviceOf(request), true);
  setSessionCookie(reply, vault, session.id);
  reply.header('cache-control', 'no-store');
  return {
    username: account.username,
    csrfToken: session.csrfToken,
    kdf: account.kdf,
    wrappedVaultKey: account.wrappedKeyPassphrase,
    lastSignIns,
  };
}
