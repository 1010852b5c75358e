// Opening the record after unlock, as fast as the network allows: each page of items is decrypted and checked
// against its schema while the next page is on its way, so little is left to do when the last page arrives.

import type { StoredItem } from '../items/item-store.ts';
import { openItem, openLatestItems } from '../items/item-store.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { DiaryRecords } from './records.ts';
import { recordsFromSorted, sortItem } from './records.ts';

export interface LoadedRecords {
  readonly records: DiaryRecords;
  /** The items as decrypted, for checking their receipts afterwards. */
  readonly items: readonly StoredItem[];
}

export async function loadRecords(vault: UnlockedVault): Promise<LoadedRecords> {
  const opened = await openLatestItems(vault, (change) =>
    openItem(vault, change).then(
      (item) => ({ item, sorted: sortItem(item) }),
      () => undefined,
    ),
  );
  performance.mark('diary:decrypted');
  const undecryptable = opened.filter((result) => result === undefined).length;
  const found = opened.filter((result) => result !== undefined);
  return {
    records: recordsFromSorted(
      found.map((result) => result.sorted),
      undecryptable,
    ),
    items: found.map((result) => result.item),
  };
}
