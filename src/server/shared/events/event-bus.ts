// Live updates between features and processes (docs/staff.md). Payloads are small JSON (ids and versions,
// never content): PostgreSQL NOTIFY carries at most 8000 bytes, and nothing personal should travel twice.

export type EventListener = (payload: unknown) => void;

export interface EventBus {
  /** Delivers payload to every subscriber of channel on every process (including this one). */
  publish(channel: string, payload: unknown): Promise<void>;
  /** Returns the function that unsubscribes. Listeners must not throw; errors are logged and dropped. */
  subscribe(channel: string, listener: EventListener): () => void;
  /** After a lost connection came back: events may have been missed, so subscribers should reload. */
  onResync(listener: () => void): () => void;
  close(): Promise<void>;
}

export const MAX_PAYLOAD_BYTES = 7 * 1024;
const CHANNEL = /^[a-z0-9_.:-]{1,100}$/;

export class EventBusError extends Error {
  override name = 'EventBusError';
}

export function serialisePayload(channel: string, payload: unknown): string {
  if (!CHANNEL.test(channel)) throw new EventBusError(`event channel "${channel.slice(0, 120)}" is not a valid name`);
  const text = JSON.stringify(payload ?? null);
  if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES)
    throw new EventBusError(`event payload on ${channel} is over ${MAX_PAYLOAD_BYTES} bytes`);
  return text;
}

/** The subscriber registry both implementations share. */
export function createListenerRegistry(onListenerError: (error: unknown) => void) {
  const channels = new Map<string, Set<EventListener>>();
  const resyncs = new Set<() => void>();
  const call = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      onListenerError(error);
    }
  };
  return {
    subscribe(channel: string, listener: EventListener): () => void {
      if (!CHANNEL.test(channel)) throw new EventBusError(`event channel "${channel.slice(0, 120)}" is not a valid name`);
      let set = channels.get(channel);
      if (!set) channels.set(channel, (set = new Set()));
      // A wrapper per subscription, so the same function subscribed twice is two subscriptions.
      const entry: EventListener = (payload) => listener(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
        if (set.size === 0 && channels.get(channel) === set) channels.delete(channel);
      };
    },
    onResync(listener: () => void): () => void {
      const entry = () => listener();
      resyncs.add(entry);
      return () => resyncs.delete(entry);
    },
    deliver(channel: string, payload: unknown): void {
      const set = channels.get(channel);
      if (!set) return;
      for (const listener of [...set]) call(() => listener(payload));
    },
    resync(): void {
      for (const listener of [...resyncs]) call(listener);
    },
    clear(): void {
      channels.clear();
      resyncs.clear();
    },
  };
}

/** One process (SQLite): delivery on a later tick, so publishers never run subscribers inside their own call. */
export function createInProcessEventBus(onListenerError: (error: unknown) => void = () => {}): EventBus {
  const registry = createListenerRegistry(onListenerError);
  let closed = false;
  return {
    async publish(channel, payload) {
      const text = serialisePayload(channel, payload);
      if (closed) return;
      // Subscribers get their own copy, as they would from PostgreSQL.
      setImmediate(() => registry.deliver(channel, JSON.parse(text)));
    },
    subscribe: (channel, listener) => registry.subscribe(channel, listener),
    onResync: (listener) => registry.onResync(listener),
    async close() {
      closed = true;
      registry.clear();
    },
  };
}
