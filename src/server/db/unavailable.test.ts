// A process that loses its database answers 503 with words a person can act on, and recovers by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { postgresAvailable, TEST_DATABASE_URL } from '../../../test/support/postgres.ts';
import { startTcpProxy, type TcpProxy } from '../../../test/support/tcp-proxy.ts';
import { VaultClient } from '../../../test/support/vault.ts';
import { isDatabaseUnavailable } from './unavailable.ts';

describe('isDatabaseUnavailable', () => {
  it('knows a lost or refused connection from a fault in the data', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isDatabaseUnavailable(Object.assign(new Error('the database system is starting up'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});

const pgOk = await postgresAvailable();

describe.runIf(pgOk)('an app process whose database goes away', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let client: VaultClient;
  beforeAll(async () => {
    const target = new URL(TEST_DATABASE_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    t = await buildTestApp({ dialect: 'postgres', env: { DATABASE_URL: target.toString() } });
    client = new VaultClient(t.app);
    await client.signUp();
  }, 60_000);
  afterAll(async () => {
    await proxy?.restore().catch(() => {});
    await t?.close();
    await proxy?.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('answers 503 with a clear message (JSON for the API, a page for people), says so at /readyz, and recovers by itself', async () => {
    expect((await get('/readyz')).json()).toEqual({ status: 'ready', database: 'postgres' });
    expect((await client.request('GET', '/api/v1/items/changes')).statusCode).toBe(200);
    await proxy.cut();

    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', message: expect.stringContaining('cannot reach its database') });
    const api = await client.request('GET', '/api/v1/items/changes');
    expect(api.statusCode).toBe(503);
    expect(api.headers['retry-after']).toBe('5');
    expect(api.json()).toEqual({ error: 'unavailable', message: expect.stringContaining('Nothing you saved before has been lost') });
    const log = await get('/api/v1/log/tree-head');
    expect(log.statusCode).toBe(503);
    const page = await get('/forums', { cookie: `casebook_vault=${client.cookie}` });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Sorry, the service is not available just now');
    expect(page.body).not.toMatch(/ECONNREFUSED|at .*\.ts:\d+/);
    // Guidance is served from memory and needs no database.
    expect((await get('/understand')).statusCode).toBe(200);

    await proxy.restore();
    let back = await get('/readyz');
    for (let i = 0; i < 50 && back.statusCode !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      back = await get('/readyz');
    }
    expect(back.statusCode).toBe(200);
    // The same session, the same record: nothing was lost, and no restart was needed.
    expect((await client.request('GET', '/api/v1/items/changes')).statusCode).toBe(200);
    expect((await get('/api/v1/log/tree-head')).statusCode).toBe(200);
  });
});
