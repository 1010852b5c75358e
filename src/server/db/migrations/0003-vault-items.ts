import type { Kysely } from 'kysely';
import { binaryType, makeAppendOnly } from './column-types.ts';

// Encrypted items and their append-only history. `seq` is the log leaf index of the item's latest
// version: leaf indices are allocated in commit order, so it doubles as the sync cursor.
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = binaryType(db);
  await db.schema
    .createTable('vault_items')
    .addColumn('account_id', 'varchar(36)', (col) => col.notNull().references('vault_accounts.id').onDelete('cascade'))
    .addColumn('item_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('deleted', 'integer', (col) => col.notNull())
    .addColumn('seq', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('vault_items_pk', ['account_id', 'item_id'])
    .execute();
  await db.schema.createIndex('vault_items_account_seq').on('vault_items').columns(['account_id', 'seq']).execute();

  await db.schema
    .createTable('vault_item_versions')
    .addColumn('account_id', 'varchar(36)', (col) => col.notNull().references('vault_accounts.id').onDelete('cascade'))
    .addColumn('item_id', 'varchar(36)', (col) => col.notNull())
    .addColumn('version', 'integer', (col) => col.notNull())
    .addColumn('deleted', 'integer', (col) => col.notNull())
    .addColumn('envelope', binary)
    .addColumn('stored_size', 'integer', (col) => col.notNull())
    .addColumn('commitment', binary, (col) => col.notNull())
    .addColumn('leaf_index', 'bigint', (col) => col.notNull().unique())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('vault_item_versions_pk', ['account_id', 'item_id', 'version'])
    .execute();
  await makeAppendOnly(db, 'vault_item_versions', true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('vault_item_versions').execute();
  await db.schema.dropTable('vault_items').execute();
}
