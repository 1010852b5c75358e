import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../../../db/schema.ts';
import { sha256Hex } from '../../../shared/binary.ts';
import { formatRoles, parseRoles, type StaffRole } from '../roles.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export type StaffStatus = 'pending' | 'active' | 'disabled';

export interface StaffAccount {
  id: string;
  signInName: string;
  displayName: string;
  roles: ReadonlySet<StaffRole>;
  status: StaffStatus;
  createdAt: number;
  updatedAt: number;
}

export interface StaffPassword {
  auth: { hash: Buffer; salt: Buffer; params: string };
  kdf: { version: number; salt: string };
  totpSecret: string;
  totpLastStep: number;
}

export interface StaffPasskey {
  credentialId: string;
  staffId: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** A set-up code lasts a week: long enough to reach a new starter, short enough not to linger. */
export const SETUP_CODE_MS = 7 * 24 * 60 * 60_000;
const SETUP_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';

/** 20 characters from a 30-letter alphabet without look-alikes (≈98 bits), shown in groups of four. */
export function newSetupCode(): string {
  const bytes = randomBytes(40);
  let code = '';
  for (const byte of bytes) {
    if (byte >= 240) continue; // 240 = 8 × 30: rejection keeps every letter equally likely
    code += SETUP_ALPHABET[byte % 30];
    if (code.length === 20) break;
  }
  if (code.length < 20) return newSetupCode();
  return code.match(/.{4}/g)!.join('-');
}

export function normaliseSetupCode(input: string): string {
  const letters = input
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 40);
  return letters.match(/.{1,4}/g)?.join('-') ?? '';
}

type AccountRow = Pick<Schema['staff_accounts'], 'id' | 'sign_in_name' | 'display_name' | 'roles' | 'status'> & {
  created_at: number;
  updated_at: number;
};

