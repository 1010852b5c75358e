import pg from 'pg';
import { createListenerRegistry, type EventBus, serialisePayload } from './event-bus.ts';

// PostgreSQL LISTEN/NOTIFY: one dedicated connection per process listens on one PostgreSQL channel; each
// notification names the schema (so test schemas sharing a server stay apart) and our channel. Publishing
// uses the shared pool. If the listening connection drops, it reconnects with back-off and tells
// subscribers to resync, because NOTIFY does not replay what was sent while nobody listened.

export const PG_CHANNEL = 'casebook_events';

export interface PostgresEventBusOptions {
  connectionString: string;
  /** The schema every connection uses (tests give each run its own); default: the server's current_schema(). */
  schema?: string | undefined;
  /** Runs `select pg_notify($1, $2)` on the app's pool. */
  notify: (channel: string, text: string) => Promise<void>;
  onError?: (error: unknown) => void;
  /** First and longest wait between reconnection attempts. */
  backoffMs?: { min: number; max: number };
}

interface Envelope {
  ns: string;
  c: string;
  p: unknown;
}

export async function createPostgresEventBus(
  options: PostgresEventBusOptions,
): Promise<EventBus & { readonly connected: boolean; readonly backendPid: number | undefined }> {
  const onError = options.onError ?? (() => {});
  const registry = createListenerRegistry(onError);
  const backoff = options.backoffMs ?? { min: 100, max: 5000 };
  let client: pg.Client | undefined;
  let namespace = options.schema ?? '';
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let wait = backoff.min;

  async function connect(): Promise<void> {
    const next = new pg.Client({
      connectionString: options.connectionString,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    next.on('error', (error) => {
      onError(error);
      lost(next);
    });
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel !== PG_CHANNEL || !message.payload) return;
      let envelope: Envelope;
      try {
        envelope = JSON.parse(message.payload) as Envelope;
      } catch {
        return;
      }
      if (envelope.ns === namespace) registry.deliver(envelope.c, envelope.p);
    });
    await next.connect();
    try {
      if (!namespace) namespace = (await next.query<{ schema: string }>('select current_schema() as schema')).rows[0]?.schema ?? 'public';
      await next.query(`listen ${PG_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => {});
      throw error;
    }
    if (closed) {
      await next.end().catch(() => {});
      return;
    }
    client = next;
    wait = backoff.min;
  }

  function lost(which: pg.Client): void {
    if (client !== which) return;
    client = undefined;
    which.removeAllListeners('notification');
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(async () => {
      retryTimer = undefined;
      try {
        await connect();
        registry.resync();
      } catch (error) {
        onError(error);
        wait = Math.min(wait * 2, backoff.max);
        scheduleReconnect();
      }
    }, wait);
    retryTimer.unref();
  }

  await connect();

  return {
    get connected() {
      return client !== undefined;
    },
    /** The listening connection's server process (tests end it to prove reconnection). */
    get backendPid() {
      return (client as unknown as { processID?: number } | undefined)?.processID;
    },
    async publish(channel, payload) {
      const text = serialisePayload(channel, payload);
      if (closed) return;
      await options.notify(PG_CHANNEL, JSON.stringify({ ns: namespace, c: channel, p: JSON.parse(text) } satisfies Envelope));
    },
    subscribe: (channel, listener) => registry.subscribe(channel, listener),
    onResync: (listener) => registry.onResync(listener),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      registry.clear();
      const current = client;
      client = undefined;
      await current?.end().catch(() => {});
    },
  };
}
