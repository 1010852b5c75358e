import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { createInProcessEventBus, type EventBus } from './event-bus.ts';
import { createPostgresEventBus } from './postgres-event-bus.ts';

/** In-process on SQLite (one process); LISTEN/NOTIFY when the database is PostgreSQL (any number of processes). */
export async function createEventBus(config: Config, database: Database, pgSchema?: string): Promise<EventBus> {
  const onError = (error: unknown) => {
    if (config.logLevel !== 'silent')
      console.error(JSON.stringify({ level: 50, msg: 'event bus', err: error instanceof Error ? error.message : String(error) }));
  };
  if (database.dialect !== 'postgres' || !config.databaseUrl) return createInProcessEventBus(onError);
  return createPostgresEventBus({
    connectionString: config.databaseUrl,
    schema: pgSchema,
    notify: async (channel, text) => {
      await sql`select pg_notify(${channel}, ${text})`.execute(database.db);
    },
    onError,
  });
}
