// The order of entries in a pack ("Entry 1" first), shared by the builder and the verifier: the PDF numbers
// entries the same way, so a pack.json whose entries were shuffled would make the numbers on paper point at
// different entries. The order is recomputable from committed content and signed receipts alone.
import { parseIncident, whenSortKey } from '../../domain/incidents/index.ts';

export interface OrderFacts {
  readonly id: string;
  /** When it happened as recorded (a diary incident), else when its first version was logged. */
  readonly sortKey: number;
  readonly firstLeafIndex: number;
}

export function entrySortKey(latestContent: unknown, firstReceiptTime: number): number {
  const latest = parseIncident(latestContent);
  return latest.ok ? whenSortKey(latest.value.when) : firstReceiptTime;
}

/** When it happened, as the person recorded it (the chronological log); then when it was first logged. */
export function compareEntries(a: OrderFacts, b: OrderFacts): number {
  return a.sortKey - b.sortKey || a.firstLeafIndex - b.firstLeafIndex || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
