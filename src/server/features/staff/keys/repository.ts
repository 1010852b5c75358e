import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../../db/schema.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

// Public keys and wrapped private keys only (T4): the server cannot open any of them.

export interface MemberKey {
  publicKey: string;
  wrappedPrivateKey: string;
  kdf: { version: number; salt: string };
}

export interface TeamKeyVersion {
  version: number;
  publicKey: string;
  sealedPrevious: string | null;
  createdAt: number;
  createdBy: string;
}

export interface Grant {
  staffId: string;
  sealedKey: string;
}

export function createKeysRepository(db: Kysely<Schema>) {
  return {
    async memberKey(staffId: string): Promise<MemberKey | undefined> {
      const row = await db.selectFrom('staff_member_keys').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
      return row
        ? { publicKey: row.public_key, wrappedPrivateKey: row.wrapped_private_key, kdf: { version: row.kdf_version, salt: row.kdf_salt } }
        : undefined;
    },

    async memberKeys(staffIds: readonly string[]): Promise<Map<string, string>> {
      if (staffIds.length === 0) return new Map();
      const rows = await db.selectFrom('staff_member_keys').select(['staff_id', 'public_key']).where('staff_id', 'in', staffIds).execute();
      return new Map(rows.map((r) => [r.staff_id, r.public_key]));
    },

    async setMemberKey(staffId: string, key: MemberKey, now: number, trx: Db = db): Promise<void> {
      await trx.deleteFrom('staff_member_keys').where('staff_id', '=', staffId).execute();
      await trx
        .insertInto('staff_member_keys')
        .values({
          staff_id: staffId,
          public_key: key.publicKey,
          wrapped_private_key: key.wrappedPrivateKey,
          kdf_version: key.kdf.version,
          kdf_salt: key.kdf.salt,
          created_at: now,
        })
        .execute();
    },

    /** Every version, oldest first. */
    async teamKeys(trx: Db = db): Promise<TeamKeyVersion[]> {
      const rows = await trx.selectFrom('staff_team_keys').selectAll().orderBy('version').execute();
      return rows.map((r) => ({
        version: r.version,
        publicKey: r.public_key,
        sealedPrevious: r.sealed_previous,
        createdAt: r.created_at,
        createdBy: r.created_by,
      }));
    },

    async currentTeamKey(trx: Db = db): Promise<TeamKeyVersion | undefined> {
      const row = await trx.selectFrom('staff_team_keys').selectAll().orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row
        ? {
            version: row.version,
            publicKey: row.public_key,
            sealedPrevious: row.sealed_previous,
            createdAt: row.created_at,
            createdBy: row.created_by,
          }
        : undefined;
    },

    async grant(version: number, staffId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('staff_team_key_grants')
        .select('sealed_key')
        .where('version', '=', version)
        .where('staff_id', '=', staffId)
        .executeTakeFirst();
      return row?.sealed_key;
    },

    async grantedStaff(version: number): Promise<Set<string>> {
      const rows = await db.selectFrom('staff_team_key_grants').select('staff_id').where('version', '=', version).execute();
      return new Set(rows.map((r) => r.staff_id));
    },

    async addTeamKey(key: Omit<TeamKeyVersion, 'createdAt'>, now: number, trx: Db): Promise<void> {
      await trx
        .insertInto('staff_team_keys')
        .values({
          version: key.version,
          public_key: key.publicKey,
          sealed_previous: key.sealedPrevious,
          created_at: now,
          created_by: key.createdBy,
        })
        .execute();
    },

    async addGrants(version: number, grants: readonly Grant[], grantedBy: string, now: number, trx: Db = db): Promise<void> {
      for (const g of grants) {
        await trx.deleteFrom('staff_team_key_grants').where('version', '=', version).where('staff_id', '=', g.staffId).execute();
        await trx
          .insertInto('staff_team_key_grants')
          .values({ version, staff_id: g.staffId, sealed_key: g.sealedKey, granted_by: grantedBy, created_at: now })
          .execute();
      }
    },

    /** A leaver's copies go at once; the team key itself must still be rotated, since they may have kept it. */
    async removeGrants(staffId: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('staff_team_key_grants').where('staff_id', '=', staffId).execute();
    },
  };
}

export type KeysRepository = ReturnType<typeof createKeysRepository>;
