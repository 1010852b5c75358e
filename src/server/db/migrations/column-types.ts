import { type Kysely, type RawBuilder, SqliteAdapter, sql } from 'kysely';

// The few places SQLite and PostgreSQL disagree on column types, decided in one helper so every vault
// migration stays dialect-neutral. Timestamps are integer milliseconds (bigint) on both.

export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** Raw bytes: BLOB on SQLite, BYTEA on PostgreSQL (Kysely's names are not portable for these). */
export function binaryType(db: Kysely<unknown>): RawBuilder<unknown> {
  return isSqlite(db) ? sql`blob` : sql`bytea`;
}

/**
 * Refuses UPDATE (and, unless allowDelete, DELETE) on a table whose rows are history: item versions may
 * only disappear with their account; log leaves never.
 */
export async function makeAppendOnly(db: Kysely<unknown>, table: string, allowDelete: boolean): Promise<void> {
  const events = allowDelete ? ['UPDATE'] : ['UPDATE', 'DELETE'];
  if (isSqlite(db)) {
    for (const event of events) {
      await sql
        .raw(
          `create trigger ${table}_no_${event.toLowerCase()} before ${event} on ${table} begin select raise(abort, '${table} is append-only'); end`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `create or replace function ${table}_append_only() returns trigger language plpgsql as $$ begin raise exception '${table} is append-only'; end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger ${table}_append_only before ${events.join(' or ')} on ${table} for each row execute function ${table}_append_only()`,
    )
    .execute(db);
}
