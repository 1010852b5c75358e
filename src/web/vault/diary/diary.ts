// What every diary screen is given: the open vault, the decrypted records, and how to save and move on.
import type { Incident, Person, Place } from '../../../domain/incidents/index.ts';
import type { TimelineIndex } from '../../../domain/patterns/index.ts';
import type { StoredItem } from '../items/item-store.ts';
import type { ReceiptChecker } from '../items/receipts.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { DiaryRecords } from './records.ts';
import type { Navigation } from './routes.ts';
import type { TimelineChoices } from './timeline-screen.tsx';

export interface Diary {
  readonly vault: UnlockedVault;
  readonly records: DiaryRecords;
  readonly checker: ReceiptChecker;
  readonly nav: Navigation;
  /** The timeline's search, filters and order, kept while the vault is open. */
  readonly timelineChoices: readonly [TimelineChoices, (choices: TimelineChoices) => void];
  /** The timeline's search index and the records it was built from (undefined until first built). */
  readonly timelineIndex: { readonly records: DiaryRecords; readonly index: TimelineIndex } | undefined;
  /** Receipts checked here after loading (items saved in this session carry their own flag). */
  isChecked(item: StoredItem): boolean;
  /** Saves a new version (or a first one) and puts it in the records. */
  /** Puts an item saved elsewhere (a note) in the records. */
  remember(item: StoredItem): void;
  /** Puts many items saved elsewhere (an import's incidents) in the records at once. */
  rememberAll(items: readonly StoredItem[]): void;
  save<T extends Incident | Person | Place>(content: T, previous: StoredItem<T> | undefined): Promise<StoredItem<T>>;
}
