// Where an import stands, kept as an encrypted vault item like any other (never in browser storage, T1): the
// file's fingerprint, the choices made, and the original file once it is uploaded. Choosing the same file again
// finds it, so an import cut short (Cancel, a closed tab, the network) carries on; the messages' duplicate keys
// make sure nothing is added twice.
import type { Attachment } from '../../../domain/incidents/index.ts';
import type { ImportFormat } from '../../../domain/message-import/model.ts';
// The model alone: the parsers stay out of the diary's main bundle until the import screen is opened.
import { IMPORT_FORMATS } from '../../../domain/message-import/model.ts';
import type { StoredItem } from '../items/item-store.ts';
import type { ImportChoices } from './plan.ts';

export interface ImportJob {
  readonly type: 'message-import';
  readonly v: 1;
  readonly file: { readonly name: string; readonly size: number; readonly sha256: string; readonly format: ImportFormat };
  /** ISO 8601, this device's clock. */
  readonly startedAt: string;
  readonly choices: ImportChoices;
  /** Messages the import will add in all. */
  readonly planned: number;
  /** Set once the original file is in the vault: a resumed import uses it rather than uploading it again. */
  readonly attachment?: Attachment;
  readonly finishedAt?: string;
}

export function isImportJob(item: StoredItem): item is StoredItem<ImportJob> {
  const content = item.content as Partial<ImportJob> | null;
  return (
    typeof content === 'object' &&
    content !== null &&
    content.type === 'message-import' &&
    content.v === 1 &&
    typeof content.file === 'object' &&
    content.file !== null &&
    typeof content.file.sha256 === 'string' &&
    (IMPORT_FORMATS as readonly unknown[]).includes(content.file.format) &&
    typeof content.choices === 'object' &&
    content.choices !== null
  );
}

/** The unfinished import of this file, if there is one (the latest, should there be several). */
export function unfinishedJob(jobs: Iterable<StoredItem<ImportJob>>, sha256: string): StoredItem<ImportJob> | undefined {
  let found: StoredItem<ImportJob> | undefined;
  for (const job of jobs) {
    if (job.content.file.sha256 !== sha256 || job.content.finishedAt !== undefined) continue;
    if (!found || job.content.startedAt > found.content.startedAt) found = job;
  }
  return found;
}
