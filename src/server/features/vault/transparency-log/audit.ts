import type { Kysely } from 'kysely';
import { leafHash, MerkleTree, rootFromSource } from '../../../../crypto/merkle.ts';
import { verifyReceipt, verifyTreeHead } from '../../../../crypto/signing.ts';
import type { Schema } from '../../../db/schema.ts';
import { encodeB64 } from '../../../shared/binary.ts';
import { DatabaseNodeSource, logRepository, receiptFromRow } from './repository.ts';
import type { LogKeys } from './signing-keys.ts';

export interface LogAudit {
  ok: boolean;
  leaves: number;
  itemVersions: number;
  /** The latest signed tree head's size, and whether its root is the root of the leaves. */
  treeHead: { treeSize: number; logId: string } | undefined;
  problems: string[];
}

const PAGE = 5000;

/**
 * Checks the whole log in a database against itself and the published keys: every leaf's receipt is signed by a
 * published key, the leaves hash to the latest signed tree head's root (and to the stored interior nodes that
 * proofs are built from), and every item version's commitment is the leaf at its index. What an operator runs
 * after a restore (`npm run log:audit`, docs/deploy.md) to prove nothing was lost, changed or reordered.
 */
export async function auditLog(db: Kysely<Schema>, keys: Pick<LogKeys, 'verifiers'>): Promise<LogAudit> {
  const problems: string[] = [];
  const size = await logRepository.treeSize(db);
  const head = await logRepository.latestTreeHead(db);
  const tree = new MerkleTree();
  const leafHashes = new Map<number, string>();
  let headRoot: string | undefined;
  for (let from = 0; from < size; from += PAGE) {
    const rows = await db
      .selectFrom('vault_log_leaves')
      .selectAll()
      .where('leaf_index', '>=', from)
      .where('leaf_index', '<', Math.min(size, from + PAGE))
      .orderBy('leaf_index')
      .execute();
    for (const row of rows) {
      const index = row.leaf_index;
      if (index !== tree.size) {
        problems.push(`leaf ${tree.size} is missing`);
        return { ok: false, leaves: tree.size, itemVersions: 0, treeHead: undefined, problems };
      }
      const receipt = receiptFromRow(row);
      const key = keys.verifiers.get(receipt.logId);
      if (!key) problems.push(`leaf ${index} is signed by ${receipt.logId}, which is not a published key`);
      else if (!(await verifyReceipt(receipt, key))) problems.push(`leaf ${index}: its receipt's signature does not verify`);
      await tree.append(new Uint8Array(row.leaf_hash));
      leafHashes.set(index, receipt.leafHash);
      if (head && tree.size === head.treeSize) headRoot = encodeB64(await tree.root());
    }
  }
  if (tree.size !== size) problems.push(`the log says it holds ${size} leaves but ${tree.size} are there`);
  if (head) {
    const key = keys.verifiers.get(head.logId);
    if (!key || !(await verifyTreeHead(head, key)))
      problems.push(`the latest tree head (size ${head.treeSize}) is not signed by a published key`);
    if (head.treeSize === 0) headRoot = encodeB64(await tree.root());
    if (headRoot !== head.rootHash) problems.push(`the leaves do not hash to the latest signed tree head's root (size ${head.treeSize})`);
  }
  const fromNodes = encodeB64(await rootFromSource(new DatabaseNodeSource(db), size));
  if (fromNodes !== encodeB64(await tree.root())) problems.push('the stored interior nodes do not match the leaves (proofs would fail)');
  let itemVersions = 0;
  for (let offset = 0; ; offset += PAGE) {
    const rows = await db
      .selectFrom('vault_item_versions')
      .select(['item_id', 'version', 'commitment', 'leaf_index'])
      .orderBy('leaf_index')
      .limit(PAGE)
      .offset(offset)
      .execute();
    for (const row of rows) {
      itemVersions++;
      const expected = leafHashes.get(row.leaf_index);
      if (expected !== encodeB64(await leafHash(new Uint8Array(row.commitment))))
        problems.push(`item ${row.item_id} version ${row.version}: its commitment is not leaf ${row.leaf_index}`);
    }
    if (rows.length < PAGE) break;
  }
  return {
    ok: problems.length === 0,
    leaves: tree.size,
    itemVersions,
    treeHead: head ? { treeSize: head.treeSize, logId: head.logId } : undefined,
    problems,
  };
}
