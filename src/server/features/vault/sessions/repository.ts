import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../../db/schema.ts';
import { sha256Hex } from '../../../shared/binary.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_LIFETIME_MS = 12 * 60 * 60_000;
/** Writing last_seen on every request would turn every read into a write; a minute's slack is harmless. */
const TOUCH_AFTER_MS = 60_000;

export interface Session {
  idHash: string;
  accountId: string;
  username: string;
  csrfToken: string;
  lastSeenAt: number;
  expiresAt: number;
}

export interface NewSession {
  /** The cookie value: 256 random bits. Only its SHA-256 is stored. */
  id: string;
  csrfToken: string;
  expiresAt: number;
}

/** One session ended (signed out, or found expired), or every session of an account (signed out everywhere, passphrase changed or recovered, account deleted). */
export type EndedSessions = { idHash: string } | { accountId: string };

export function createSessionsRepository(db: Kysely<Schema>) {
  // Told synchronously, on this process, whenever sessions are deleted, so an in-process cache of who is signed in
  // (the forums' topic view) forgets them before the next request. An account's sessions may end inside the
  // caller's transaction, so a listener is told before that commits.
  const endedListeners = new Set<(ended: EndedSessions) => void>();
  const ended = (which: EndedSessions) => {
    for (const listener of endedListeners) listener(which);
  };
  return {
    async create(accountId: string, now: number, trx: Db = db): Promise<NewSession> {
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = now + SESSION_LIFETIME_MS;
      await trx
        .insertInto('vault_sessions')
        .values({
          id_hash: sha256Hex(id),
          account_id: accountId,
          csrf_token: csrfToken,
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
        })
        .execute();
      return { id, csrfToken, expiresAt };
    },

    /** The live session for a cookie value, or undefined (expired ones are deleted on the way). */
    async find(id: string, now: number): Promise<Session | undefined> {
      const idHash = sha256Hex(id);
      const row = await db
        .selectFrom('vault_sessions')
        .innerJoin('vault_accounts', 'vault_accounts.id', 'vault_sessions.account_id')
        .select([
          'vault_sessions.account_id',
          'vault_sessions.csrf_token',
          'vault_sessions.last_seen_at',
          'vault_sessions.expires_at',
          'vault_accounts.username',
        ])
        .where('vault_sessions.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const lastSeenAt = row.last_seen_at;
      const expiresAt = row.expires_at;
      if (now >= expiresAt || now - lastSeenAt >= SESSION_IDLE_MS) {
        await db.deleteFrom('vault_sessions').where('id_hash', '=', idHash).execute();
        ended({ idHash });
        return undefined;
      }
      if (now - lastSeenAt >= TOUCH_AFTER_MS) {
        await db.updateTable('vault_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
      }
      return { idHash, accountId: row.account_id, username: row.username, csrfToken: row.csrf_token, lastSeenAt: now, expiresAt };
    },

    async delete(idHash: string): Promise<void> {
      await db.deleteFrom('vault_sessions').where('id_hash', '=', idHash).execute();
      ended({ idHash });
    },

    /** Ends every session of the account except, optionally, one. */
    async deleteAll(accountId: string, exceptIdHash?: string, trx: Db = db): Promise<void> {
      let query = trx.deleteFrom('vault_sessions').where('account_id', '=', accountId);
      if (exceptIdHash) query = query.where('id_hash', '!=', exceptIdHash);
      await query.execute();
      ended({ accountId });
    },

    /** Listeners must be quick and must not throw: they run inside the request that ended the sessions. */
    onEnded(listener: (ended: EndedSessions) => void): () => void {
      endedListeners.add(listener);
      return () => endedListeners.delete(listener);
    },

    /** Housekeeping: sessions past their lifetime or idle limit (not told to listeners: those check expiry themselves). */
    async deleteExpired(now: number): Promise<void> {
      await db
        .deleteFrom('vault_sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - SESSION_IDLE_MS)]))
        .execute();
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
