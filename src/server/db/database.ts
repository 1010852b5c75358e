import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface Database {
  readonly dialect: DialectName;
  readonly db: Kysely<Schema>;
  /** Throws when the database cannot answer a trivial query (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL when set; otherwise SQLite in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL only: every connection uses this schema (tests give each run its own). */
  pgSchema?: string;
}

export function openDatabase(options: DatabaseOptions): Database {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.pgSchema) : openSqlite(options.dataDir);
}

function openSqlite(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = new SQLite(join(dataDir, 'casebook.sqlite'));
  // WAL lets readers run beside the one writer; NORMAL sync is durable across process crashes in WAL mode.
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = NORMAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(file) }) });
  return {
    dialect: 'sqlite',
    db,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

const CACHED_STATEMENTS = 500;

/**
 * Kysely prepares every query afresh, and on SQLite preparing costs as much as running a small query (a
 * quarter of the server's CPU on a busy forum page). The same SQL text reuses its prepared statement; the
 * cache is bounded because `in (…)` lists of different lengths make different texts. Statements are never
 * iterated (nothing streams), so a cached one is never busy when it is asked for again.
 */
function withStatementCache(file: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(source: string) {
      let statement = statements.get(source);
      if (statement) {
        // Refresh its place so the least recently used is the one dropped.
        statements.delete(source);
      } else {
        statement = file.prepare(source);
        if (statements.size >= CACHED_STATEMENTS) statements.delete(statements.keys().next().value!);
      }
      statements.set(source, statement);
      return statement;
    },
  };
}

/**
 * pg hands int8 (COUNT, SUM of integers, bigint columns) back as a string so that no precision is lost. Every int8
 * here is a count, a size, a time in milliseconds or an id, far below 2^53, so it is read once, here, as a number,
 * and one that would lose precision fails loudly instead of being rounded.
 */
function int8AsNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${text} is beyond a safe integer`);
  return n;
}

const casebookTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? int8AsNumber
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function openPostgres(connectionString: string, schema?: string): Database {
  const pool = new pg.Pool({
    connectionString,
    types: casebookTypes,
    max: 10,
    // A database that does not answer fails a request in seconds (503, db/unavailable.ts), not minutes.
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection the server dropped (a restart, a failover, pg_terminate_backend) is an 'error' on the
  // pool; unheard, it would end the process. The pool forgets that connection and opens a new one when asked.
  pool.on('error', () => {});
  // The same for a connection in use: its query fails (and the request answers 503), and pg also emits 'error'.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    db,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}
