import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/database.ts';
import type { Schema } from '../../db/schema.ts';
import { createComposingRepository } from './composing-repository.ts';
import { createMembershipRepository } from './membership-repository.ts';
import { createModerationRepository } from './moderation-repository.ts';
import { createNotificationsRepository } from './notifications-repository.ts';
import { createReadingRepository } from './reading-repository.ts';
import type { Changed } from './records.ts';
import { createSearchRepository } from './search-repository.ts';

export * from './records.ts';

/**
 * Every query the forums make, one module for each thing they do (docs/forums.md has the map). Each change bumps
 * its topic's version, which keys the cached topic pages, and is told to `changed` after it commits.
 */
export function createForumsRepository(db: Kysely<Schema>, dialect: DialectName, changed: Changed = () => {}) {
  return {
    members: createMembershipRepository(db, changed),
    reading: createReadingRepository(db),
    composing: createComposingRepository(db, changed),
    notifications: createNotificationsRepository(db),
    moderation: createModerationRepository(db, changed),
    search: createSearchRepository(db, dialect),
  };
}

export type ForumsRepository = ReturnType<typeof createForumsRepository>;
