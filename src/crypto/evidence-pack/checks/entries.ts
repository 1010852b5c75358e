// Entries, version by version, and what only the whole list can show: versions in order within an entry, no
// receipt used twice, entries in the order the PDF numbers them.
import type { PackEntry } from '../format.ts';
import type { OrderFacts } from '../order.ts';
import { compareEntries, entrySortKey } from '../order.ts';
import type { Finding } from '../report-text/finding.ts';
import { finding, list, time, versionPlace } from '../report-text/finding.ts';
import type { Keys, TreeHeadCheck } from './keys.ts';
import type { EntryReport } from './report.ts';
import type { VersionFiles } from './version.ts';
import { checkVersion } from './version.ts';

export async function checkEntry(
  pack: VersionFiles,
  entry: PackEntry,
  number: number,
  keys: Keys,
  treeHead: TreeHeadCheck | null,
): Promise<EntryReport<Finding>> {
  const problems: Finding[] = [];
  const place = finding('place.entry', { entry: number });
  if (entry.versions.length === 0) problems.push(finding('entry.noVersions', { place }));
  if (entry.versions.some((v, i) => v !== i + 1)) {
    const held = new Set(entry.versions);
    const missing = range(1, Math.min(Math.max(...entry.versions), entry.versions.length + 20)).filter((v) => !held.has(v));
    const params = { place, last: entry.versions.length, held: list(entry.versions) };
    problems.push(
      missing.length ? finding('entry.versionGapsMissing', { ...params, missing: list(missing) }) : finding('entry.versionGaps', params),
    );
  }
  const versions = await Promise.all(entry.versions.map((v) => checkVersion(pack, entry.id, v, number, keys, treeHead)));
  // Edits are appended to the log, so a later version must sit later in the log.
  for (let i = 1; i < versions.length; i++) {
    const earlier = versions[i - 1]!;
    const later = versions[i]!;
    if (earlier.leafIndex === null || later.leafIndex === null || earlier.receiptTime === null || later.receiptTime === null) continue;
    if (later.leafIndex <= earlier.leafIndex || later.receiptTime < earlier.receiptTime) {
      problems.push(
        finding('entry.loggedBefore', {
          place,
          later: later.version,
          earlier: earlier.version,
          laterTime: time(later.receiptTime),
          laterLeaf: later.leafIndex,
          earlierTime: time(earlier.receiptTime),
          earlierLeaf: earlier.leafIndex,
        }),
      );
    }
  }
  const verified = problems.length === 0 && versions.every((v) => v.problems.length === 0);
  return { number, id: entry.id, verified, versions, problems };
}

/** Two versions presenting the same log position: one receipt shown for two versions. */
export function checkLeafReuse(entries: readonly EntryReport<Finding>[]): Finding[] {
  const problems: Finding[] = [];
  const usedLeaves = new Map<number, Finding>();
  for (const entry of entries) {
    for (const v of entry.versions) {
      if (v.leafIndex === null) continue;
      const other = usedLeaves.get(v.leafIndex);
      const place = versionPlace(entry.number, v.version);
      if (other) problems.push(finding('entry.sameLeaf', { place, leaf: v.leafIndex, other }));
      else usedLeaves.set(v.leafIndex, place);
    }
  }
  return problems;
}

/**
 * Entries are numbered in the order they happened (then were first logged), as the PDF numbers them; a pack.json
 * in another order means the numbers on paper no longer point at the same entries.
 */
export function checkEntryOrder(entries: readonly EntryReport<Finding>[], contents: ReadonlyMap<string, unknown[]>): Finding[] {
  const facts = entries.map((entry): OrderFacts | undefined => {
    const first = entry.versions[0];
    const latest = contents.get(entry.id)?.at(-1);
    if (!first || first.receiptTime === null || first.leafIndex === null || latest === undefined) return undefined;
    return { id: entry.id, sortKey: entrySortKey(latest, first.receiptTime), firstLeafIndex: first.leafIndex };
  });
  const problems: Finding[] = [];
  for (let i = 1; i < facts.length; i++) {
    const before = facts[i - 1];
    const after = facts[i];
    if (before && after && compareEntries(before, after) > 0) problems.push(finding('entry.reordered', { after: i + 1, before: i }));
  }
  return problems;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
