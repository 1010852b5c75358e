import { type Kysely, sql } from 'kysely';
import { binaryType, isSqlite, makeAppendOnly } from './column-types.ts';

// The staff workspace (docs/staff.md): staff accounts (no email), their credentials (password + TOTP, passkeys),
// sessions, one-time set-up codes, WebAuthn challenges, the team's X25519 keys (only ever wrapped), and the
// append-only, hash-chained audit log. Timestamps are integer milliseconds.
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = binaryType(db);
  await db.schema
    .createTable('staff_accounts')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('sign_in_name', 'varchar(64)', (col) => col.notNull().unique())
    .addColumn('display_name', 'varchar(100)', (col) => col.notNull())
    // A set, stored sorted and comma-separated: caseworker,moderator,supervisor,administrator.
    .addColumn('roles', 'varchar(100)', (col) => col.notNull())
    .addColumn('status', 'varchar(16)', (col) => col.notNull()) // 'pending' (set-up not finished), 'active', 'disabled'
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();

  // The password never reaches the server: the browser stretches it with Argon2id (as the vault does) into an
  // auth key, kept here only as a slow hash, and a wrapping key for the member's own private key.
  await db.schema
    .createTable('staff_passwords')
    .addColumn('staff_id', 'varchar(36)', (col) => col.primaryKey().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('auth_hash', binary, (col) => col.notNull())
    .addColumn('auth_salt', binary, (col) => col.notNull())
    .addColumn('auth_params', 'varchar(100)', (col) => col.notNull())
    .addColumn('kdf_version', 'integer', (col) => col.notNull())
    .addColumn('kdf_salt', 'varchar(64)', (col) => col.notNull())
    // TOTP secret sealed with a key derived from the server secret (AES-256-GCM), so a database dump alone
    // does not give second factors away.
    .addColumn('totp_secret', 'text', (col) => col.notNull())
    .addColumn('totp_last_step', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('staff_passkeys')
    .addColumn('credential_id', 'varchar(512)', (col) => col.primaryKey())
    .addColumn('staff_id', 'varchar(36)', (col) => col.notNull().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('public_key', binary, (col) => col.notNull())
    .addColumn('counter', 'bigint', (col) => col.notNull())
    .addColumn('transports', 'varchar(200)', (col) => col.notNull())
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_used_at', 'bigint')
    .execute();
  await db.schema.createIndex('staff_passkeys_staff').on('staff_passkeys').column('staff_id').execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id_hash', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('staff_id', 'varchar(36)', (col) => col.notNull().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (col) => col.notNull())
    .addColumn('method', 'varchar(16)', (col) => col.notNull()) // 'passkey' | 'password'
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_seen_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('staff_sessions_staff').on('staff_sessions').column('staff_id').execute();

  // One-time codes: the first administrator's (printed by `npm run staff:create-admin`) and each new member's
  // set-up code, given to them by the administrator in person. Only a hash is stored.
  await db.schema
    .createTable('staff_setup_codes')
    .addColumn('code_hash', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('staff_id', 'varchar(36)', (col) => col.notNull().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .execute();

  // WebAuthn challenges live in the database so a ceremony may begin on one process and finish on another.
  await db.schema
    .createTable('staff_challenges')
    .addColumn('id', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('challenge', 'varchar(128)', (col) => col.notNull())
    .addColumn('purpose', 'varchar(16)', (col) => col.notNull())
    .addColumn('staff_id', 'varchar(36)')
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .execute();

  // Each member's X25519 key pair; the private key is wrapped in their browser by a key only they can derive.
  await db.schema
    .createTable('staff_member_keys')
    .addColumn('staff_id', 'varchar(36)', (col) => col.primaryKey().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('public_key', 'varchar(64)', (col) => col.notNull())
    .addColumn('wrapped_private_key', 'text', (col) => col.notNull())
    .addColumn('kdf_version', 'integer', (col) => col.notNull())
    .addColumn('kdf_salt', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();

  // Team key versions: the newest is current. `sealed_previous` is the previous version's private key sealed to
  // this version's public key, so whoever holds the current key can walk back through every older one.
  await db.schema
    .createTable('staff_team_keys')
    .addColumn('version', 'integer', (col) => col.primaryKey())
    .addColumn('public_key', 'varchar(64)', (col) => col.notNull())
    .addColumn('sealed_previous', 'text')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('created_by', 'varchar(36)', (col) => col.notNull())
    .execute();

  // A team private key sealed to one member's public key.
  await db.schema
    .createTable('staff_team_key_grants')
    .addColumn('version', 'integer', (col) => col.notNull().references('staff_team_keys.version'))
    .addColumn('staff_id', 'varchar(36)', (col) => col.notNull().references('staff_accounts.id').onDelete('cascade'))
    .addColumn('sealed_key', 'text', (col) => col.notNull())
    .addColumn('granted_by', 'varchar(36)', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('staff_team_key_grants_pk', ['version', 'staff_id'])
    .execute();

  // The audit log: ids are the chain position (1, 2, 3 …), `hash` = sha256(prev_hash ‖ canonical row). No
  // foreign key to staff_accounts: the log outlives the accounts it names. Nobody may UPDATE or DELETE a row.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (col) => col.primaryKey())
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('staff_id', 'varchar(36)')
    .addColumn('action', 'varchar(64)', (col) => col.notNull())
    .addColumn('subject_type', 'varchar(32)', (col) => col.notNull())
    .addColumn('subject_id', 'varchar(100)', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('prev_hash', 'varchar(64)', (col) => col.notNull())
    .addColumn('hash', 'varchar(64)', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_staff').on('audit_log').columns(['staff_id', 'id']).execute();
  await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject_type', 'subject_id', 'id']).execute();
  await makeAppendOnly(db, 'audit_log', false);
  if (!isSqlite(db)) {
    // Row triggers do not fire on TRUNCATE; refuse that too.
    await sql
      .raw('create trigger audit_log_no_truncate before truncate on audit_log for each statement execute function audit_log_append_only()')
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_log',
    'staff_team_key_grants',
    'staff_team_keys',
    'staff_member_keys',
    'staff_challenges',
    'staff_setup_codes',
    'staff_sessions',
    'staff_passkeys',
    'staff_passwords',
    'staff_accounts',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
