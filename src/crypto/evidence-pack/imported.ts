// Check 12: messages brought into the diary from an export (a WhatsApp chat, an SMS backup, a mailbox …) came from
// the original file unchanged. The entry names the file by SHA-256 and each message by its place in it; the file
// is in the pack (check 8 shows it is the one named); here it is read again with the same parser, and the message
// at each place must say exactly what the entry says. A changed word in the entry, or in the file, fails.
import type { ImportedRecord, ImportFormat } from '../../domain/message-import/index.ts';
import type { ImportReport } from './checks/report.ts';
import type { PackIndex } from './format.ts';
import { attachmentPath, isSha256Hex } from './format.ts';
import type { Finding } from './report-text/finding.ts';
import { finding, list, time, versionPlace } from './report-text/finding.ts';

export type { ImportReport } from './checks/report.ts';

interface ImportedBlock {
  readonly source: { readonly attachmentId: string; readonly sha256: string; readonly format: ImportFormat };
  readonly messages: readonly {
    readonly locator: string;
    readonly sender: string;
    readonly at: string;
    readonly text: string;
    readonly timeSource: string;
  }[];
}

function importedOf(content: unknown): ImportedBlock | undefined {
  if (typeof content !== 'object' || content === null) return undefined;
  const block = (content as { imported?: unknown }).imported as Partial<ImportedBlock> | undefined;
  if (
    typeof block !== 'object' ||
    block === null ||
    !Array.isArray(block.messages) ||
    typeof block.source !== 'object' ||
    block.source === null
  )
    return undefined;
  return block as ImportedBlock;
}

/**
 * Reads each original export once (a 100,000-message chat takes seconds) and finds records by their place. The
 * parser's own rereadRecord does the same for one record; a pack asks for every record of the file.
 */
class Originals {
  readonly #read = new Map<string, Promise<Map<string, ImportedRecord> | string>>();

  readonly #files: ReadonlyMap<string, Uint8Array>;
  readonly #names: ReadonlyMap<string, { name: string; type: string }>;

  constructor(files: ReadonlyMap<string, Uint8Array>, names: ReadonlyMap<string, { name: string; type: string }>) {
    this.#files = files;
    this.#names = names;
  }

  records(sha256: string, format: ImportFormat): Promise<Map<string, ImportedRecord> | string> {
    const key = `${sha256}/${format}`;
    let found = this.#read.get(key);
    if (!found) {
      const bytes = this.#files.get(attachmentPath(sha256))!;
      const named = this.#names.get(sha256) ?? { name: 'export', type: '' };
      // The parsers are loaded only for a pack that holds imported messages: most do not, and they are large.
      found = import('../../domain/message-import/index.ts')
        .then(({ parseExport }) => parseExport({ name: named.name, bytes, lastModified: 0, type: named.type }, { format }))
        .then(
          (parsed) => new Map(parsed.records.map((record) => [record.locator, record])),
          (error: unknown) => (error instanceof Error ? error.message : 'it could not be read'),
        );
      this.#read.set(key, found);
    }
    return found;
  }
}

export async function checkImportedMessages(
  files: ReadonlyMap<string, Uint8Array>,
  index: PackIndex,
  contents: ReadonlyMap<string, readonly unknown[]>,
  numberOf: ReadonlyMap<string, number>,
): Promise<{ reports: ImportReport<Finding>[]; notices: Finding[] }> {
  const names = new Map(index.attachments.map((a) => [a.sha256, { name: a.name, type: a.type }]));
  const originals = new Originals(files, names);
  const reports: ImportReport<Finding>[] = [];
  const missing = new Map<string, Finding>();
  for (const entry of index.entries) {
    const versions = contents.get(entry.id) ?? [];
    for (const [vi, content] of versions.entries()) {
      const block = importedOf(content);
      if (!block) continue;
      const number = numberOf.get(entry.id) ?? 0;
      const version = entry.versions[vi] ?? vi + 1;
      const place = versions.length > 1 ? versionPlace(number, version) : finding('place.entry', { entry: number });
      const sha256 = String(block.source.sha256);
      const file = names.get(sha256)?.name ?? 'the original export';
      const problems: Finding[] = [];
      if (!isSha256Hex(sha256) || !files.has(attachmentPath(sha256))) {
        // Leaving a file out of a pack is the person's choice (check 8 reports a file that was listed but removed).
        missing.set(`${number}/${version}`, finding('imported.withoutOriginal', { place, file }));
        continue;
      }
      const records = await originals.records(sha256, block.source.format);
      if (typeof records === 'string') {
        problems.push(finding('imported.unreadable', { place, file: JSON.stringify(file), reason: records }));
      } else {
        block.messages.forEach((message, mi) => {
          const label = finding('imported.message', {
            place,
            message: mi + 1,
            sender: String(message.sender),
            time: time(Date.parse(String(message.at))),
          });
          const at = { label, file: JSON.stringify(file), locator: String(message.locator) };
          const original = records.get(String(message.locator));
          if (!original) {
            problems.push(finding('imported.noMessage', at));
          } else if (original.text !== message.text) {
            problems.push(finding('imported.textChanged', at));
          } else if (original.sender !== message.sender) {
            problems.push(finding('imported.senderChanged', { ...at, sender: JSON.stringify(original.sender) }));
          } else if (message.timeSource === 'export' && Date.parse(original.at) !== Date.parse(String(message.at))) {
            problems.push(finding('imported.timeChanged', { ...at, time: time(Date.parse(original.at)) }));
          }
        });
      }
      reports.push({ entry: number, version, file, sha256, messages: block.messages.length, verified: problems.length === 0, problems });
    }
  }
  const shown: Finding[] = [...missing.values()].slice(0, 5);
  if (missing.size > 5) shown.push(finding('imported.andMore'));
  const notices = missing.size > 0 ? [finding('imported.originalsMissing', { count: missing.size, list: list(shown, '; ') })] : [];
  return { reports, notices };
}
