import type { Kysely } from 'kysely';
import { binaryType, makeAppendOnly } from './column-types.ts';

// The one append-only Merkle log (RFC 6962) of commitments for the whole service (T6). Leaves hold no
// account id. vault_log_nodes caches every completed perfect subtree (level ≥ 1) so roots and proofs
// are O(log n) reads; vault_log_state is the single row every appender locks to allocate leaf indices.
export async function up(db: Kysely<unknown>): Promise<void> {
  const binary = binaryType(db);
  await db.schema
    .createTable('vault_log_state')
    .addColumn('id', 'integer', (col) => col.primaryKey())
    .addColumn('tree_size', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db
    .insertInto('vault_log_state' as never)
    .values({ id: 1, tree_size: 0, updated_at: 0 } as never)
    .execute();

  await db.schema
    .createTable('vault_log_leaves')
    .addColumn('leaf_index', 'bigint', (col) => col.primaryKey())
    .addColumn('leaf_hash', binary, (col) => col.notNull())
    .addColumn('timestamp', 'bigint', (col) => col.notNull())
    .addColumn('log_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('signature', binary, (col) => col.notNull())
    .execute();
  await makeAppendOnly(db, 'vault_log_leaves', false);

  await db.schema
    .createTable('vault_log_nodes')
    .addColumn('level', 'integer', (col) => col.notNull())
    .addColumn('idx', 'bigint', (col) => col.notNull())
    .addColumn('hash', binary, (col) => col.notNull())
    .addPrimaryKeyConstraint('vault_log_nodes_pk', ['level', 'idx'])
    .execute();

  await db.schema
    .createTable('vault_tree_heads')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('tree_size', 'bigint', (col) => col.notNull())
    .addColumn('root_hash', binary, (col) => col.notNull())
    .addColumn('timestamp', 'bigint', (col) => col.notNull())
    .addColumn('log_id', 'varchar(64)', (col) => col.notNull())
    .addColumn('signature', binary, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('vault_tree_heads_latest').on('vault_tree_heads').columns(['tree_size', 'timestamp']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['vault_tree_heads', 'vault_log_nodes', 'vault_log_leaves', 'vault_log_state']) {
    await db.schema.dropTable(table).execute();
  }
}
