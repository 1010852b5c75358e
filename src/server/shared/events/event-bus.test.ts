import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestSchema, postgresAvailable, TEST_DATABASE_URL } from '../../../../test/support/postgres.ts';
import { createInProcessEventBus, type EventBus } from './event-bus.ts';
import { createPostgresEventBus } from './postgres-event-bus.ts';

const next = (bus: EventBus, channel: string) =>
  new Promise<unknown>((resolve) => {
    const off = bus.subscribe(channel, (payload) => {
      off();
      resolve(payload);
    });
  });

describe('in-process event bus', () => {
  it('delivers to every subscriber of a channel, later, in order, and stops after unsubscribe', async () => {
    const bus = createInProcessEventBus();
    const seen: unknown[] = [];
    const off = bus.subscribe('conversation:1', (p) => seen.push(p));
    bus.subscribe('conversation:2', () => seen.push('wrong channel'));
    await bus.publish('conversation:1', { n: 1 });
    expect(seen).toEqual([]); // not inside publish
    await bus.publish('conversation:1', { n: 2 });
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    off();
    await bus.publish('conversation:1', { n: 3 });
    await new Promise((r) => setImmediate(r));
    expect(seen).toHaveLength(2);
    await bus.close();
  });

  it('refuses bad channel names and payloads over the limit; a throwing listener does not stop the others', async () => {
    const errors: unknown[] = [];
    const bus = createInProcessEventBus((e) => errors.push(e));
    await expect(bus.publish('Bad Channel', {})).rejects.toThrow(/not a valid name/);
    await expect(bus.publish('ok', { big: 'x'.repeat(8000) })).rejects.toThrow(/over/);
    bus.subscribe('ok', () => {
      throw new Error('boom');
    });
    const got = next(bus, 'ok');
    await bus.publish('ok', 1);
    expect(await got).toBe(1);
    expect(errors).toHaveLength(1);
  });
});

const pgOk = await postgresAvailable();

describe.runIf(pgOk)('PostgreSQL event bus (LISTEN/NOTIFY)', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  async function busFor(schema: string) {
    const pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 2 });
    const bus = await createPostgresEventBus({
      connectionString: TEST_DATABASE_URL,
      schema,
      notify: async (channel, text) => {
        await pool.query('select pg_notify($1, $2)', [channel, text]);
      },
      backoffMs: { min: 50, max: 200 },
    });
    cleanups.push(async () => {
      await bus.close();
      await pool.end();
    });
    return bus;
  }

  it('a publish on one process reaches subscribers on another, and not those of another schema', async () => {
    const { schema, drop } = await createTestSchema();
    const other = await createTestSchema();
    cleanups.push(drop, other.drop);
    const a = await busFor(schema);
    const b = await busFor(schema);
    const stranger = await busFor(other.schema);
    const strangerSeen: unknown[] = [];
    stranger.subscribe('queue', (p) => strangerSeen.push(p));
    const atB = next(b, 'queue');
    const atA = next(a, 'queue');
    await a.publish('queue', { conversationId: 'c1', version: 3 });
    expect(await atB).toEqual({ conversationId: 'c1', version: 3 });
    expect(await atA).toEqual({ conversationId: 'c1', version: 3 });
    await new Promise((r) => setTimeout(r, 100));
    expect(strangerSeen).toEqual([]);
  });

  it('reconnects after its connection is killed, tells subscribers to resync, and delivers again', async () => {
    const { schema, drop } = await createTestSchema();
    cleanups.push(drop);
    const listener = await busFor(schema);
    const publisher = await busFor(schema);
    const resynced = new Promise<void>((resolve) => listener.onResync(resolve));
    const pid = listener.backendPid;
    expect(pid).toBeTypeOf('number');
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query('select pg_terminate_backend($1)', [pid]);
    await admin.end();
    await resynced;
    expect(listener.connected).toBe(true);
    const got = next(listener, 'after');
    await publisher.publish('after', { ok: true });
    expect(await got).toEqual({ ok: true });
  });
});
