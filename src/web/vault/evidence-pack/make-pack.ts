// Makes the pack from the person's choices: every version of each chosen entry (decrypted and checked), one
// signed tree head with an inclusion proof per version, the chosen files (checked against the entries), then
// the ZIP (format 1) and the PDF that prints its SHA-256. Everything stays in this page's memory.
//
// What was fetched is kept until a pack is made, so trying again after the network fails carries on from where
// it stopped instead of starting over.

import type { AttachmentInput, EntryInput, InclusionProofFile, PackLanguage } from '../../../crypto/evidence-pack/index.ts';
import { attachmentRefsOf, buildEvidencePack } from '../../../crypto/evidence-pack/index.ts';
import type { Receipt, SignedTreeHead } from '../../../crypto/index.ts';
import { hexEncode } from '../../../crypto/index.ts';
import type { Person, Place } from '../../../domain/incidents/index.ts';
import type { EvidencePdfFonts, EvidencePdfInput } from '../../evidence-pack/pdf/types.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { PackCandidate } from './candidates.ts';
import type { Selection } from './choices.ts';
import type { OpenedHistory, OpenedVersion, VersionRecord } from './entry-history.ts';
import { fetchHistory, fetchLatestVersions, openHistory } from './entry-history.ts';
import { FETCH_CONCURRENCY, mapWithLimit } from './limit.ts';
import type { LogKeys } from './log-proofs.ts';
import { fetchInclusionProofs, fetchLogKeys, fetchTreeHead, PROOFS_PER_REQUEST, proofLeadsToHead } from './log-proofs.ts';
import type { FetchedFile } from './pack-files.ts';
import { fetchPackFile } from './pack-files.ts';

export type Step = 'entries' | 'proofs' | 'files' | 'zip' | 'pdf';

export const STEPS: readonly Step[] = ['entries', 'proofs', 'files', 'zip', 'pdf'];

export interface Progress {
  readonly step: Step;
  readonly done: number;
  readonly total: number;
}

/** Something the person chose that is not in the pack, and why, in words they can pass on. */
export interface LeftOut {
  readonly kind: 'entry' | 'file';
  /** "Tuesday 3 March 2026 at 6:30pm: He was outside…" or the file's name. */
  readonly label: string;
  readonly reason: string;
}

export interface MadePack {
  readonly zip: Uint8Array;
  readonly pdf: Uint8Array;
  /** Lower-case hex SHA-256 of the ZIP: the pack's name, printed in the PDF. */
  readonly sha256: string;
  readonly title: string;
  readonly entries: number;
  readonly versions: number;
  readonly files: number;
  readonly leftOut: readonly LeftOut[];
}

export interface PackRequest {
  readonly selection: Selection;
  readonly title: string;
  /** For the PDF cover; may be empty. */
  readonly name: string;
  /** The language of the PDF and README.txt; default English. */
  readonly language?: PackLanguage;
  /** ms; the device's clock. */
  readonly createdAt: number;
}

export interface PdfMaker {
  loadFonts(): Promise<EvidencePdfFonts>;
  render(input: EvidencePdfInput): Promise<Uint8Array>;
}

/** Nothing the person chose could go into a pack. */
export class NothingToPack extends Error {
  override readonly name = 'NothingToPack';
  readonly leftOut: readonly LeftOut[];

  constructor(leftOut: readonly LeftOut[]) {
    super('None of the entries you chose could be checked, so there is no pack to make.');
    this.leftOut = leftOut;
  }
}

// Files are larger: fewer at once keeps memory and the connection calm.
const FILE_CONCURRENCY = 3;
/** Each batch asks the log for up to 250 proofs, so two at a time keep it busy without queueing the rest. */
const PROOF_BATCH_CONCURRENCY = 2;
const EMBEDDED_IMAGE = /^image\/(jpeg|png)$/i;

export class PackMaker {
  readonly #vault: UnlockedVault;
  readonly #pdf: PdfMaker;
  #keys: LogKeys | undefined;
  #fonts: EvidencePdfFonts | undefined;
  #treeHead: SignedTreeHead | undefined;
  readonly #histories = new Map<string, OpenedHistory>();
  readonly #proofs = new Map<string, { proof: InclusionProofFile; valid: boolean }>();
  readonly #files = new Map<string, FetchedFile>();

  constructor(vault: UnlockedVault, pdf: PdfMaker) {
    this.#vault = vault;
    this.#pdf = pdf;
  }

