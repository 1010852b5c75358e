import type { Database } from '../db/database.ts';
import { messageJson, type TalkContext } from '../features/conversations/context.ts';
import { createLiveHub } from '../features/conversations/live.ts';
import { createConversationsRepository } from '../features/conversations/repository.ts';
import type { VaultServices } from '../features/vault/index.ts';
import type { EventBus } from '../shared/events/event-bus.ts';
import type { Lifecycle } from './lifecycle.ts';

/** Conversations with the helpline: the repository and the live hub that fans bus events out to open streams. */
export function createConversationsServices(
  deps: { database: Database; events: EventBus; vault: VaultServices },
  lifecycle: Lifecycle,
): TalkContext {
  const repo = createConversationsRepository(deps.database.db);
  const live = createLiveHub(deps.events, (conversationId, id) => repo.message(conversationId, id), messageJson);
  lifecycle.endBeforeClose(() => live.close());
  return { repo, vault: deps.vault, live };
}
