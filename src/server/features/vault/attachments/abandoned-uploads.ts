import { startHourlyTask } from '../../../setup/hourly-task.ts';
import type { VaultServices } from '../services.ts';

/**
 * An upload that is not finished a week after it started will not be: the browser that began it has long
 * gone (resuming happens within a visit). Its chunks are ciphertext nobody can use, but they count against
 * the person's quota and fill the disk, so they are removed.
 */
export const ABANDONED_AFTER_MS = 7 * 24 * 60 * 60_000;

/** Removes every abandoned upload as of `now`; returns how many. */
export async function sweepAbandonedUploads(vault: Pick<VaultServices, 'attachments' | 'blobs'>, now: number): Promise<number> {
  let removed = 0;
  for (;;) {
    const ids = await vault.attachments.removeAbandoned(now - ABANDONED_AFTER_MS);
    for (const id of ids) await vault.blobs.deletePrefix(`attachments/${id}`);
    removed += ids.length;
    if (ids.length === 0) return removed;
  }
}

/** Sweeps now and every hour until stopped. A failed sweep is logged and tried again next time. */
export function startAbandonedUploadSweeper(vault: VaultServices, onError: (error: unknown) => void): () => Promise<unknown> {
  return startHourlyTask(() => sweepAbandonedUploads(vault, vault.clock()), onError);
}
