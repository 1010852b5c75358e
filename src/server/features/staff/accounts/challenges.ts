import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../../../db/schema.ts';

/** A WebAuthn ceremony has five minutes; its challenge can be used once, on any process. */
export const CHALLENGE_MS = 5 * 60_000;

export type ChallengePurpose = 'register' | 'authenticate';

export function createChallenges(db: Kysely<Schema>) {
  return {
    async create(purpose: ChallengePurpose, staffId: string | null, now: number): Promise<{ id: string; challenge: string }> {
      await db.deleteFrom('staff_challenges').where('expires_at', '<=', now).execute();
      const id = randomBytes(24).toString('base64url');
      const challenge = randomBytes(32).toString('base64url');
      await db
        .insertInto('staff_challenges')
        .values({ id, challenge, purpose, staff_id: staffId, expires_at: now + CHALLENGE_MS })
        .execute();
      return { id, challenge };
    },

    /** Removes and returns a live challenge for this purpose (and member, for registration), or undefined. */
    async take(id: string, purpose: ChallengePurpose, staffId: string | null, now: number): Promise<string | undefined> {
      const row = await db
        .deleteFrom('staff_challenges')
        .where('id', '=', id)
        .returning(['challenge', 'purpose', 'staff_id', 'expires_at'])
        .executeTakeFirst();
      if (!row || row.purpose !== purpose || row.staff_id !== staffId || row.expires_at <= now) return undefined;
      return row.challenge;
    },
  };
}
