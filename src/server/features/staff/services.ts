import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { AuditLog } from '../../shared/audit/audit-log.ts';
import type { VaultServices } from '../vault/index.ts';
import { createChallenges } from './accounts/challenges.ts';
import { createStaffAccounts } from './accounts/repository.ts';
import { createTotpSealer } from './accounts/totp.ts';
import { createKeysRepository } from './keys/repository.ts';
import { createStaffSessions } from './sessions/repository.ts';

/** The staff workspace's own pieces; rate limits, the pseudonymiser and the slow hash are the vault's. */
export interface StaffServices {
  config: Config;
  clock: () => number;
  database: Database;
  accounts: ReturnType<typeof createStaffAccounts>;
  sessions: ReturnType<typeof createStaffSessions>;
  keys: ReturnType<typeof createKeysRepository>;
  challenges: ReturnType<typeof createChallenges>;
  totp: ReturnType<typeof createTotpSealer>;
  limits: VaultServices['limits'];
  pseudonyms: VaultServices['pseudonyms'];
  audit: AuditLog;
}

export function createStaffServices(
  config: Config,
  database: Database,
  clock: () => number,
  vault: VaultServices,
  audit: AuditLog,
): StaffServices {
  const { db } = database;
  return {
    config,
    clock,
    database,
    accounts: createStaffAccounts(db),
    sessions: createStaffSessions(db),
    keys: createKeysRepository(db),
    challenges: createChallenges(db),
    totp: createTotpSealer(vault.pseudonyms),
    limits: vault.limits,
    pseudonyms: vault.pseudonyms,
    audit,
  };
}
