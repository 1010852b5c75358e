import type { Kysely } from 'kysely';

// Encrypted attachments: the rows say which chunks arrived; the bytes live in the blob store.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('vault_attachments')
    .addColumn('id', 'varchar(36)', (col) => col.primaryKey())
    .addColumn('account_id', 'varchar(36)', (col) => col.notNull().references('vault_accounts.id').onDelete('cascade'))
    .addColumn('chunk_count', 'integer', (col) => col.notNull())
    .addColumn('size', 'bigint', (col) => col.notNull())
    .addColumn('header', 'text', (col) => col.notNull())
    .addColumn('metadata', 'text', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('completed_at', 'bigint')
    .execute();
  await db.schema.createIndex('vault_attachments_account').on('vault_attachments').column('account_id').execute();

  await db.schema
    .createTable('vault_attachment_chunks')
    .addColumn('attachment_id', 'varchar(36)', (col) => col.notNull().references('vault_attachments.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('received_at', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('vault_attachment_chunks_pk', ['attachment_id', 'idx'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('vault_attachment_chunks').execute();
  await db.schema.dropTable('vault_attachments').execute();
}
