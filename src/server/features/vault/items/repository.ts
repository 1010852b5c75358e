import type { Kysely, Transaction } from 'kysely';
import type { Envelope } from '../../../../crypto/envelope.ts';
import type { Receipt } from '../../../../crypto/signing.ts';
import type { Schema } from '../../../db/schema.ts';
import { encodeB64, envelopeFromBytes } from '../../../shared/binary.ts';
import { notFound, VaultError } from '../../../shared/errors.ts';
import type { TransparencyLog } from '../transparency-log/log.ts';
import { receiptFromRow } from '../transparency-log/repository.ts';

/** Stored sizes are rounded up to 4 KiB so the database does not keep exact lengths either. */
export const SIZE_GRANULE = 4096;

export interface ItemVersion {
  version: number;
  deleted: boolean;
  envelope: Envelope | null;
  commitment: string;
  receipt: Receipt;
}

export interface LatestItem {
  id: string;
  version: number;
  deleted: boolean;
  envelope: Envelope | null;
  receipt: Receipt;
}

export interface WriteRequest {
  accountId: string;
  itemId: string;
  expectedVersion: number;
  /** nonce || ciphertext, or null for a tombstone */
  envelope: Buffer | null;
  commitment: Buffer;
}

const conflict = (currentVersion: number) =>
  new VaultError(409, 'version_conflict', 'This item was changed somewhere else. Fetch the latest version and try again.', {
    currentVersion,
  });

/** Inside the log's transaction: check the expected version, then append the version and move the item on. */
async function writeVersion(trx: Transaction<Schema>, w: WriteRequest, leafIndex: number, now: number): Promise<number> {
  const current = await trx
    .selectFrom('vault_items')
    .select(['version', 'deleted'])
    .where('account_id', '=', w.accountId)
    .where('item_id', '=', w.itemId)
    .executeTakeFirst();
  const currentVersion = current?.version ?? 0;
  const tombstone = w.envelope === null;
  // Another account's id looks exactly like an id that does not exist.
  if (!current && (tombstone || w.expectedVersion > 0)) throw notFound();
  if (w.expectedVersion !== currentVersion) throw conflict(currentVersion);
  if (tombstone && current?.deleted === 1)
    throw new VaultError(409, 'already_deleted', 'This item is already deleted.', { currentVersion });
  const version = currentVersion + 1;
  await trx
    .insertInto('vault_item_versions')
    .values({
      account_id: w.accountId,
      item_id: w.itemId,
      version,
      deleted: tombstone ? 1 : 0,
      envelope: w.envelope,
      stored_size: Math.ceil((w.envelope?.length ?? 0) / SIZE_GRANULE) * SIZE_GRANULE,
      commitment: w.commitment,
      leaf_index: leafIndex,
      created_at: now,
    })
    .execute();
  if (current) {
    await trx
      .updateTable('vault_items')
      .set({ version, deleted: tombstone ? 1 : 0, seq: leafIndex, updated_at: now })
      .where('account_id', '=', w.accountId)
      .where('item_id', '=', w.itemId)
      .execute();
  } else {
    await trx
      .insertInto('vault_items')
      .values({ account_id: w.accountId, item_id: w.itemId, version, deleted: 0, seq: leafIndex, updated_at: now })
      .execute();
  }
  return version;
}

export function createItemsRepository(db: Kysely<Schema>, log: TransparencyLog) {
  const latestQuery = (accountId: string) =>
    db
      .selectFrom('vault_items as i')
      .innerJoin('vault_item_versions as v', (join) =>
        join.onRef('v.account_id', '=', 'i.account_id').onRef('v.item_id', '=', 'i.item_id').onRef('v.version', '=', 'i.version'),
      )
      .innerJoin('vault_log_leaves as l', 'l.leaf_index', 'v.leaf_index')
      .select([
        'i.item_id',
        'i.version',
        'i.deleted',
        'i.seq',
        'v.envelope',
        'l.leaf_index',
        'l.leaf_hash',
        'l.timestamp',
        'l.log_id',
        'l.signature',
      ])
      .where('i.account_id', '=', accountId);

  type LatestRow = Awaited<ReturnType<ReturnType<typeof latestQuery>['executeTakeFirstOrThrow']>>;
  const toLatest = (r: LatestRow): LatestItem => ({
    id: r.item_id,
    version: r.version,
    deleted: r.deleted === 1,
    envelope: r.envelope ? envelopeFromBytes(r.envelope) : null,
    receipt: receiptFromRow(r),
  });

  return {
    /** Appends a version (or tombstone) and returns it with its receipt once the transaction has committed. */
    async write(w: WriteRequest): Promise<{ id: string; version: number; receipt: Receipt }> {
      const { receipt, result } = await log.append(w.commitment, (trx, leafIndex, timestamp) => writeVersion(trx, w, leafIndex, timestamp));
      return { id: w.itemId, version: result, receipt };
    },

    async latest(accountId: string, itemId: string): Promise<LatestItem | undefined> {
      const row = await latestQuery(accountId).where('i.item_id', '=', itemId).executeTakeFirst();
      return row ? toLatest(row) : undefined;
    },

    async versions(accountId: string, itemId: string): Promise<ItemVersion[]> {
      const rows = await db
        .selectFrom('vault_item_versions as v')
        .innerJoin('vault_log_leaves as l', 'l.leaf_index', 'v.leaf_index')
        .select([
          'v.version',
          'v.deleted',
          'v.envelope',
          'v.commitment',
          'l.leaf_index',
          'l.leaf_hash',
          'l.timestamp',
          'l.log_id',
          'l.signature',
        ])
        .where('v.account_id', '=', accountId)
        .where('v.item_id', '=', itemId)
        .orderBy('v.version')
        .execute();
      return rows.map((r) => ({
        version: r.version,
        deleted: r.deleted === 1,
        envelope: r.envelope ? envelopeFromBytes(r.envelope) : null,
        commitment: encodeB64(r.commitment),
        receipt: receiptFromRow(r),
      }));
    },

    /**
     * The latest version of every item whose latest version was written at or after `cursor` (a log
     * position). Leaf indices are allocated in commit order, so nothing can appear behind a cursor later.
     */
    async changes(accountId: string, cursor: number, limit: number): Promise<{ changes: LatestItem[]; cursor: number; more: boolean }> {
      const rows = await latestQuery(accountId)
        .where('i.seq', '>=', cursor)
        .orderBy('i.seq')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { changes: page.map(toLatest), cursor: last ? last.seq + 1 : cursor, more: rows.length > limit };
    },
  };
}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;
