import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { MerkleNodeSource } from '../../../../crypto/merkle.ts';
import type { Receipt, SignedTreeHead } from '../../../../crypto/signing.ts';
import type { Schema } from '../../../db/schema.ts';
import { encodeB64 } from '../../../shared/binary.ts';

type Db = Kysely<Schema> | Transaction<Schema>;

export interface LeafRow {
  leafIndex: number;
  leafHash: Uint8Array;
  timestamp: number;
  logId: string;
  signature: Uint8Array;
}

export interface NodeRow {
  level: number;
  index: number;
  hash: Uint8Array;
}

// Multi-row inserts stay under SQLite's and PostgreSQL's bound-parameter limits.
const INSERT_ROWS = 1000;

export function receiptFromRow(row: {
  leaf_index: number;
  leaf_hash: Uint8Array;
  timestamp: number;
  log_id: string;
  signature: Uint8Array;
}): Receipt {
  return {
    v: 1,
    logId: row.log_id,
    leafIndex: row.leaf_index,
    leafHash: encodeB64(row.leaf_hash),
    timestamp: row.timestamp,
    signature: encodeB64(row.signature),
  };
}

export const logRepository = {
  /**
   * The first statement of every append transaction. An UPDATE takes the row lock on PostgreSQL (other
   * processes' appenders wait here until this transaction commits) and the write lock on SQLite, so leaf
   * indices are allocated strictly in commit order.
   */
  async lockState(trx: Transaction<Schema>, now: number): Promise<number> {
    const row = await trx
      .updateTable('vault_log_state')
      .set({ updated_at: now })
      .where('id', '=', 1)
      .returning('tree_size')
      .executeTakeFirstOrThrow();
    return row.tree_size;
  },

  async setSize(trx: Transaction<Schema>, size: number): Promise<void> {
    await trx.updateTable('vault_log_state').set({ tree_size: size }).where('id', '=', 1).execute();
  },

  async treeSize(db: Db): Promise<number> {
    const row = await db.selectFrom('vault_log_state').select('tree_size').where('id', '=', 1).executeTakeFirstOrThrow();
    return row.tree_size;
  },

  async insertLeaves(trx: Transaction<Schema>, leaves: readonly LeafRow[]): Promise<void> {
    for (let i = 0; i < leaves.length; i += INSERT_ROWS) {
      const rows = leaves.slice(i, i + INSERT_ROWS).map((l) => ({
        leaf_index: l.leafIndex,
        leaf_hash: l.leafHash,
        timestamp: l.timestamp,
        log_id: l.logId,
        signature: l.signature,
      }));
      await trx.insertInto('vault_log_leaves').values(rows).execute();
    }
  },

  async insertNodes(trx: Transaction<Schema>, nodes: readonly NodeRow[]): Promise<void> {
    for (let i = 0; i < nodes.length; i += INSERT_ROWS) {
      const rows = nodes.slice(i, i + INSERT_ROWS).map((n) => ({ level: n.level, idx: n.index, hash: n.hash }));
      await trx.insertInto('vault_log_nodes').values(rows).execute();
    }
  },

  async receipt(db: Db, leafIndex: number): Promise<Receipt | undefined> {
    const row = await db.selectFrom('vault_log_leaves').selectAll().where('leaf_index', '=', leafIndex).executeTakeFirst();
    return row ? receiptFromRow(row) : undefined;
  },

  /** Leaf hashes [from, to), for audits and tests. */
  async leafHashes(db: Db, from: number, to: number): Promise<Uint8Array[]> {
    const rows = await db
      .selectFrom('vault_log_leaves')
      .select(['leaf_index', 'leaf_hash'])
      .where('leaf_index', '>=', from)
      .where('leaf_index', '<', to)
      .orderBy('leaf_index')
      .execute();
    return rows.map((r) => new Uint8Array(r.leaf_hash));
  },

  async latestTreeHead(db: Db): Promise<SignedTreeHead | undefined> {
    const row = await db
      .selectFrom('vault_tree_heads')
      .selectAll()
      .orderBy('tree_size', 'desc')
      .orderBy('timestamp', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      v: 1,
      logId: row.log_id,
      treeSize: row.tree_size,
      rootHash: encodeB64(row.root_hash),
      timestamp: row.timestamp,
      signature: encodeB64(row.signature),
    };
  },

  async insertTreeHead(db: Db, head: SignedTreeHead, rootHash: Uint8Array, signature: Uint8Array): Promise<void> {
    await db
      .insertInto('vault_tree_heads')
      .values({ id: randomUUID(), tree_size: head.treeSize, root_hash: rootHash, timestamp: head.timestamp, log_id: head.logId, signature })
      .execute();
  },

  /** The hashes of the given perfect nodes (level 0 = leaves) in one round trip per table. */
  async nodes(db: Db, wanted: readonly { level: number; index: number }[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    const leaves = wanted.filter((w) => w.level === 0).map((w) => w.index);
    const inner = wanted.filter((w) => w.level > 0);
    if (leaves.length > 0) {
      const rows = await db.selectFrom('vault_log_leaves').select(['leaf_index', 'leaf_hash']).where('leaf_index', 'in', leaves).execute();
      for (const r of rows) found.set(nodeKey(0, r.leaf_index), new Uint8Array(r.leaf_hash));
    }
    if (inner.length > 0) {
      const rows = await db
        .selectFrom('vault_log_nodes')
        .select(['level', 'idx', 'hash'])
        .where((eb) => eb.or(inner.map((w) => eb.and([eb('level', '=', w.level), eb('idx', '=', w.index)]))))
        .execute();
      for (const r of rows) found.set(nodeKey(r.level, r.idx), new Uint8Array(r.hash));
    }
    return found;
  },
};

export const nodeKey = (level: number, index: number) => `${level}:${index}`;

/**
 * Perfect Merkle nodes read from the database. Completed perfect subtrees never change in an append-only
 * log, so they are cached in memory (safe across processes), and every lookup a proof makes in one go is
 * gathered into a single query.
 */
export class DatabaseNodeSource implements MerkleNodeSource {
  readonly #db: Kysely<Schema>;
  readonly #cache = new Map<string, Uint8Array>();
  readonly #maxCached: number;
  #pending = new Map<string, { level: number; index: number; waiters: { resolve(h: Uint8Array): void; reject(e: unknown): void }[] }>();

  constructor(db: Kysely<Schema>, maxCached = 250_000) {
    this.#db = db;
    this.#maxCached = maxCached;
  }

  remember(level: number, index: number, hash: Uint8Array): void {
    if (this.#cache.size >= this.#maxCached) this.#cache.clear();
    this.#cache.set(nodeKey(level, index), hash);
  }

  perfectNodeHash(level: number, index: number): Uint8Array | Promise<Uint8Array> {
    const key = nodeKey(level, index);
    const cached = this.#cache.get(key);
    if (cached) return cached;
    return new Promise((resolve, reject) => {
      const pending = this.#pending.get(key);
      if (pending) {
        pending.waiters.push({ resolve, reject });
        return;
      }
      if (this.#pending.size === 0) queueMicrotask(() => void this.#fetch());
      this.#pending.set(key, { level, index, waiters: [{ resolve, reject }] });
    });
  }

  async #fetch(): Promise<void> {
    const batch = this.#pending;
    this.#pending = new Map();
    try {
      const found = await logRepository.nodes(this.#db, [...batch.values()]);
      for (const [key, { level, index, waiters }] of batch) {
        const hash = found.get(key);
        if (hash) this.remember(level, index, hash);
        for (const w of waiters) hash ? w.resolve(hash) : w.reject(new RangeError(`Merkle node ${key} is not in the log`));
      }
    } catch (error) {
      for (const { waiters } of batch.values()) for (const w of waiters) w.reject(error);
    }
  }
}
