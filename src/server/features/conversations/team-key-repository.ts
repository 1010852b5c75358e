import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { TeamKey } from './records.ts';

const TEAM_KEY_CACHE_MS = 5_000;

/** The helpline team's public key, which every message and share is sealed to. */
export function createTeamKeyRepository(db: Kysely<Schema>) {
  let cachedKey: TeamKey | undefined;
  let cachedAt = 0;
  /** The latest team key version and its public key, or undefined before the team has a key. */
  const currentTeamKey = async (): Promise<TeamKey | undefined> => {
    const row = await db
      .selectFrom('staff_team_keys')
      .select(['version', 'public_key'])
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? { version: row.version, publicKey: row.public_key } : undefined;
  };

  return {
    currentTeamKey,

    /**
     * Whether `version` is the current team key, reading the database only when the cached answer (at most
     * TEAM_KEY_CACHE_MS old) says no: on the message path this saves a query per message. A rotation made on another
     * process is seen within that time; until then a message sealed to the previous key is still accepted, which is
     * harmless because every caseworker holds every version.
     */
    async checkTeamKey(version: number, now: number): Promise<{ current: TeamKey | undefined; ok: boolean }> {
      if (cachedKey && now - cachedAt < TEAM_KEY_CACHE_MS && cachedKey.version === version) return { current: cachedKey, ok: true };
      const current = await currentTeamKey();
      cachedKey = current;
      cachedAt = now;
      return { current, ok: current !== undefined && current.version === version };
    },
  };
}
