import type { Kysely } from 'kysely';
import { binaryType } from './column-types.ts';

// Vault accounts (no email, no phone number), their sessions, recent sign-ins, recovery tokens and the
// database-held rate-limit counters that make lockout hold across app processes (T5).
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = binaryType(db);
  await db.schema
    .createTable('vault_accounts')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('username', 'varchar(32)', (col) => col.notNull().unique())
    .addColumn('auth_hash', binary, (col) => col.notNull())
    .addColumn('auth_salt', binary, (col) => col.notNull())
    .addColumn('auth_params', 'varchar(100)', (col) => col.notNull())
    .addColumn('recovery_hash', binary, (col) => col.notNull())
    .addColumn('recovery_salt', binary, (col) => col.notNull())
    .addColumn('recovery_params', 'varchar(100)', (col) => col.notNull())
    .addColumn('kdf_version', 'integer', (col) => col.notNull())
    .addColumn('kdf_salt', 'varchar(64)', (col) => col.notNull())
    .addColumn('wrapped_key_passphrase', 'text', (col) => col.notNull())
    .addColumn('wrapped_key_recovery', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('vault_sessions')
    .addColumn('id_hash', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('account_id', 'varchar(36)', (col) => col.notNull().references('vault_accounts.id').onDelete('cascade'))
    .addColumn('csrf_token', 'varchar(64)', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('last_seen_at', 'bigint', (col) => col.notNull())
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('vault_sessions_account').on('vault_sessions').column('account_id').execute();

  await db.schema
    .createTable('vault_recovery_tokens')
    .addColumn('token_hash', 'varchar(64)', (col) => col.primaryKey())
    .addColumn('account_id', 'varchar(36)', (col) => col.notNull().references('vault_accounts.id').onDelete('cascade'))
    .addColumn('expires_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('vault_recovery_tokens_account').on('vault_recovery_tokens').column('account_id').execute();

  await db.schema
    .createTable('vault_sign_ins')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('account_id', 'varchar(36)', (col) => col.notNull().references('vault_accounts.id').onDelete('cascade'))
    .addColumn('at', 'bigint', (col) => col.notNull())
    .addColumn('device', 'varchar(100)', (col) => col.notNull())
    .addColumn('succeeded', 'integer', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('vault_sign_ins_account_at').on('vault_sign_ins').columns(['account_id', 'at']).execute();

  await db.schema
    .createTable('vault_rate_limits')
    .addColumn('key', 'varchar(100)', (col) => col.primaryKey())
    .addColumn('window_start', 'bigint', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .addColumn('failures', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'bigint', (col) => col.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['vault_rate_limits', 'vault_sign_ins', 'vault_recovery_tokens', 'vault_sessions', 'vault_accounts']) {
    await db.schema.dropTable(table).execute();
  }
}
