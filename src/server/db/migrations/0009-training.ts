import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { isSqlite } from './column-types.ts';

// Training and events for professionals (docs/training.md). An event row is also the lock every booking change
// takes (SELECT … FOR UPDATE on PostgreSQL; the database's write lock on SQLite), so places and the waiting
// list are decided one booking at a time; booked_count and waiting_count are kept under that lock. Bookers'
// details are anonymised a retention period after the event; the private link is kept only as a SHA-256.

export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = isSqlite(db);
  const serial = sqlite ? 'integer' : 'serial';
  const pk = (col: ColumnDefinitionBuilder) => (sqlite ? col.primaryKey().autoIncrement() : col.primaryKey());

  await db.schema
    .createTable('training_events')
    .addColumn('id', serial, pk)
    .addColumn('status', 'varchar(12)', (col) => col.notNull())
    .addColumn('title', 'varchar(150)', (col) => col.notNull())
    .addColumn('summary', 'varchar(400)', (col) => col.notNull())
    .addColumn('audiences', 'varchar(100)', (col) => col.notNull())
    .addColumn('topic', 'varchar(20)', (col) => col.notNull())
    .addColumn('format', 'varchar(12)', (col) => col.notNull())
    .addColumn('region', 'varchar(20)')
    .addColumn('venue', 'varchar(300)', (col) => col.notNull())
    .addColumn('joining_url', 'varchar(500)', (col) => col.notNull())
    .addColumn('starts_at', 'bigint', (col) => col.notNull())
    .addColumn('ends_at', 'bigint', (col) => col.notNull())
    .addColumn('agenda', 'text', (col) => col.notNull())
    .addColumn('speakers', 'text', (col) => col.notNull())
    .addColumn('cpd_tenths', 'integer', (col) => col.notNull())
    .addColumn('price_pence', 'integer', (col) => col.notNull())
    .addColumn('capacity', 'integer', (col) => col.notNull())
    .addColumn('accessibility', 'text', (col) => col.notNull())
    .addColumn('materials', 'text', (col) => col.notNull())
    .addColumn('booked_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('waiting_count', 'integer', (col) => col.notNull().defaultTo(0))
    /** Arrival order of bookings on this event, counted under the event's lock. */
    .addColumn('next_seq', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('anonymised_at', 'bigint')
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('training_events_listing').on('training_events').columns(['status', 'ends_at']).execute();

  await db.schema
    .createTable('training_bookings')
    .addColumn('id', serial, pk)
    .addColumn('event_id', 'integer', (col) => col.notNull().references('training_events.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (col) => col.notNull())
    .addColumn('reference', 'varchar(16)', (col) => col.notNull().unique())
    .addColumn('token_hash', 'varchar(64)', (col) => col.unique())
    .addColumn('status', 'varchar(12)', (col) => col.notNull())
    .addColumn('name', 'varchar(100)', (col) => col.notNull())
    .addColumn('organisation', 'varchar(150)', (col) => col.notNull())
    .addColumn('role', 'varchar(100)', (col) => col.notNull())
    .addColumn('email', 'varchar(254)')
    .addColumn('phone', 'varchar(30)')
    .addColumn('access_needs', 'varchar(1000)')
    .addColumn('attended', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('certificate_code', 'varchar(24)', (col) => col.unique())
    .addColumn('certificate_issued_at', 'bigint')
    .addColumn('promoted_at', 'bigint')
    .addColumn('cancelled_at', 'bigint')
    /** Counts every change, so a kept rendering of the booking's private page is never stale. */
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .addColumn('anonymised_at', 'bigint')
    .addUniqueConstraint('training_bookings_seq', ['event_id', 'seq'])
    .execute();
  await db.schema.createIndex('training_bookings_event').on('training_bookings').columns(['event_id', 'status', 'seq']).execute();

  await db.schema
    .createTable('training_campaigns')
    .addColumn('id', serial, pk)
    .addColumn('title', 'varchar(120)', (col) => col.notNull())
    .addColumn('message', 'varchar(400)', (col) => col.notNull())
    .addColumn('link_url', 'varchar(500)', (col) => col.notNull())
    .addColumn('starts_at', 'bigint', (col) => col.notNull())
    .addColumn('ends_at', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'bigint', (col) => col.notNull())
    .addColumn('updated_at', 'bigint', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['training_campaigns', 'training_bookings', 'training_events']) await db.schema.dropTable(table).execute();
}
