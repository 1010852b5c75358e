import { Migrator, sql } from 'kysely';
import type { Database } from './database.ts';
import { migrations } from './migrations/index.ts';

/**
 * Brings the database up to the latest migration; the same runner for SQLite and PostgreSQL. When several app
 * processes start together on PostgreSQL, Kysely's migrator serialises them with a session advisory lock (and
 * tolerates their creating its bookkeeping tables at once): one migrates, the rest find nothing to do
 * (database.test.ts starts four at once on a fresh schema).
 */
export async function migrateToLatest(database: Database): Promise<string[]> {
  // Kysely looks for its migration tables in every schema it can see; pin them to ours, or a second
  // schema on the same PostgreSQL (tests running side by side) makes it skip creating them.
  const migrationTableSchema =
    database.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(database.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${cause}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