function fromRow(row: AccountRow): StaffAccount {
  return {
    id: row.id,
    signInName: row.sign_in_name,
    displayName: row.display_name,
    roles: parseRoles(row.roles),
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const ACCOUNT_COLUMNS = ['id', 'sign_in_name', 'display_name', 'roles', 'status', 'created_at', 'updated_at'] as const;

export function createStaffAccounts(db: Kysely<Schema>) {
  return {
    async create(
      input: { signInName: string; displayName: string; roles: Iterable<StaffRole>; createdBy: string | null; now: number },
      trx: Db = db,
    ): Promise<StaffAccount> {
      const id = randomUUID();
      await trx
        .insertInto('staff_accounts')
        .values({
          id,
          sign_in_name: input.signInName,
          display_name: input.displayName,
          roles: formatRoles(input.roles),
          status: 'pending',
          created_at: input.now,
          created_by: input.createdBy,
          updated_at: input.now,
        })
        .execute();
      return {
        id,
        signInName: input.signInName,
        displayName: input.displayName,
        roles: new Set(input.roles),
        status: 'pending',
        createdAt: input.now,
        updatedAt: input.now,
      };
    },

    async byId(id: string, trx: Db = db): Promise<StaffAccount | undefined> {
      const row = await trx.selectFrom('staff_accounts').select(ACCOUNT_COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    async bySignInName(name: string): Promise<StaffAccount | undefined> {
      const row = await db.selectFrom('staff_accounts').select(ACCOUNT_COLUMNS).where('sign_in_name', '=', name).executeTakeFirst();
      return row ? fromRow(row) : undefined;
    },

    async list(): Promise<StaffAccount[]> {
      const rows = await db.selectFrom('staff_accounts').select(ACCOUNT_COLUMNS).orderBy('display_name').execute();
      return rows.map(fromRow);
    },

    async count(): Promise<number> {
      const row = await db
        .selectFrom('staff_accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return row.n;
    },

    async update(
      id: string,
      change: { displayName?: string; roles?: Iterable<StaffRole>; status?: StaffStatus },
      now: number,
      trx: Db = db,
    ): Promise<void> {
      await trx
        .updateTable('staff_accounts')
        .set({
          ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
          ...(change.roles !== undefined ? { roles: formatRoles(change.roles) } : {}),
          ...(change.status !== undefined ? { status: change.status } : {}),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
    },

    async issueSetupCode(staffId: string, now: number, trx: Db = db): Promise<string> {
      const code = newSetupCode();
      await trx.deleteFrom('staff_setup_codes').where('staff_id', '=', staffId).execute();
      await trx
        .insertInto('staff_setup_codes')
        .values({ code_hash: sha256Hex(code), staff_id: staffId, expires_at: now + SETUP_CODE_MS })
        .execute();
      return code;
    },

    /** The pending account a set-up code belongs to, if the code is live. */
    async bySetupCode(code: string, now: number): Promise<{ account: StaffAccount; codeHash: string } | undefined> {
      const codeHash = sha256Hex(normaliseSetupCode(code));
      const row = await db
        .selectFrom('staff_setup_codes')
        .select(['staff_id', 'expires_at'])
        .where('code_hash', '=', codeHash)
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return undefined;
      const account = await this.byId(row.staff_id);
      return account && account.status === 'pending' ? { account, codeHash } : undefined;
    },

    async deleteSetupCodes(staffId: string, trx: Db = db): Promise<void> {
      await trx.deleteFrom('staff_setup_codes').where('staff_id', '=', staffId).execute();
    },

    async setPassword(
      staffId: string,
      input: {
        auth: { hash: Buffer; salt: Buffer; params: string };
        kdf: { version: number; salt: string };
        sealedTotp: string;
        now: number;
      },
      trx: Db = db,
    ): Promise<void> {
      await trx.deleteFrom('staff_passwords').where('staff_id', '=', staffId).execute();
      await trx
        .insertInto('staff_passwords')
        .values({
          staff_id: staffId,
          auth_hash: input.auth.hash,
          auth_salt: input.auth.salt,
          auth_params: input.auth.params,
          kdf_version: input.kdf.version,
          kdf_salt: input.kdf.salt,
          totp_secret: input.sealedTotp,
          totp_last_step: 0,
          updated_at: input.now,
        })
        .execute();
    },

    async password(staffId: string): Promise<StaffPassword | undefined> {
      const row = await db.selectFrom('staff_passwords').selectAll().where('staff_id', '=', staffId).executeTakeFirst();
      if (!row) return undefined;
      return {
        auth: { hash: Buffer.from(row.auth_hash), salt: Buffer.from(row.auth_salt), params: row.auth_params },
        kdf: { version: row.kdf_version, salt: row.kdf_salt },
        totpSecret: row.totp_secret,
        totpLastStep: row.totp_last_step,
      };
    },

    /** Records the TOTP time step just used; false if it (or a later one) was used already — a replayed code. */
    async useTotpStep(staffId: string, step: number): Promise<boolean> {
      const result = await db
        .updateTable('staff_passwords')
        .set({ totp_last_step: step })
        .where('staff_id', '=', staffId)
        .where('totp_last_step', '<', step)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async addPasskey(passkey: Omit<StaffPasskey, 'lastUsedAt'>, trx: Db = db): Promise<void> {
      await trx
        .insertInto('staff_passkeys')
        .values({
          credential_id: passkey.credentialId,
          staff_id: passkey.staffId,
          public_key: Buffer.from(passkey.publicKey),
          counter: passkey.counter,
          transports: passkey.transports.join(','),
          name: passkey.name,
          created_at: passkey.createdAt,
          last_used_at: null,
        })
        .execute();
    },

    async passkeys(staffId: string): Promise<StaffPasskey[]> {
      const rows = await db.selectFrom('staff_passkeys').selectAll().where('staff_id', '=', staffId).orderBy('created_at').execute();
      return rows.map((row) => ({
        credentialId: row.credential_id,
        staffId: row.staff_id,
        publicKey: new Uint8Array(row.public_key),
        counter: row.counter,
        transports: row.transports ? row.transports.split(',') : [],
        name: row.name,
        createdAt: row.created_at,
        lastUsedAt: row.last_used_at,
      }));
    },

    async passkey(credentialId: string): Promise<StaffPasskey | undefined> {
      const row = await db.selectFrom('staff_passkeys').select('staff_id').where('credential_id', '=', credentialId).executeTakeFirst();
      if (!row) return undefined;
      return (await this.passkeys(row.staff_id)).find((p) => p.credentialId === credentialId);
    },

    async usePasskey(credentialId: string, counter: number, now: number): Promise<void> {
      await db.updateTable('staff_passkeys').set({ counter, last_used_at: now }).where('credential_id', '=', credentialId).execute();
    },

    async removePasskey(staffId: string, credentialId: string): Promise<boolean> {
      const result = await db
        .deleteFrom('staff_passkeys')
        .where('staff_id', '=', staffId)
        .where('credential_id', '=', credentialId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) === 1;
    },
  };
}

export type StaffAccounts = ReturnType<typeof createStaffAccounts>;
