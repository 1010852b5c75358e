import { VaultError } from '../../../shared/errors.ts';
import { LIMITS, type RateLimits } from '../../../shared/rate-limits.ts';
import type { Pseudonymizer } from '../../../shared/server-secret.ts';
import { type SlowHash, verifySlowHash } from '../../../shared/slow-hash.ts';
import type { Account, AccountsRepository } from './repository.ts';
import { normalizeUsername } from './usernames.ts';

export const signInFailed = () =>
  new VaultError(401, 'sign_in_failed', 'That username and passphrase do not match. Check them and try again.');
export const wrongPassphrase = () => new VaultError(403, 'wrong_passphrase', 'That passphrase is not right. Nothing has been changed.');

export interface CredentialsOptions {
  accounts: AccountsRepository;
  limits: RateLimits;
  pseudonyms: Pseudonymizer;
  clock: () => number;
  /** Stands in for an unknown account's hash; a promise so start-up need not wait ~0.1 s for it. */
  dummy: Promise<SlowHash>;
}

/**
 * Checking a key (T5). Failures count against the username's HMAC, not the account, so an unknown name
 * is refused, slowed and locked exactly like a real one, and every path costs one scrypt.
 */
export function createCredentials({ accounts, limits, pseudonyms, clock, dummy }: CredentialsOptions) {
  const nameKey = (username: string) => `name:${pseudonyms.tag('username', username)}`;

  return {
    addressKey: (purpose: string, ip: string) => `${purpose}:${pseudonyms.tag('address', ip)}`,

    /** The account for a sign-in or recovery attempt, or 401 / 429 with the same answer for unknown names. */
    async signIn(input: { username: string; secret: Uint8Array; kind: 'auth' | 'recovery'; ip: string; device: string }): Promise<Account> {
      const now = clock();
      await limits.hit(`signin-address:${pseudonyms.tag('address', input.ip)}`, LIMITS.signInPerAddress, now);
      const username = normalizeUsername(input.username) ?? input.username.slice(0, 64);
      const key = nameKey(username);
      await limits.assertUnlocked(key, now);
      const account = normalizeUsername(input.username) ? await accounts.byUsername(username) : undefined;
      const matches = await verifySlowHash(input.secret, account ? account[input.kind] : await dummy);
      if (!account || !matches) {
        await limits.fail(key, now);
        if (account) await accounts.recordSignIn(account.id, now, input.device, false);
        throw signInFailed();
      }
      await limits.clear(key);
      return account;
    },

    /** Re-checks the passphrase of a signed-in person before a change that matters (403, counted as a failure). */
    async confirm(account: Account, secret: Uint8Array): Promise<void> {
      const now = clock();
      const key = nameKey(account.username);
      await limits.assertUnlocked(key, now);
      if (!(await verifySlowHash(secret, account.auth))) {
        await limits.fail(key, now);
        throw wrongPassphrase();
      }
      await limits.clear(key);
    },

    clearLock: (username: string) => limits.clear(nameKey(username)),
  };
}

export type Credentials = ReturnType<typeof createCredentials>;
