import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** PostgreSQL for tests: the machine's server by default. In CI it must be there; elsewhere tests say they skip. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

let available: Promise<boolean> | undefined;

export function postgresAvailable(): Promise<boolean> {
  available ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch (error) {
      if (process.env.CI) {
        throw new Error(`PostgreSQL is required in CI but ${TEST_DATABASE_URL} did not answer: ${(error as Error).message}`);
      }
      console.warn(`PostgreSQL tests SKIPPED: no server at ${TEST_DATABASE_URL} (set TEST_DATABASE_URL to run them).`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return available;
}

/** A schema of its own for one test file, so runs never see each other's rows; dropped afterwards. */
export async function createTestSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  return {
    schema,
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}
