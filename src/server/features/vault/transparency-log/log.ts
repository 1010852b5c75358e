import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { base64urlDecode } from '../../../../crypto/encoding.ts';
import { consistencyProofFromSource, inclusionProofFromSource, leafHash, rootFromSource } from '../../../../crypto/merkle.ts';
import { type Receipt, type SignedTreeHead, signReceipt, signTreeHead } from '../../../../crypto/signing.ts';
import type { Schema } from '../../../db/schema.ts';
import { VaultError } from '../../../shared/errors.ts';
import { DatabaseNodeSource, type LeafRow, logRepository, type NodeRow } from './repository.ts';
import type { LogKeys } from './signing-keys.ts';

/**
 * Runs inside the append transaction once this entry's leaf index is known, before the commit: the
 * item version that a receipt speaks for is written atomically with its leaf. Throwing a VaultError
 * refuses only this entry (no leaf is allocated for it); any other error fails the whole batch.
 */
export type AppendEffect<T> = (trx: Transaction<Schema>, leafIndex: number, timestamp: number) => Promise<T>;

export interface Appended<T> {
  receipt: Receipt;
  result: T;
}

interface Pending {
  /** Hashed as soon as the append arrives, off the critical path of the batch in flight. */
  leafHash: Promise<Uint8Array>;
  effect: AppendEffect<unknown> | undefined;
  resolve(value: Appended<unknown>): void;
  reject(error: unknown): void;
}

export interface TransparencyLogOptions {
  db: Kysely<Schema>;
  keys: LogKeys;
  clock: () => number;
  /** Most entries written in one transaction. */
  maxBatch?: number;
  /** How long a tree head may be reused while the tree has not grown. */
  treeHeadMaxAgeMs?: number;
}

/**
 * The one append-only log. Appends are queued and flushed together: one transaction per batch locks the
 * log-state row, allocates consecutive leaf indices, writes the leaves (with their signed receipts), the
 * newly completed Merkle nodes and every entry's effect, and commits; only then are receipts handed out.
 */
export class TransparencyLog {
  readonly #db: Kysely<Schema>;
  readonly #keys: LogKeys;
  readonly #clock: () => number;
  readonly #maxBatch: number;
  readonly #treeHeadMaxAgeMs: number;
  readonly source: DatabaseNodeSource;
  #queue: Pending[] = [];
  #flushing: Promise<void> | undefined;
  #closed = false;
  /** The right edge of the tree after our last commit; valid while no other process has appended since. */
  #frontier: { size: number; nodes: (Uint8Array | undefined)[] } | undefined;
  #signingHead: Promise<SignedTreeHead> | undefined;

  constructor(options: TransparencyLogOptions) {
    this.#db = options.db;
    this.#keys = options.keys;
    this.#clock = options.clock;
    this.#maxBatch = options.maxBatch ?? 2000;
    this.#treeHeadMaxAgeMs = options.treeHeadMaxAgeMs ?? 60_000;
    this.source = new DatabaseNodeSource(options.db);
  }

  get keys(): LogKeys {
    return this.#keys;
  }

  append<T = undefined>(commitment: Uint8Array, effect?: AppendEffect<T>): Promise<Appended<T>> {
    if (commitment.length !== 32) return Promise.reject(new RangeError('A commitment is 32 bytes'));
    if (this.#closed) return Promise.reject(new VaultError(503, 'unavailable', 'The service is shutting down. Please try again.'));
    return new Promise<Appended<T>>((resolve, reject) => {
      this.#queue.push({
        leafHash: leafHash(commitment),
        effect: effect as AppendEffect<unknown> | undefined,
        resolve: resolve as Pending['resolve'],
        reject,
      });
      // setImmediate rather than a timer: appends arriving in the same turn of the event loop share a batch,
      // and a lone append is not delayed.
      if (!this.#flushing) this.#flushing = new Promise((done) => setImmediate(() => void this.#drain().finally(done)));
    });
  }

