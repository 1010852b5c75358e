import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../../db/schema.ts';
import { sha256Hex } from '../../../shared/binary.ts';
import { parseRoles, type StaffRole } from '../roles.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

/** Same limits as the vault's sessions: 30 minutes idle, 12 hours at most (a shift), then sign in again. */
export const STAFF_IDLE_MS = 30 * 60_000;
export const STAFF_LIFETIME_MS = 12 * 60 * 60_000;
const TOUCH_AFTER_MS = 60_000;

export interface StaffSession {
  idHash: string;
  staffId: string;
  displayName: string;
  roles: ReadonlySet<StaffRole>;
  csrfToken: string;
  method: 'passkey' | 'password';
  expiresAt: number;
}

export function createStaffSessions(db: Kysely<Schema>) {
  return {
    async create(
      staffId: string,
      method: 'passkey' | 'password',
      now: number,
      trx: Db = db,
    ): Promise<{ id: string; csrfToken: string; expiresAt: number }> {
      const id = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = now + STAFF_LIFETIME_MS;
      await trx
        .insertInto('staff_sessions')
        .values({
          id_hash: sha256Hex(id),
          staff_id: staffId,
          csrf_token: csrfToken,
          method,
          created_at: now,
          last_seen_at: now,
          expires_at: expiresAt,
        })
        .execute();
      return { id, csrfToken, expiresAt };
    },

    /** The live session of an active member for a cookie value; expired sessions are deleted on the way. */
    async find(id: string, now: number): Promise<StaffSession | undefined> {
      const idHash = sha256Hex(id);
      const row = await db
        .selectFrom('staff_sessions')
        .innerJoin('staff_accounts', 'staff_accounts.id', 'staff_sessions.staff_id')
        .select([
          'staff_sessions.staff_id',
          'staff_sessions.csrf_token',
          'staff_sessions.method',
          'staff_sessions.last_seen_at',
          'staff_sessions.expires_at',
          'staff_accounts.display_name',
          'staff_accounts.roles',
          'staff_accounts.status',
        ])
        .where('staff_sessions.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      const lastSeenAt = row.last_seen_at;
      const expiresAt = row.expires_at;
      if (row.status !== 'active' || now >= expiresAt || now - lastSeenAt >= STAFF_IDLE_MS) {
        await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
        return undefined;
      }
      if (now - lastSeenAt >= TOUCH_AFTER_MS) {
        await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
      }
      return {
        idHash,
        staffId: row.staff_id,
        displayName: row.display_name,
        roles: parseRoles(row.roles),
        csrfToken: row.csrf_token,
        method: row.method,
        expiresAt,
      };
    },

    async delete(idHash: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('id_hash', '=', idHash).execute();
    },

    async deleteAll(staffId: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('staff_sessions').where('staff_id', '=', staffId).execute();
    },

    async deleteExpired(now: number): Promise<void> {
      await db
        .deleteFrom('staff_sessions')
        .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', now - STAFF_IDLE_MS)]))
        .execute();
    },
  };
}

export type StaffSessions = ReturnType<typeof createStaffSessions>;
