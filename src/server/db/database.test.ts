import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL } from '../../../test/support/postgres.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';

async function exercise(database: Database) {
  const applied = await migrateToLatest(database);
  expect(applied).toEqual(Object.keys(migrations));
  // Running again is a no-op: start-up migrates every time.
  expect(await migrateToLatest(database)).toEqual([]);
  await database.db.insertInto('service_meta').values({ key: 'greeting', value: 'hello' }).execute();
  const row = await database.db.selectFrom('service_meta').selectAll().where('key', '=', 'greeting').executeTakeFirstOrThrow();
  expect(row.value).toBe('hello');
  await expect(database.ping()).resolves.toBeUndefined();
}

describe('database on SQLite (the embedded default)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, writes and reads, in WAL mode', async () => {
    const database = openDatabase({ dataDir: dir });
    expect(database.dialect).toBe('sqlite');
    await exercise(database);
    const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(database.db);
    expect(rows[0]?.journal_mode).toBe('wal');
    await database.close();
  });

  it('keeps data across a reopen', async () => {
    const database = openDatabase({ dataDir: dir });
    const row = await database.db.selectFrom('service_meta').selectAll().executeTakeFirst();
    expect(row?.value).toBe('hello');
    await database.close();
  });
});

describe('database on PostgreSQL (DATABASE_URL)', async () => {
  const run = await postgresAvailable();
  it.runIf(run)('migrates, writes and reads with the same migrations', async () => {
    const { schema, drop } = await createTestSchema();
    const database = openDatabase({ dataDir: '/nonexistent', databaseUrl: TEST_DATABASE_URL, pgSchema: schema });
    try {
      expect(database.dialect).toBe('postgres');
      await exercise(database);
    } finally {
      await database.close();
      await drop();
    }
  });

  it.runIf(run)('migrates once when several processes start together on a fresh schema', async () => {
    const { schema, drop } = await createTestSchema();
    const processes = Array.from({ length: 4 }, () =>
      openDatabase({ dataDir: '/nonexistent', databaseUrl: TEST_DATABASE_URL, pgSchema: schema }),
    );
    try {
      const applied = await Promise.all(processes.map((database) => migrateToLatest(database)));
      // One of them ran every migration; the others waited for its lock and found nothing to do.
      expect(applied.map((names) => names.length).sort()).toEqual([0, 0, 0, Object.keys(migrations).length]);
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(processes[0]!.db);
      expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations));
    } finally {
      for (const database of processes) await database.close();
      await drop();
    }
  });

  it.runIf(run)('ping fails when the server cannot be reached', async () => {
    const database = openDatabase({ dataDir: '/nonexistent', databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
    await expect(database.ping()).rejects.toThrow();
    await database.close();
  });
});
