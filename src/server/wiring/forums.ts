import type { Database } from '../db/database.ts';
import { createForumsRepository, type ForumsRepository } from '../features/forums/repository.ts';
import { createTopicViewCache, type TopicViewCache } from '../features/forums/topic-view-cache.ts';
import type { VaultServices } from '../features/vault/index.ts';
import type { EventBus } from '../shared/events/event-bus.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Problems } from './problems.ts';

/** The forums' repository and the per-process cache of topic views, kept exact by every change that affects them. */
export interface ForumsServices {
  repo: ForumsRepository;
  topicViews: TopicViewCache;
}

export function createForumsServices(
  deps: { database: Database; clock: () => number; events: EventBus; vault: VaultServices; problems: Problems },
  lifecycle: Lifecycle,
): ForumsServices {
  const { database, vault } = deps;
  const topicViews = createTopicViewCache({
    clock: deps.clock,
    events: deps.events,
    onError: (error) => deps.problems.report('topic view cache: message not sent', error),
  });
  const stopListening = vault.sessions.onEnded(topicViews.forget);
  const repo = createForumsRepository(database.db, database.dialect, topicViews.forget);
  // Deleting the vault account leaves the forums the way /forums/leave does, so the topics replied in change too.
  const stopDeleting = vault.accounts.onDeleting((accountId, trx) => repo.members.deleteMemberOfAccount(accountId, trx));
  lifecycle.closeWith(() => {
    stopListening();
    stopDeleting();
    topicViews.close();
  });
  return { repo, topicViews };
}
