// Saving an import: the job item first (so a cut-short import can be found again), then the original export as
// an encrypted attachment (uploaded in chunks, resumable), then the people it names, then one incident per group
// (or part), a few at a time. Each incident has an id derived from the file and its messages, so after an
// interruption the same file writes to the same ids: one already saved answers 409 and is skipped.
import type { BehaviourId, Incident, Person } from '../../../domain/incidents/index.ts';
import { newPerson } from '../../../domain/incidents/index.ts';
import type { ImportFormat } from '../../../domain/message-import/index.ts';
import { HttpError } from '../../http/http-client.ts';
import type { ItemChange } from '../api/types.ts';
import { uploadAttachment } from '../attachments/upload.ts';
import type { StoredItem } from '../items/item-store.ts';
import { newItemId, openItem, putItem } from '../items/item-store.ts';
import type { ReceiptChecker } from '../items/receipts.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { ImportJob } from './job.ts';
import type { ImportChoices, PlannedGroup } from './plan.ts';
import { incidentsForGroup } from './plan.ts';

export type SaveStep = 'file' | 'entries';

export interface SaveProgress {
  readonly step: SaveStep;
  readonly done: number;
  readonly total: number;
}

export interface SaveRequest {
  readonly file: File;
  readonly sha256: string;
  readonly format: ImportFormat;
  readonly choices: ImportChoices;
  /** The groups to save, each with the behaviours the person settled on. */
  readonly groups: readonly { readonly group: PlannedGroup; readonly behaviours: readonly BehaviourId[] }[];
  /** Everyone already in the record, to link senders to by name or other name. */
  readonly people: readonly Person[];
  /** The unfinished import of this file, when there is one. */
  readonly job?: StoredItem<ImportJob>;
}

export interface SaveResult {
  /** Everything written, for the diary's records. */
  readonly items: readonly StoredItem[];
  /** Incidents written now; those an earlier, interrupted run had already written are not counted. */
  readonly added: number;
  readonly messages: number;
}

/** Enough to keep the connection busy; more only holds more items in the tab's memory at once. */
const SAVE_CONCURRENCY = 3;

export async function saveImport(
  vault: UnlockedVault,
  request: SaveRequest,
  checker: ReceiptChecker,
  onProgress: (progress: SaveProgress) => void,
  signal: AbortSignal,
  /** Every item written is pushed here as it is written, so what was saved before a failure or Cancel is known. */
  items: StoredItem[] = [],
): Promise<SaveResult> {
  const planned = request.groups.reduce((n, { group }) => n + group.records.length, 0);

  // 1. Where this import stands, before anything else is written.
  let job = request.job;
  const content: ImportJob = {
    type: 'message-import',
    v: 1,
    file: { name: request.file.name, size: request.file.size, sha256: request.sha256, format: request.format },
    startedAt: job?.content.startedAt ?? new Date().toISOString(),
    choices: request.choices,
    planned,
    ...(job?.content.attachment ? { attachment: job.content.attachment } : {}),
  };
  job = await putItem(vault, job?.id ?? newItemId(), job?.version ?? 0, content, checker);
  items.push(job);

  // 2. The original export, once.
  let attachment = job.content.attachment;
  if (!attachment) {
    onProgress({ step: 'file', done: 0, total: 1 });
    attachment = await uploadAttachment(
      vault,
      request.file,
      ({ sentChunks, chunkCount }) => onProgress({ step: 'file', done: sentChunks, total: chunkCount }),
      signal,
    );
    if (attachment.sha256 !== request.sha256) throw new Error('The file changed while it was being saved. Choose it again.');
    job = await putItem(vault, job.id, job.version, { ...job.content, attachment }, checker);
    items.push(job);
  }
  signal.throwIfAborted();

  // 3. The senders, as people in the record: one already there (by name or other name), or a new one.
  // A photo has no sender, and a saved page's is only its website: neither is a person to add.
  const namesPeople = request.format !== 'image' && request.format !== 'web-page';
  const senders = namesPeople
    ? [...new Set(request.groups.flatMap(({ group }) => group.records.map(({ record }) => record.sender)))].filter((s) => s.trim() !== '')
    : [];
  const personIds = new Map<string, string>();
  const known = new Map<string, string>();
  for (const person of request.people) for (const name of [person.name, ...person.aliases]) known.set(fold(name), person.id);
  for (const sender of senders) {
    const found = known.get(fold(sender));
    if (found) {
      personIds.set(sender, found);
      continue;
    }
    const name =
      sender
        .replace(/[\u0000-\u001f\u007f]+/g, ' ')
        .trim()
        .slice(0, 120) || 'Unknown sender';
    const id = newItemId();
    const saved = await putItem(vault, id, 0, newPerson(id, name, 'stalker'), checker);
    items.push(saved);
    personIds.set(sender, saved.id);
    known.set(fold(sender), saved.id);
  }

  // 4. The incidents.
  const source = { attachment, format: request.format };
  const incidents: Incident[] = request.groups.flatMap(({ group, behaviours }) => incidentsForGroup(group, behaviours, source, personIds));
  let done = 0;
  let added = 0;
  onProgress({ step: 'entries', done, total: incidents.length });
  await settledEach(
    incidents,
    SAVE_CONCURRENCY,
    async (incident) => {
      try {
        items.push(await putItem(vault, incident.id, 0, incident, checker));
        added++;
      } catch (error) {
        // Written by a run cut short before its answer arrived: the same id holds the same messages. Read back,
        // so the record knows them (and a later import leaves them out).
        if (!(error instanceof HttpError && error.code === 'version_conflict')) throw error;
        items.push(await openItem(vault, await vault.api.json<ItemChange>('GET', `/items/${encodeURIComponent(incident.id)}`, { signal })));
      }
      onProgress({ step: 'entries', done: ++done, total: incidents.length });
    },
    signal,
  );

  // 5. Finished: choosing the file again is a new import (whose messages are all duplicates).
  items.push(await putItem(vault, job.id, job.version, { ...job.content, finishedAt: new Date().toISOString() }, checker));
  return { items, added, messages: planned };
}

function fold(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/**
 * `work` over every item, `limit` at a time. After a failure (or Cancel) nothing new starts, and the promise
 * rejects only once the saves already on their way have finished, so what was written is all known by then.
 */
async function settledEach<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>, signal: AbortSignal): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      if (signal.aborted) {
        failure = { error: signal.reason };
        return;
      }
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
