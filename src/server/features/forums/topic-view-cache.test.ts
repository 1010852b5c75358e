import { describe, expect, it } from 'vitest';
import { createInProcessEventBus } from '../../shared/events/event-bus.ts';
import { createTopicViewCache, type TopicView } from './topic-view-cache.ts';

const now = 1_000_000;
const view = (over: Partial<TopicView> = {}): TopicView => ({
  accountId: 'account-1',
  lastSeenAt: now - 1000,
  expiresAt: now + 60_000,
  memberId: 'member-1',
  memberStatus: 'active',
  professionalApproved: false,
  topic: { id: 7, status: 'published', memberId: 'member-2', version: 3, lastPostAt: now - 5000, forum: 'victims', boardTitle: 'Board' },
  readAt: null,
  ...over,
});

function setUp() {
  const bus = createInProcessEventBus();
  const cache = createTopicViewCache({
    clock: () => now,
    events: bus,
    onError: (error) => {
      throw error;
    },
  });
  return { bus, cache };
}

const delivered = () => new Promise((resolve) => setImmediate(resolve));

describe('topic view cache', () => {
  it('keeps a loaded view and forgets it when the session, account, member or topic changes', async () => {
    const { cache } = setUp();
    const load = () => cache.load('hash-1', 7, async () => view());
    // The account last: nothing is kept for a while after an account's sessions end (below).
    for (const change of [{ idHash: 'hash-1' }, { memberId: 'member-1' }, { topicId: 7 }, { accountId: 'account-1' }]) {
      await load();
      expect(cache.get('hash-1', 7)?.topic?.version).toBe(3);
      cache.forget(change);
      expect(cache.get('hash-1', 7), JSON.stringify(change)).toBeUndefined();
      await delivered(); // its own message comes back through the bus too
    }
  });

  it('does not keep a view read while something changed, nor for a while after an account’s sessions ended', async () => {
    const { cache } = setUp();
    let answer!: (v: TopicView) => void;
    const slow = cache.load('hash-1', 7, () => new Promise<TopicView>((resolve) => (answer = resolve)));
    cache.forget({ topicId: 99 });
    answer(view());
    expect((await slow)?.memberId).toBe('member-1');
    expect(cache.get('hash-1', 7)).toBeUndefined();

    cache.forget({ accountId: 'someone-else' });
    await cache.load('hash-1', 7, async () => view());
    expect(cache.get('hash-1', 7)).toBeUndefined();
  });

  it('keeps only views the fast path may use, and never a topic that is not there', async () => {
    const { cache } = setUp();
    for (const over of [{ memberStatus: 'banned' }, { lastSeenAt: now - 60_000 }, { expiresAt: now }, { topic: undefined }]) {
      await cache.load('hash-1', 7, async () => view(over));
      expect(cache.get('hash-1', 7), JSON.stringify(over)).toBeUndefined();
    }
  });

  it('forgets what another process tells it through the event bus, and notes the reader’s read marker', async () => {
    const { bus, cache } = setUp();
    await cache.load('hash-1', 7, async () => view());
    await bus.publish('forums.topic-views', { memberId: 'member-1' });
    await delivered();
    expect(cache.get('hash-1', 7)).toBeUndefined();
    await cache.load('hash-1', 7, async () => view());
    cache.markedRead('member-1', 7, now);
    expect(cache.get('hash-1', 7)?.readAt).toBe(now);
  });
});
