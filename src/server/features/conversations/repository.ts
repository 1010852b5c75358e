import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { createCaseworkRepository } from './casework-repository.ts';
import { createMessagesRepository } from './messages-repository.ts';
import { createQueueRepository } from './queue-repository.ts';
import { createTeamKeyRepository } from './team-key-repository.ts';

/** Every read and write of the conversations tables, one module for each part (docs/messaging.md). */
export function createConversationsRepository(db: Kysely<Schema>) {
  return { ...createQueueRepository(db), ...createTeamKeyRepository(db), ...createMessagesRepository(db), ...createCaseworkRepository(db) };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
