import { join } from 'node:path';
import { type Config, ConfigError } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import { createRateLimits } from '../../shared/rate-limits.ts';
import { createPseudonymizer, loadOrCreateSecret, type Pseudonymizer } from '../../shared/server-secret.ts';
import { dummySlowHash } from '../../shared/slow-hash.ts';
import { createCredentials } from './accounts/credentials.ts';
import { createAccountsRepository } from './accounts/repository.ts';
import { type BlobStore, createFileBlobStore } from './attachments/blob-store.ts';
import { createAttachmentsRepository } from './attachments/repository.ts';
import { createS3BlobStore } from './attachments/s3-blob-store.ts';
import { createItemsRepository } from './items/repository.ts';
import { createSessionsRepository } from './sessions/repository.ts';
import { TransparencyLog } from './transparency-log/log.ts';
import { type KeySet, KeySetError, loadLogKeys, logKeysFromSet } from './transparency-log/signing-keys.ts';

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

/**
 * The log's key set and the server secret come from configuration when set (several processes, docs/deploy.md);
 * otherwise from DATA_DIR/keys, created on first start (the embedded default for one process).
 */
export async function createVaultServices(config: Config, database: Database, clock: () => number): Promise<VaultServices> {
  const keysDir = join(config.dataDir, 'keys');
  const pseudonyms = createPseudonymizer(config.serverSecret ?? loadOrCreateSecret(keysDir, 'server-secret.key'));
  const { db } = database;
  const sessions = createSessionsRepository(db);
  const accounts = createAccountsRepository(db, sessions);
  const limits = createRateLimits(db);
  const keys = config.logSigningKeys ? await configuredKeys(config.logSigningKeys) : await loadLogKeys(keysDir, clock());
  const log = new TransparencyLog({ db, keys, clock });
  return {
    config,
    clock,
    database,
    accounts,
    credentials: createCredentials({ accounts, limits, pseudonyms, clock, dummy: dummySlowHash() }),
    sessions,
    items: createItemsRepository(db, log),
    attachments: createAttachmentsRepository(db),
    blobs: config.blobStore.kind === 's3' ? await createS3BlobStore(config.blobStore) : createFileBlobStore(config.blobStore.root),
    log,
    pseudonyms,
    limits,
  };
}

async function configuredKeys(set: KeySet) {
  try {
    return await logKeysFromSet(set);
  } catch (error) {
    if (error instanceof KeySetError)
      throw new ConfigError(`Casebook cannot start: bad configuration\n  LOG_SIGNING_KEYS: ${error.message}`);
    throw error;
  }
}
