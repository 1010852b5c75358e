import type { EventBus } from '../../shared/events/event-bus.ts';
import type { EndedSessions } from '../vault/index.ts';
import type { ReadingRepository } from './reading-repository.ts';
import type { ForumChange } from './records.ts';

/** What a topic view needs besides the page itself: the session, the member, the topic's state and the read marker. */
export type TopicView = NonNullable<Awaited<ReturnType<ReadingRepository['topicPageRead']>>>;
type Reader = Omit<TopicView, 'topic' | 'readAt'>;
type TopicState = NonNullable<TopicView['topic']>;
export type Forgotten = EndedSessions | ForumChange;

/**
 * The vault's touch interval (sessions/repository.ts): below it a session read needs no write, so the page can
 * trust the session without the vault's full check; at it, the full check runs once and touches the session, and
 * the fast path resumes. (A shorter threshold left a window each minute in which every view took the slow path
 * without touching.)
 */
const FAST_PATH_SESSION_AGE_MS = 60_000;

/** Whether a view's session and membership may be used without the vault's full check (which also shows a ban). */
export function usable(view: Reader, now: number): boolean {
  return now < view.expiresAt && now - view.lastSeenAt < FAST_PATH_SESSION_AGE_MS && view.memberStatus !== 'banned';
}

const CHANNEL = 'forums.topic-views';
/** A backstop only: should another process's message be lost, nothing it changed is believed here for longer. */
const KEEP_MS = 5_000;
/**
 * An account's sessions can end inside a transaction that has not committed yet (a passphrase change, account
 * deletion), so for a while after that nothing read from the database is kept: a read in that window may still
 * see the old rows. Such ends are rare, so this costs nothing that matters.
 */
const QUIET_MS = 10_000;
const MAX_READERS = 10_000;
const MAX_TOPICS = 2_000;
const MAX_READS = 20_000;

/**
 * Reading the session, member, topic and read marker was one database query per topic view and most of the
 * view's cost (the page itself is cached: topic-page-cache.ts), so a repeat view reads them from here and touches
 * the database only when something changed. Security stays exact: whatever ends a session (sign-out, sign-out
 * everywhere, passphrase change, account deletion; vault sessions/repository.ts) or changes a member or topic
 * (ban, suspension, professional role, leaving, any post or moderation; the *-repository.ts modules) is forgotten here at
 * once, before the next request on this process, and on every other process through the event bus. A read
 * that raced with a change is not kept (`generation`), and entries last seconds at most.
 */
export function createTopicViewCache(options: {
  clock: () => number;
  events: Pick<EventBus, 'publish' | 'subscribe' | 'onResync'>;
  onError: (error: unknown) => void;
}) {
  const { clock, events } = options;
  const readers = new Map<string, Reader & { keptAt: number }>();
  const topics = new Map<number, { topic: TopicState; keptAt: number }>();
  // Only for deciding when to write the marker again: "New" on the boards is read from the database.
  const reads = new Map<string, number | null>();
  let generation = 0;
  let quietUntil = 0;

  const fresh = (keptAt: number) => performance.now() - keptAt < KEEP_MS;
  const remember = <K, V>(map: Map<K, V>, key: K, value: V, max: number) => {
    map.delete(key);
    if (map.size >= max) map.delete(map.keys().next().value!);
    map.set(key, value);
  };
  const dropReaders = (matches: (reader: Reader) => boolean) => {
    for (const [idHash, reader] of readers) if (matches(reader)) readers.delete(idHash);
  };

  function apply(what: Forgotten): void {
    generation++;
    if ('idHash' in what) readers.delete(what.idHash);
    else if ('memberId' in what) dropReaders((reader) => reader.memberId === what.memberId);
    else if ('topicId' in what) topics.delete(what.topicId);
    else {
      // Every session of an account: and if the account was deleted, its topics and posts went with it.
      dropReaders((reader) => reader.accountId === what.accountId);
      topics.clear();
      quietUntil = performance.now() + QUIET_MS;
    }
  }

  const unsubscribe = events.subscribe(CHANNEL, (payload) => {
    if (isForgotten(payload)) apply(payload);
  });
  // Messages may have been lost while the bus was down.
  const unresync = events.onResync(() => {
    generation++;
    readers.clear();
    topics.clear();
  });

  return {
    /** The view from memory, or undefined when any part of it is missing, old or changed. */
    get(idHash: string, topicId: number): TopicView | undefined {
      const reader = readers.get(idHash);
      if (!reader || !fresh(reader.keptAt) || !usable(reader, clock())) return undefined;
      const kept = topics.get(topicId);
      if (!kept || !fresh(kept.keptAt)) return undefined;
      const readAt = reads.get(`${reader.memberId}|${topicId}`);
      if (readAt === undefined) return undefined;
      return { ...reader, topic: kept.topic, readAt };
    },

    /** Reads the view from the database and keeps it, unless something was forgotten while the query ran. */
    async load(idHash: string, topicId: number, query: () => Promise<TopicView | undefined>): Promise<TopicView | undefined> {
      const before = generation;
      const view = await query();
      if (!view?.topic || before !== generation || performance.now() < quietUntil || !usable(view, clock())) return view;
      const keptAt = performance.now();
      const { topic, readAt, ...reader } = view;
      remember(readers, idHash, { ...reader, keptAt }, MAX_READERS);
      remember(topics, topicId, { topic, keptAt }, MAX_TOPICS);
      remember(reads, `${view.memberId}|${topicId}`, readAt, MAX_READS);
      return view;
    },

    markedRead(memberId: string, topicId: number, at: number): void {
      remember(reads, `${memberId}|${topicId}`, at, MAX_READS);
    },

    /** Forgets on this process now, and on the others as soon as the bus brings the message. */
    forget(what: Forgotten): void {
      apply(what);
      events.publish(CHANNEL, what).catch(options.onError);
    },

    close(): void {
      unsubscribe();
      unresync();
    },
  };
}

export type TopicViewCache = ReturnType<typeof createTopicViewCache>;

function isForgotten(value: unknown): value is Forgotten {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.idHash === 'string' || typeof v.accountId === 'string' || typeof v.memberId === 'string' || typeof v.topicId === 'number';
}
