import { join } from 'node:path';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { createAccountsRepository } from './accounts/repository.ts';
import { createCredentials } from './accounts/credentials.ts';
import { createRateLimits } from './accounts/rate-limits.ts';
import { dummySlowHash } from './accounts/slow-hash.ts';
import { createFileBlobStore, type BlobStore } from './attachments/blob-store.ts';
import { createAttachmentsRepository } from './attachments/repository.ts';
import { createItemsRepository } from './items/repository.ts';
import { createSessionsRepository } from './sessions/repository.ts';
import { createPseudonymizer, loadOrCreateSecret, type Pseudonymizer } from './server-secret.ts';
import { loadLogKeys } from './transparency-log/signing-keys.ts';
import { TransparencyLog } from './transparency-log/log.ts';

export interface VaultServices {
  config: Config;
  clock: () => number;
  database: Database;
  accounts: ReturnType<typeof createAccountsRepository>;
  credentials: ReturnType<typeof createCredentials>;
  sessions: ReturnType<typeof createSessionsRepository>;
  items: ReturnType<typeof createItemsRepository>;
  attachments: ReturnType<typeof createAttachmentsRepository>;
  blobs: BlobStore;
  log: TransparencyLog;
  pseudonyms: Pseudonymizer;
  limits: ReturnType<typeof createRateLimits>;
}

/** Keys come from DATA_DIR/keys (created on first start); every app process must share that directory. */
export async function createVaultServices(config: Config, database: Database, clock: () => number): Promise<VaultServices> {
  const keysDir = join(config.dataDir, 'keys');
  const pseudonyms = createPseudonymizer(loadOrCreateSecret(keysDir, 'server-secret.key'));
  const { db } = database;
  const sessions = createSessionsRepository(db);
  const accounts = createAccountsRepository(db, sessions);
  const limits = createRateLimits(db);
  const log = new TransparencyLog({ db, keys: await loadLogKeys(keysDir, clock()), clock });
  return {
    config,
    clock,
    database,
    accounts,
    credentials: createCredentials({ accounts, limits, pseudonyms, clock, dummy: dummySlowHash() }),
    sessions,
    items: createItemsRepository(db, log),
    attachments: createAttachmentsRepository(db),
    blobs: createFileBlobStore(join(config.dataDir, 'blobs')),
    log,
    pseudonyms,
    limits,
  };
}
