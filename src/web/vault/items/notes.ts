// A short note: the vault's simplest item, to try it out before the diary exists. The `type` field is what
// lets the diary (issue 6) keep entries, people and places in the same item store beside notes.

import { LOCALE, t } from '../i18n/i18n.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { StoredItem } from './item-store.ts';
import { newItemId, putItem } from './item-store.ts';
import type { ReceiptChecker } from './receipts.ts';

export const MAX_NOTE_LENGTH = 10_000;

/** An attachment as a note refers to it; name, type and size are copied in so the list needs no extra requests. */
export interface AttachmentRef {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** Lower-case hex of the original bytes; notes saved before files were hashed do not have it. */
  readonly sha256?: string;
}

export interface NoteContent {
  readonly type: 'note';
  readonly v: 1;
  readonly text: string;
  /** ISO 8601, this device's clock: what the person says; the receipt is the independent time. */
  readonly writtenAt: string;
  readonly attachments: readonly AttachmentRef[];
}

export function isNote(item: StoredItem): item is StoredItem<NoteContent> {
  const content = item.content as Partial<NoteContent> | null;
  return typeof content === 'object' && content !== null && content.type === 'note' && typeof content.text === 'string';
}

export function noteProblem(text: string, hasAttachment: boolean): string | undefined {
  if (text.trim() === '' && !hasAttachment) return t('notes.empty');
  if (text.length > MAX_NOTE_LENGTH) return t('notes.tooLong', { maximum: MAX_NOTE_LENGTH.toLocaleString(LOCALE) });
  return undefined;
}

export function saveNewNote(
  vault: UnlockedVault,
  text: string,
  attachments: readonly AttachmentRef[],
  checker?: ReceiptChecker,
  now: Date = new Date(),
): Promise<StoredItem<NoteContent>> {
  const content: NoteContent = { type: 'note', v: 1, text, writtenAt: now.toISOString(), attachments };
  return putItem(vault, newItemId(), 0, content, checker);
}

/** Newest first, by the receipt's time (the server's clock), which the person cannot set. */
export function newestFirst<T>(items: readonly StoredItem<T>[]): StoredItem<T>[] {
  return [...items].sort((a, b) => b.receipt.timestamp - a.receipt.timestamp);
}
