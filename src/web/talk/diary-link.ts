// For people with a Casebook diary: the conversation code is kept as an encrypted item in their vault, so they
// never have to write it down, and chosen diary entries can be shared into the conversation. The server cannot
// link the two: the vault item is ciphertext, and the conversation knows only its token's HMAC.

import { signOut } from '../vault/account/manage-account.ts';
import { unlock } from '../vault/account/unlock.ts';
import { ApiClient } from '../vault/api/client.ts';
import { loadItems, newItemId, putItem, type StoredItem } from '../vault/items/item-store.ts';
import type { UnlockedVault } from '../vault/vault-session.ts';
import { generateCode } from './conversation-code.ts';
import type { ShareContent } from './sealed-content.ts';

interface ConversationCodeItem {
  readonly type: 'helpline-conversation';
  readonly v: 1;
  readonly words: readonly string[];
  readonly startedAt: string;
}

export interface ShareableEntry {
  readonly id: string;
  readonly text: string;
  readonly writtenAt: string | null;
  readonly receiptAt: number | null;
  readonly type: string;
}

export interface LinkedDiary {
  readonly vault: UnlockedVault;
  readonly words: readonly string[];
  /** true when this unlock made the code (so the conversation must be started, not resumed) */
  readonly isNew: boolean;
  readonly entries: readonly ShareableEntry[];
}

const isCodeItem = (item: StoredItem): item is StoredItem<ConversationCodeItem> =>
  (item.content as Partial<ConversationCodeItem> | null)?.type === 'helpline-conversation' &&
  Array.isArray((item.content as ConversationCodeItem).words);

/** The diary session this page opened, so leaving can end it (as leaving /diary does). */
let openedApi: ApiClient | undefined;

export function closeDiary(leaving: boolean): void {
  if (openedApi?.signedIn) void signOut(openedApi, leaving).catch(() => {});
  openedApi = undefined;
}

export async function openDiary(username: string, passphrase: string): Promise<LinkedDiary> {
  closeDiary(false);
  openedApi = new ApiClient();
  const vault = await unlock(openedApi, username, passphrase);
  const { items } = await loadItems(vault);
  const existing = items.find(isCodeItem);
  const entries = items
    .filter((item) => !isCodeItem(item))
    .flatMap((item) => {
      const content = item.content as { type?: unknown; text?: unknown; writtenAt?: unknown };
      if (typeof content?.text !== 'string' || content.text.trim() === '') return [];
      return [
        {
          id: item.id,
          text: content.text,
          type: typeof content.type === 'string' ? content.type : 'entry',
          writtenAt: typeof content.writtenAt === 'string' ? content.writtenAt : null,
          receiptAt: item.receipt.timestamp,
        },
      ];
    })
    .sort((a, b) => (b.receiptAt ?? 0) - (a.receiptAt ?? 0));
  if (existing) return { vault, words: existing.content.words, isNew: false, entries };
  const words = generateCode();
  const item: ConversationCodeItem = { type: 'helpline-conversation', v: 1, words, startedAt: new Date().toISOString() };
  await putItem(vault, newItemId(), 0, item);
  return { vault, words, isNew: true, entries };
}

export const shareOf = (entry: ShareableEntry): ShareContent => ({
  type: entry.type,
  text: entry.text,
  writtenAt: entry.writtenAt,
  receiptAt: entry.receiptAt,
});
