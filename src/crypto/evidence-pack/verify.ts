// Checks an evidence pack (format 1, docs/evidence-pack.md) without trusting Casebook or the person who made
// it: everything is recomputed from the bytes in the ZIP and the log's signatures. Runs in the browser (the
// /verify page) and in Node (scripts/verify-pack.ts). The checks (checks/) find problems as codes with
// parameters; report-text/ says them as sentences an officer can read and a forensics examiner can act on, in
// English or Welsh. "ok" is true only when nothing failed; the language changes no check.
import type { SignedTreeHead } from '../signing.ts';
import { checkAttachments } from './checks/attachments.ts';
import { checkConsistency } from './checks/consistency.ts';
import { checkEntry, checkEntryOrder, checkLeafReuse } from './checks/entries.ts';
import { isSignedStatement, parseJson, sameJson } from './checks/json.ts';
import { checkTreeHead, loadKeys } from './checks/keys.ts';
import { officerSummary } from './checks/officer-summary.ts';
import { checkExpectedFiles, checkManifest, readIndex, readManifest } from './checks/pack-files.ts';
import { PackFormatError } from './checks/pack-format-error.ts';
import type { AttachmentReport, EntryReport, ImportReport, VerificationReport, VerifyOptions } from './checks/report.ts';
import { sha256Hex } from './digest.ts';
import { entryPath, MANIFEST_PATH, PACK_PATH, TREE_HEAD_PATH } from './format.ts';
import { checkImportedMessages } from './imported.ts';
import type { Finding } from './report-text/finding.ts';
import { finding, list } from './report-text/finding.ts';
import type { ReportLanguage } from './report-text/render.ts';
import { say } from './report-text/render.ts';
import { summarise } from './summary.ts';
import { readZip, UnreadableZipError } from './zip.ts';

export { isObject, isSignedStatement } from './checks/json.ts';
export { PackFormatError } from './checks/pack-format-error.ts';
export type {
  AttachmentReport,
  CheckStatus,
  EntryReport,
  KeyReport,
  VerificationReport,
  VerifyOptions,
  VersionReport,
} from './checks/report.ts';

const DEFAULT_MAX_UNPACKED = 4 * 2 ** 30;

export async function verifyEvidencePack(zip: Uint8Array, options: VerifyOptions = {}): Promise<VerificationReport> {
  const language = options.language ?? 'en';
  try {
    return await verify(zip, options, language);
  } catch (error) {
    if (error instanceof PackFormatError && language !== 'en') throw error.in(language);
    throw error;
  }
}

async function verify(zip: Uint8Array, options: VerifyOptions, language: ReportLanguage): Promise<VerificationReport> {
  const packSha256 = await sha256Hex(zip);
  let unzipped;
  try {
    unzipped = readZip(zip, options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED);
  } catch (error) {
    if (error instanceof UnreadableZipError) throw new PackFormatError(error.finding);
    throw error;
  }
  const files = unzipped.files;
  const manifest = readManifest(files.get(MANIFEST_PATH));
  const index = readIndex(files.get(PACK_PATH));

  const problems: Finding[] = unzipped.duplicates.map((path) => finding('files.duplicate', { path }));
  const notices: Finding[] = [];
  const manifestCheck = await checkManifest(files, manifest);
  problems.push(...manifestCheck.problems, ...checkExpectedFiles(files, index));

  const keys = await loadKeys(files, options.publicKeys ?? [], problems);
  const treeHead = await checkTreeHead(files, keys, problems);
  const pack = { files, badPaths: manifestCheck.badPaths };
  const entries = await Promise.all(index.entries.map((entry, i) => checkEntry(pack, entry, i + 1, keys, treeHead)));
  problems.push(...checkLeafReuse(entries));
  for (const entry of entries) problems.push(...entry.problems, ...entry.versions.flatMap((v) => v.problems));

  const contents = new Map<string, unknown[]>();
  for (const entry of index.entries)
    contents.set(
      entry.id,
      entry.versions.map((v) => parseJson(files.get(entryPath(entry.id, v)))),
    );
  problems.push(...checkEntryOrder(entries, contents));
  const attachments = await checkAttachments(files, index, contents, entries);
  problems.push(...attachments.flatMap((a) => a.problems));
  const imported = await checkImportedMessages(files, index, contents, new Map(entries.map((e) => [e.id, e.number])));
  problems.push(...imported.reports.flatMap((r) => r.problems));
  notices.push(...imported.notices);

  // With an entry file missing or unreadable (already reported) the recount would differ for that reason alone.
  const allReadable = [...contents.values()].every((versions) => versions.every((content) => content !== undefined));
  const summary = allReadable ? summarise({ entries: [...contents.values()], attachments: index.attachments.length }) : index.summary;
  if (!sameJson(summary, index.summary)) problems.push(finding('files.summaryEdited'));

  const consistency = await checkConsistency(treeHead, keys, options, problems);

  const untimed = attachments.filter((a) => a.verified && !a.timestamped);
  if (untimed.length > 0) notices.push(finding('notice.untimed', { count: untimed.length, names: list(untimed.map((a) => a.name)) }));
  if (keys.trust === 'pack-only') notices.push(finding('notice.packKeyOnly', { logIds: list(keys.report.map((k) => k.logId)) }));
  if (!consistency.checked) notices.push(finding('notice.logNotCompared'));
  const summarySentences = officerSummary({ entries, attachments, problems, trust: keys.trust, consistency, imports: imported.reports });
  const sayAll = (found: readonly Finding[]) => found.map((f) => say(f, language));
  return {
    ok: problems.length === 0,
    packSha256,
    formatVersion: manifest.formatVersion,
    title: index.title,
    createdAt: index.createdAt,
    keyTrust: keys.trust,
    keys: keys.report,
    treeHead: treeHead
      ? {
          treeSize: treeHead.head.treeSize,
          timestamp: treeHead.head.timestamp,
          rootHash: treeHead.head.rootHash,
          signature: treeHead.signature,
        }
      : null,
    consistency,
    entries: entries.map(
      (e): EntryReport => ({
        ...e,
        problems: sayAll(e.problems),
        versions: e.versions.map((v) => ({ ...v, problems: sayAll(v.problems) })),
      }),
    ),
    attachments: attachments.map((a): AttachmentReport => ({ ...a, problems: sayAll(a.problems) })),
    imports: imported.reports.map((r): ImportReport => ({ ...r, problems: sayAll(r.problems) })),
    language,
    problems: sayAll(problems),
    notices: sayAll(notices),
    summary: sayAll(summarySentences).join(' '),
    findings: { problems, notices, summary: summarySentences },
  };
}

/** The pack's signed tree head, read without verifying anything: what to ask the log for a consistency proof. */
export function packTreeHead(zip: Uint8Array): SignedTreeHead | undefined {
  try {
    const head = parseJson(readZip(zip, DEFAULT_MAX_UNPACKED, (name) => name === TREE_HEAD_PATH).files.get(TREE_HEAD_PATH));
    return isSignedStatement(head, 'treeSize', 'rootHash') ? head : undefined;
  } catch {
    return undefined;
  }
}
