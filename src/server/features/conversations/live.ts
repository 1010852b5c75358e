import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Message } from './records.ts';

// Live updates for both sides, as Server-Sent Events. One subscription to the event bus per process (channel
// `talk`), fanned out here to the streams this process holds: a person's stream hears only their own
// conversation; the workspace hears that something changed in the queue. Bus payloads carry ids only (docs/
// staff.md); a new message is read from the database once per process and written to every stream that wants it.

export const TALK_CHANNEL = 'talk';

export type TalkEventType = 'message' | 'share' | 'status' | 'assign' | 'note' | 'risk' | 'started';

export interface TalkEvent {
  type: TalkEventType;
  conversationId: string;
  messageId?: string;
}

/** The event bus as docs/staff.md describes it (services.events). */
export interface Bus {
  publish(channel: string, payload: unknown): Promise<void>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
  onResync(listener: () => void): () => void;
}

interface Stream {
  write(chunk: string): void;
  end(): void;
}

const HEARTBEAT_MS = 25_000;

export function isTalkEvent(value: unknown): value is TalkEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Record<string, unknown>;
  return typeof event.type === 'string' && typeof event.conversationId === 'string';
}

export function sseFrame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function createLiveHub(
  bus: Bus,
  loadMessage: (conversationId: string, id: string) => Promise<Message | undefined>,
  messageJson: (message: Message) => unknown,
) {
  const people = new Map<string, Set<Stream>>();
  const staff = new Set<Stream>();

  const broadcast = (streams: Iterable<Stream>, frame: string) => {
    for (const stream of streams) stream.write(frame);
  };

  const deliver = async (event: TalkEvent) => {
    broadcast(staff, sseFrame('conversation', { id: event.conversationId, type: event.type }));
    const listeners = people.get(event.conversationId);
    if (!listeners || listeners.size === 0) return;
    if (event.type === 'message' && event.messageId) {
      const message = await loadMessage(event.conversationId, event.messageId);
      if (message) broadcast(listeners, sseFrame('message', messageJson(message)));
    } else if (event.type === 'share' || event.type === 'status') {
      broadcast(listeners, sseFrame('refresh', { type: event.type }));
    }
  };

  const unsubscribe = bus.subscribe(TALK_CHANNEL, (payload) => {
    if (isTalkEvent(payload)) deliver(payload).catch(() => {});
  });
  // Events may have been missed while the bus was down: every client reloads what it shows.
  const unresync = bus.onResync(() => {
    broadcast(staff, sseFrame('refresh', {}));
    for (const streams of people.values()) broadcast(streams, sseFrame('refresh', {}));
  });
  const heartbeat = setInterval(() => {
    broadcast(staff, ': ping\n\n');
    for (const streams of people.values()) broadcast(streams, ': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  /** Takes over the response as an event stream until the client goes away. */
  const open = (request: FastifyRequest, reply: FastifyReply, register: (stream: Stream) => () => void) => {
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    raw.socket?.setNoDelay(true);
    const stream: Stream = { write: (chunk) => void raw.write(chunk), end: () => raw.end() };
    const unregister = register(stream);
    raw.write('retry: 3000\n' + sseFrame('ready', {}));
    request.raw.once('close', unregister);
  };

  return {
    publish: (event: TalkEvent) => bus.publish(TALK_CHANNEL, event),

    person(request: FastifyRequest, reply: FastifyReply, conversationId: string) {
      open(request, reply, (stream) => {
        let set = people.get(conversationId);
        if (!set) people.set(conversationId, (set = new Set()));
        set.add(stream);
        return () => {
          set.delete(stream);
          if (set.size === 0) people.delete(conversationId);
        };
      });
    },

    staff(request: FastifyRequest, reply: FastifyReply) {
      open(request, reply, (stream) => {
        staff.add(stream);
        return () => staff.delete(stream);
      });
    },

    get connections() {
      let n = staff.size;
      for (const set of people.values()) n += set.size;
      return n;
    },

    /** Ends every stream (the server is closing; clients reconnect to another process). */
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      unresync();
      for (const stream of staff) stream.end();
      for (const streams of people.values()) for (const stream of streams) stream.end();
      staff.clear();
      people.clear();
    },
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
