import { type Kysely, sql } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { VaultError } from './errors.ts';

// Counters live in the database so limits hold across app processes (T5). Keys are HMACs (of an address,
// of a username), never the values themselves.

export const LIMITS = {
  signInPerAddress: { max: 30, windowMs: 15 * 60_000 },
  signUpPerAddress: { max: 10, windowMs: 60 * 60_000 },
  /** Failures before an account (or an unknown name, identically) locks. */
  failuresBeforeLock: 5,
  maxLockMs: 60 * 60_000,
} as const;

export function lockDuration(failures: number): number {
  if (failures < LIMITS.failuresBeforeLock) return 0;
  return Math.min(LIMITS.maxLockMs, 60_000 * 2 ** (failures - LIMITS.failuresBeforeLock));
}

export const locked = (retryAfterMs: number) =>
  new VaultError(429, 'locked', 'Too many attempts. Wait a while, then try again.', {
    retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
  });

export function createRateLimits(db: Kysely<Schema>) {
  return {
    /** Counts one attempt in a fixed window; throws 429 once the window's allowance is used up. */
    async hit(key: string, limit: { max: number; windowMs: number }, now: number): Promise<void> {
      const expired = now - limit.windowMs;
      const row = await db
        .insertInto('vault_rate_limits')
        .values({ key, window_start: now, count: 1 })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when vault_rate_limits.window_start <= ${expired} then 1 else vault_rate_limits.count + 1 end`,
            window_start: sql<number>`case when vault_rate_limits.window_start <= ${expired} then ${now} else vault_rate_limits.window_start end`,
          }),
        )
        .returning(['count', 'window_start'])
        .executeTakeFirstOrThrow();
      if (row.count > limit.max) throw locked(row.window_start + limit.windowMs - now);
    },

    async assertUnlocked(key: string, now: number): Promise<void> {
      const row = await db.selectFrom('vault_rate_limits').select('locked_until').where('key', '=', key).executeTakeFirst();
      const until = row ? row.locked_until : 0;
      if (until > now) throw locked(until - now);
    },

    /** One more failure; from the fifth on, a lock that doubles each time (1, 2, 4 … 60 minutes). */
    async fail(key: string, now: number): Promise<void> {
      const row = await db
        .insertInto('vault_rate_limits')
        .values({ key, window_start: now, count: 0, failures: 1 })
        .onConflict((oc) => oc.column('key').doUpdateSet({ failures: sql<number>`vault_rate_limits.failures + 1` }))
        .returning('failures')
        .executeTakeFirstOrThrow();
      const lockMs = lockDuration(row.failures);
      if (lockMs > 0)
        await db
          .updateTable('vault_rate_limits')
          .set({ locked_until: now + lockMs })
          .where('key', '=', key)
          .execute();
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('vault_rate_limits').where('key', '=', key).execute();
    },
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