  #forget(): void {
    this.#treeHead = undefined;
    this.#histories.clear();
    this.#proofs.clear();
    this.#files.clear();
  }

  async make(request: PackRequest, onProgress: (progress: Progress) => void, signal?: AbortSignal): Promise<MadePack> {
    const { selection } = request;
    const api = this.#vault.api;
    const leftOut: LeftOut[] = [];

    // 1. Every version of every chosen entry, checked against its receipt.
    const keys = (this.#keys ??= await fetchLogKeys(signal));
    let done = 0;
    onProgress({ step: 'entries', done, total: selection.entries.length });
    const latest = selection.entries.some((entry) => !this.#histories.has(entry.id))
      ? await fetchLatestVersions(api, signal)
      : new Map<string, VersionRecord>();
    // Only the fetching is limited: each history is checked while the next one downloads (WebCrypto queues the
    // work), so the connection never waits for the checks.
    const opening: Promise<OpenedHistory>[] = [];
    const openedNow = (id: string, history: OpenedHistory): OpenedHistory => {
      this.#histories.set(id, history);
      onProgress({ step: 'entries', done: ++done, total: selection.entries.length });
      return history;
    };
    await mapWithLimit(
      selection.entries,
      FETCH_CONCURRENCY,
      async (entry, i) => {
        const known = this.#histories.get(entry.id);
        if (known) {
          opening[i] = Promise.resolve(openedNow(entry.id, known));
          return;
        }
        const records = await fetchHistory(api, entry.id, signal, latest.get(entry.id));
        opening[i] = openHistory(this.#vault.vaultKey, entry.id, records, keys).then((history) => openedNow(entry.id, history));
      },
      signal,
    );
    const histories = await Promise.all(opening);
    const opened = new Map<string, { candidate: PackCandidate; versions: readonly OpenedVersion[] }>();
    selection.entries.forEach((candidate, i) => {
      const history = histories[i]!;
      if (history.ok) opened.set(candidate.id, { candidate, versions: history.versions });
      else leftOut.push({ kind: 'entry', label: entryLabel(candidate), reason: history.reason });
    });

    // 2. One tree head that covers them all (the log's latest does), and a proof per version leading to it.
    const all = [...opened.values()].flatMap(({ versions: list }) => list);
    const inHead = (v: OpenedVersion, head: SignedTreeHead | undefined) =>
      head !== undefined && v.receipt.leafIndex < head.treeSize && v.receipt.timestamp <= head.timestamp;
    if (!all.every((v) => inHead(v, this.#treeHead))) this.#treeHead = await fetchTreeHead(api, keys, signal);
    const treeHead = this.#treeHead!;
    // A receipt the latest tree head does not cover cannot be proven (a log that answers like that is reported).
    const versions = all.filter((v) => inHead(v, treeHead));
    done = 0;
    onProgress({ step: 'proofs', done, total: versions.length });
    const proofs = new Map<number, { proof: InclusionProofFile; valid: boolean }>();
    const proven = (key: string, leafIndex: number, answer: { proof: InclusionProofFile; valid: boolean }) => {
      this.#proofs.set(key, answer);
      proofs.set(leafIndex, answer);
      onProgress({ step: 'proofs', done: ++done, total: versions.length });
    };
    const checking: Promise<void>[] = [];
    const unknown: OpenedVersion[] = [];
    for (const version of versions) {
      const key = proofKey(version.receipt, treeHead);
      const known = this.#proofs.get(key);
      if (known) proven(key, version.receipt.leafIndex, known);
      else unknown.push(version);
    }
    const batches: OpenedVersion[][] = [];
    for (let i = 0; i < unknown.length; i += PROOFS_PER_REQUEST) batches.push(unknown.slice(i, i + PROOFS_PER_REQUEST));
    await mapWithLimit(
      batches,
      PROOF_BATCH_CONCURRENCY,
      async (batch) => {
        const answers = await fetchInclusionProofs(
          api,
          batch.map((v) => v.receipt),
          treeHead,
          signal,
        );
        batch.forEach(({ receipt }, i) => {
          const proof = answers[i]!;
          checking.push(
            proofLeadsToHead(receipt, proof, treeHead).then((valid) =>
              proven(proofKey(receipt, treeHead), receipt.leafIndex, { proof, valid }),
            ),
          );
        });
      },
      signal,
    );
    await Promise.all(checking);
    const entries: EntryInput[] = [];
    for (const [id, { candidate, versions: list }] of opened) {
      const unproven = list.find((v) => !proofs.get(v.receipt.leafIndex)?.valid);
      if (unproven) {
        leftOut.push({
          kind: 'entry',
          label: entryLabel(candidate),
          reason: `Casebook's log could not prove that it holds version ${unproven.version}.`,
        });
        opened.delete(id);
        continue;
      }
      entries.push({
        id,
        versions: list.map((v) => ({
          version: v.version,
          content: v.content,
          salt: v.salt,
          commitment: v.commitment,
          receipt: v.receipt,
          inclusionProof: proofs.get(v.receipt.leafIndex)!.proof,
        })),
      });
    }
    if (entries.length === 0) throw new NothingToPack(leftOut);

    // 3. The chosen files that the entries in the pack name.
    const named = new Set(
      [...opened.values()].flatMap(({ versions: list }) => list.flatMap((v) => attachmentRefsOf(v.content).map((ref) => ref.id))),
    );
    const wanted = selection.files.filter((file) => named.has(file.id));
    done = 0;
    onProgress({ step: 'files', done, total: wanted.length });
    const fetched = await mapWithLimit(
      wanted,
      FILE_CONCURRENCY,
      async (file) => {
        let answer = this.#files.get(file.id);
        if (!answer) {
          answer = await fetchPackFile(this.#vault, file, signal);
          this.#files.set(file.id, answer);
        }
        onProgress({ step: 'files', done: ++done, total: wanted.length });
        return answer;
      },
      signal,
    );
    const files: (FetchedFile & { ok: true })[] = [];
    for (const result of fetched) {
      if (result.ok) files.push(result);
      else leftOut.push({ kind: 'file', label: result.file.name, reason: result.reason });
    }

    // 4. The ZIP, then the PDF, which prints the ZIP's SHA-256.
    onProgress({ step: 'zip', done: 0, total: 1 });
    await nextFrame();
    signal?.throwIfAborted();
    const attachments: AttachmentInput[] = files.map(({ file, bytes }) => ({ id: file.id, bytes, name: file.name, type: file.type }));
    const zip = await buildEvidencePack({
      title: request.title,
      createdAt: request.createdAt,
      entries,
      attachments,
      treeHead,
      logKeys: keys.file,
      language: request.language ?? 'en',
    });
    const sha256 = hexEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', zip as Uint8Array<ArrayBuffer>)));
    onProgress({ step: 'zip', done: 1, total: 1 });

    onProgress({ step: 'pdf', done: 0, total: 1 });
    await nextFrame();
    signal?.throwIfAborted();
    const fonts = (this.#fonts ??= await this.#pdf.loadFonts());
    const pdf = await this.#pdf.render({
      title: request.title,
      ...(request.name.trim() ? { madeBy: request.name.trim() } : {}),
      createdAt: request.createdAt,
      language: request.language ?? 'en',
      period: { ...(selection.from ? { from: selection.from } : {}), ...(selection.to ? { to: selection.to } : {}) },
      entries: entries.map((entry) => ({
        id: entry.id,
        versions: entry.versions.map((v) => ({ version: v.version, content: v.content, receipt: v.receipt })),
      })),
      people: selection.linked.filter((r) => r.kind === 'person').map((r) => r.record as Person),
      places: selection.linked.filter((r) => r.kind === 'place').map((r) => r.record as Place),
      attachments: files.map(({ file, bytes, sha256: hash }) => ({
        id: file.id,
        name: file.name,
        type: file.type,
        size: bytes.length,
        sha256: hash,
        ...(EMBEDDED_IMAGE.test(file.type) ? { bytes } : {}),
      })),
      packSha256: sha256,
      treeHead,
      logPublicKey: keys.file.publicKey,
      fonts,
    });
    onProgress({ step: 'pdf', done: 1, total: 1 });
    // What was kept to resume after a failure is dropped once a pack is made: the next pack starts afresh, so
    // it carries any version saved since (on another device) and holds no decrypted copies in the meantime.
    this.#forget();

    return {
      zip,
      pdf,
      sha256,
      title: request.title,
      entries: entries.length,
      versions: entries.reduce((n, e) => n + e.versions.length, 0),
      files: files.length,
      leftOut,
    };
  }
}

export function entryLabel(candidate: Pick<PackCandidate, 'when' | 'title'>): string {
  return `${candidate.when}: ${candidate.title}`;
}

/** Lets the progress text paint before a long synchronous stretch (zipping, laying out the PDF). */
/** Proofs are remembered per leaf and tree head, so a retry after a dropped connection asks only for the rest. */
function proofKey(receipt: Receipt, treeHead: SignedTreeHead): string {
  return `${receipt.leafIndex}/${treeHead.treeSize}/${treeHead.rootHash}`;
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
