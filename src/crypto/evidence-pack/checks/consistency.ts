// The log since: the pack's tree head is a prefix of a newer published one.
import { base64urlDecode } from '../../encoding.ts';
import { verifyConsistency } from '../../merkle.ts';
import { verifyTreeHead } from '../../signing.ts';
import type { Finding } from '../report-text/finding.ts';
import { finding, time } from '../report-text/finding.ts';
import { decodeAll } from './json.ts';
import type { Keys, TreeHeadCheck } from './keys.ts';
import { keyFor, refused } from './keys.ts';
import type { ConsistencyReport, VerifyOptions } from './report.ts';

export async function checkConsistency(
  treeHead: TreeHeadCheck | null,
  keys: Keys,
  options: VerifyOptions,
  problems: Finding[],
): Promise<ConsistencyReport> {
  const current = options.currentTreeHead;
  if (!current) return { checked: false };
  const fail = (problem: Finding) => {
    problems.push(problem);
    return { checked: true as const, ok: false, treeSize: current.treeSize, timestamp: current.timestamp };
  };
  if (treeHead?.signature !== 'passed') return fail(finding('consistency.ownHeadFailed'));
  const found = keyFor(keys, current.logId);
  if ('refusal' in found) return fail(refused('consistency', found));
  if (!(await verifyTreeHead(current, found.key))) return fail(finding('consistency.badSignature'));
  const proof = decodeAll(options.consistencyProof ?? []);
  const [older, newer] = current.treeSize >= treeHead.head.treeSize ? [treeHead.head, current] : [current, treeHead.head];
  let consistent = false;
  if (proof) {
    try {
      consistent = await verifyConsistency(
        older.treeSize,
        newer.treeSize,
        base64urlDecode(older.rootHash),
        base64urlDecode(newer.rootHash),
        proof,
      );
    } catch {
      consistent = false;
    }
  }
  if (!consistent)
    return fail(
      finding('consistency.rewritten', { size: current.treeSize, time: time(current.timestamp), packSize: treeHead.head.treeSize }),
    );
  return { checked: true, ok: true, treeSize: current.treeSize, timestamp: current.timestamp };
}