  async #drain(): Promise<void> {
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      await this.#flush(batch);
    }
    this.#flushing = undefined;
  }

  async #flush(batch: Pending[]): Promise<void> {
    let outcome: {
      accepted: { entry: Pending; receipt: Receipt; result: unknown }[];
      nodes: NodeRow[];
      leaves: LeafRow[];
      size: number;
      frontier: (Uint8Array | undefined)[];
    };
    const refused: { entry: Pending; error: unknown }[] = [];
    try {
      outcome = await this.#db.transaction().execute(async (trx) => {
        refused.length = 0;
        const timestamp = this.#clock();
        const start = await logRepository.lockState(trx, timestamp);
        const frontier = await this.#loadFrontier(trx, start);
        const placed: { entry: Pending; index: number; hash: Uint8Array; result: unknown }[] = [];
        let next = start;
        for (const entry of batch) {
          try {
            const result = entry.effect ? await entry.effect(trx, next, timestamp) : undefined;
            placed.push({ entry, index: next, hash: await entry.leafHash, result });
            next++;
          } catch (error) {
            if (!(error instanceof VaultError)) throw error;
            refused.push({ entry, error });
          }
        }
        const nodes: NodeRow[] = [];
        for (const p of placed) appendToFrontier(frontier, p.index, p.hash, nodes);
        const receipts = await Promise.all(
          placed.map((p) => signReceipt(this.#keys.signer, { leafIndex: p.index, leafHash: p.hash, timestamp })),
        );
        const leaves: LeafRow[] = placed.map((p, i) => ({
          leafIndex: p.index,
          leafHash: p.hash,
          timestamp,
          logId: this.#keys.signer.logId,
          signature: base64urlDecode(receipts[i]!.signature),
        }));
        await logRepository.insertLeaves(trx, leaves);
        await logRepository.insertNodes(trx, nodes);
        if (next !== start) await logRepository.setSize(trx, next);
        return {
          accepted: placed.map((p, i) => ({ entry: p.entry, receipt: receipts[i]!, result: p.result })),
          nodes,
          leaves,
          size: next,
          frontier,
        };
      });
    } catch (error) {
      this.#frontier = undefined;
      for (const entry of batch) entry.reject(error);
      return;
    }
    // Committed: only now is anything cached or acknowledged.
    this.#frontier = { size: outcome.size, nodes: outcome.frontier };
    for (const leaf of outcome.leaves) this.source.remember(0, leaf.leafIndex, leaf.leafHash);
    for (const node of outcome.nodes) this.source.remember(node.level, node.index, node.hash);
    for (const { entry, error } of refused) entry.reject(error);
    for (const { entry, receipt, result } of outcome.accepted) entry.resolve({ receipt, result });
  }

  /** frontier[level] = the completed perfect node at that level on the right edge of a tree of `size`. */
  async #loadFrontier(trx: Transaction<Schema>, size: number): Promise<(Uint8Array | undefined)[]> {
    if (this.#frontier?.size === size) return [...this.#frontier.nodes];
    const wanted: { level: number; index: number }[] = [];
    for (let level = 0; 2 ** level <= size; level++) {
      if (Math.floor(size / 2 ** level) % 2 === 1) wanted.push({ level, index: Math.floor(size / 2 ** level) - 1 });
    }
    const found = await logRepository.nodes(trx, wanted);
    const frontier: (Uint8Array | undefined)[] = [];
    for (const w of wanted) {
      const hash = found.get(`${w.level}:${w.index}`);
      if (!hash) throw new Error(`log is missing node ${w.level}:${w.index}`);
      frontier[w.level] = hash;
    }
    return frontier;
  }

  async treeSize(): Promise<number> {
    return logRepository.treeSize(this.#db);
  }

  /**
   * The latest signed tree head, signing a new one when the tree has grown since the last, or the last is
   * older than a minute (so heads are fresh, and signed at most once a minute while nothing changes).
   */
  async treeHead(): Promise<SignedTreeHead> {
    const [latest, size] = await Promise.all([logRepository.latestTreeHead(this.#db), this.treeSize()]);
    const now = this.#clock();
    if (latest && latest.treeSize >= size && latest.logId === this.#keys.signer.logId && now - latest.timestamp < this.#treeHeadMaxAgeMs) {
      return latest;
    }
    this.#signingHead ??= this.#signTreeHead(size).finally(() => (this.#signingHead = undefined));
    return this.#signingHead;
  }

  async #signTreeHead(size: number): Promise<SignedTreeHead> {
    const rootHash = await rootFromSource(this.source, size);
    const head = await signTreeHead(this.#keys.signer, { treeSize: size, rootHash, timestamp: this.#clock() });
    await logRepository.insertTreeHead(this.#db, head, rootHash, base64urlDecode(head.signature));
    return head;
  }

  async inclusionProof(index: number, treeSize: number): Promise<Uint8Array[]> {
    await this.#checkSize(treeSize);
    if (index >= treeSize) throw new VaultError(400, 'invalid_request', 'index must be less than treeSize.');
    return inclusionProofFromSource(this.source, index, treeSize);
  }

  async consistencyProof(from: number, to: number): Promise<Uint8Array[]> {
    await this.#checkSize(to);
    if (from > to) throw new VaultError(400, 'invalid_request', 'from must not be greater than to.');
    return consistencyProofFromSource(this.source, from, to);
  }

  async #checkSize(treeSize: number): Promise<void> {
    if (treeSize > (await this.treeSize())) throw new VaultError(400, 'invalid_request', 'The log is not that large yet.');
  }

  /** Stops taking appends and waits until every queued one is committed (or refused). */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#flushing) await this.#flushing;
  }
}

/**
 * RFC 6962 interior node, SHA-256(0x01 || left || right), computed synchronously: the log computes about
 * one per append inside its transaction, and WebCrypto's per-call promise cost there halved throughput.
 * Tests check every root built from these nodes against src/crypto's merkleRoot.
 */
function interiorHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest());
}
const NODE_PREFIX = new Uint8Array([0x01]);

/** Adds one leaf to the right edge, collecting every perfect node it completes. */
function appendToFrontier(frontier: (Uint8Array | undefined)[], index: number, hash: Uint8Array, completed: NodeRow[]): void {
  let level = 0;
  let position = index;
  let current = hash;
  while (position % 2 === 1) {
    const left = frontier[level];
    if (!left) throw new Error(`log frontier has no node at level ${level}`);
    frontier[level] = undefined;
    current = interiorHash(left, current);
    level++;
    position = (position - 1) / 2;
    completed.push({ level, index: position, hash: current });
  }
  frontier[level] = current;
}
