import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Envelope } from '../../../../crypto/envelope.ts';
import type { Schema, VaultAccountsTable } from '../../../db/schema.ts';
import type { SlowHash } from '../../../shared/slow-hash.ts';
import type { SessionsRepository } from '../sessions/repository.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface Kdf {
  version: number;
  salt: string;
}

export interface Account {
  id: string;
  username: string;
  auth: SlowHash;
  recovery: SlowHash;
  kdf: Kdf;
  wrappedKeyPassphrase: Envelope;
  wrappedKeyRecovery: Envelope;
}

export interface SignIn {
  at: number;
  device: string;
  succeeded: boolean;
}

const SIGN_INS_KEPT = 20;

function toAccount(r: Selectable<VaultAccountsTable>): Account {
  return {
    id: r.id,
    username: r.username,
    auth: { hash: Buffer.from(r.auth_hash), salt: Buffer.from(r.auth_salt), params: r.auth_params },
    recovery: { hash: Buffer.from(r.recovery_hash), salt: Buffer.from(r.recovery_salt), params: r.recovery_params },
    kdf: { version: r.kdf_version, salt: r.kdf_salt },
    wrappedKeyPassphrase: JSON.parse(r.wrapped_key_passphrase) as Envelope,
    wrappedKeyRecovery: JSON.parse(r.wrapped_key_recovery) as Envelope,
  };
}

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Another feature's rows for an account, removed inside the account's deletion transaction (before the account row). */
export type AccountDeletingHook = (accountId: string, trx: Transaction<Schema>) => Promise<void>;

export function createAccountsRepository(db: Kysely<Schema>, sessions: SessionsRepository) {
  // Foreign keys would remove other features' rows too, but only a feature knows what else its rows change (the
  // forums: reply counts and page versions of topics the member replied in), so it does the removing itself.
  const deletingHooks = new Set<AccountDeletingHook>();
  return {
    /** Runs `hook` inside every account deletion; returns a function that stops it. */
    onDeleting(hook: AccountDeletingHook): () => void {
      deletingHooks.add(hook);
      return () => deletingHooks.delete(hook);
    },

    async byUsername(username: string): Promise<Account | undefined> {
      const row = await db.selectFrom('vault_accounts').selectAll().where('username', '=', username).executeTakeFirst();
      return row ? toAccount(row) : undefined;
    },

    async byId(id: string): Promise<Account | undefined> {
      const row = await db.selectFrom('vault_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toAccount(row) : undefined;
    },

    async usernameTaken(username: string): Promise<boolean> {
      return (await db.selectFrom('vault_accounts').select('id').where('username', '=', username).executeTakeFirst()) !== undefined;
    },

    /** Inserts the account; false when the username is taken (by a racing sign-up, too). */
    async create(account: Omit<Account, 'id'>, now: number): Promise<string | undefined> {
      const id = randomUUID();
      try {
        await db
          .insertInto('vault_accounts')
          .values({
            id,
            username: account.username,
            auth_hash: account.auth.hash,
            auth_salt: account.auth.salt,
            auth_params: account.auth.params,
            recovery_hash: account.recovery.hash,
            recovery_salt: account.recovery.salt,
            recovery_params: account.recovery.params,
            kdf_version: account.kdf.version,
            kdf_salt: account.kdf.salt,
            wrapped_key_passphrase: JSON.stringify(account.wrappedKeyPassphrase),
            wrapped_key_recovery: JSON.stringify(account.wrappedKeyRecovery),
            created_at: now,
          })
          .execute();
        return id;
      } catch (error) {
        if (isUniqueViolation(error)) return undefined;
        throw error;
      }
    },

    /** A new passphrase: new auth hash, KDF salt and passphrase-wrapped vault key; the data is untouched. */
    async setPassphrase(trx: Db, accountId: string, auth: SlowHash, kdf: Kdf, wrapped: Envelope): Promise<void> {
      await trx
        .updateTable('vault_accounts')
        .set({
          auth_hash: auth.hash,
          auth_salt: auth.salt,
          auth_params: auth.params,
          kdf_version: kdf.version,
          kdf_salt: kdf.salt,
          wrapped_key_passphrase: JSON.stringify(wrapped),
        })
        .where('id', '=', accountId)
        .execute();
    },

    /** A new recovery key: its slow hash and the vault key wrapped by it. The old key stops working at once. */
    async setRecovery(trx: Db, accountId: string, recovery: SlowHash, wrapped: Envelope): Promise<void> {
      await trx
        .updateTable('vault_accounts')
        .set({
          recovery_hash: recovery.hash,
          recovery_salt: recovery.salt,
          recovery_params: recovery.params,
          wrapped_key_recovery: JSON.stringify(wrapped),
        })
        .where('id', '=', accountId)
        .execute();
    },

    async recordSignIn(accountId: string, at: number, device: string, succeeded: boolean): Promise<void> {
      await db
        .insertInto('vault_sign_ins')
        .values({ id: randomUUID(), account_id: accountId, at, device, succeeded: succeeded ? 1 : 0 })
        .execute();
      const keep = db
        .selectFrom('vault_sign_ins')
        .select('id')
        .where('account_id', '=', accountId)
        .orderBy('at', 'desc')
        .orderBy('id')
        .limit(SIGN_INS_KEPT);
      await db.deleteFrom('vault_sign_ins').where('account_id', '=', accountId).where('id', 'not in', keep).execute();
    },

    async signIns(accountId: string, limit = SIGN_INS_KEPT): Promise<SignIn[]> {
      const rows = await db
        .selectFrom('vault_sign_ins')
        .select(['at', 'device', 'succeeded'])
        .where('account_id', '=', accountId)
        .orderBy('at', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ at: r.at, device: r.device, succeeded: r.succeeded === 1 }));
    },

    async createRecoveryToken(accountId: string, tokenHash: string, expiresAt: number): Promise<void> {
      await db
        .insertInto('vault_recovery_tokens')
        .values({ token_hash: tokenHash, account_id: accountId, expires_at: expiresAt })
        .execute();
    },

    /** Single use: the token is deleted by the same statement that redeems it. */
    async redeemRecoveryToken(tokenHash: string, now: number): Promise<string | undefined> {
      const row = await db
        .deleteFrom('vault_recovery_tokens')
        .where('token_hash', '=', tokenHash)
        .returning(['account_id', 'expires_at'])
        .executeTakeFirst();
      return row && row.expires_at > now ? row.account_id : undefined;
    },

    /** Every row the account owns, in one transaction; the caller removes its blobs afterwards. */
    async deleteAccount(accountId: string): Promise<string[]> {
      return db.transaction().execute(async (trx) => {
        for (const hook of deletingHooks) await hook(accountId, trx);
        const attachments = await trx.selectFrom('vault_attachments').select('id').where('account_id', '=', accountId).execute();
        const ids = attachments.map((a) => a.id);
        if (ids.length > 0) await trx.deleteFrom('vault_attachment_chunks').where('attachment_id', 'in', ids).execute();
        await trx.deleteFrom('vault_attachments').where('account_id', '=', accountId).execute();
        await trx.deleteFrom('vault_item_versions').where('account_id', '=', accountId).execute();
        await trx.deleteFrom('vault_items').where('account_id', '=', accountId).execute();
        await sessions.deleteAll(accountId, undefined, trx);
        await trx.deleteFrom('vault_recovery_tokens').where('account_id', '=', accountId).execute();
        await trx.deleteFrom('vault_sign_ins').where('account_id', '=', accountId).execute();
        await trx.deleteFrom('vault_accounts').where('id', '=', accountId).execute();
        return ids;
      });
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
