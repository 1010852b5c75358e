import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createServices, type Services } from '../../src/server/services.ts';
import { createTestSchema, TEST_DATABASE_URL } from './postgres.ts';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  dataDir: string;
  close(): Promise<void>;
  /**
   * Another app process on the same database and data directory (PostgreSQL: as several processes run in
   * production), optionally with more environment (a rotated key set, another blob store).
   */
  anotherProcess(env?: Record<string, string>): Promise<TestApp>;
}

export interface TestAppOptions {
  dialect?: 'sqlite' | 'postgres';
  clock?: () => number;
  env?: Record<string, string>;
}

/** The real app on a real database in a throw-away data directory (and schema, for PostgreSQL). */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'casebook-test-'));
  const pgSchema = options.dialect === 'postgres' ? await createTestSchema() : undefined;
  const first = await startApp(options, dataDir, pgSchema?.schema);
  return {
    ...first,
    close: async () => {
      await first.close();
      await pgSchema?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One app process on a schema and data directory that exist already; closing it leaves them to whoever made them. */
export async function startApp(options: TestAppOptions, dataDir: string, pgSchema: string | undefined): Promise<TestApp> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...(pgSchema ? { DATABASE_URL: TEST_DATABASE_URL } : {}),
    ...options.env,
  });
  const services = await createServices(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(pgSchema ? { pgSchema } : {}),
  });
  const app = await createApp(services);
  await app.ready();
  return {
    app,
    services,
    dataDir,
    close: () => app.close(),
    anotherProcess: (env = {}) => startApp({ ...options, env: { ...options.env, ...env } }, dataDir, pgSchema),
  };
}
