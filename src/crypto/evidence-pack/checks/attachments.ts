// Attachments: the file is the one named, and the entries that use it say so.
import { attachmentRefsOf, namesHash } from '../attachment-refs.ts';
import { sha256Hex } from '../digest.ts';
import type { PackIndex } from '../format.ts';
import { attachmentPath } from '../format.ts';
import type { Finding } from '../report-text/finding.ts';
import { finding, versionPlace } from '../report-text/finding.ts';
import type { AttachmentReport, EntryReport } from './report.ts';

export async function checkAttachments(
  files: ReadonlyMap<string, Uint8Array>,
  index: PackIndex,
  contents: ReadonlyMap<string, unknown[]>,
  entries: readonly EntryReport<Finding>[],
): Promise<AttachmentReport<Finding>[]> {
  const numberOf = new Map(entries.map((e) => [e.id, e.number]));
  return Promise.all(
    index.attachments.map(async (a, i): Promise<AttachmentReport<Finding>> => {
      const problems: Finding[] = [];
      const name = JSON.stringify(a.name);
      const bare = finding('attachment.label', { name });
      const first = a.usedBy[0];
      const label = first ? finding('attachment.labelOwned', { name, entry: numberOf.get(first.entry) ?? '?' }) : bare;
      const bytes = files.get(attachmentPath(a.sha256));
      let present = false;
      if (!bytes) {
        problems.push(finding('attachment.missing', { label, path: attachmentPath(a.sha256) }));
      } else if ((await sha256Hex(bytes)) !== a.sha256) {
        problems.push(finding('attachment.changed', { label }));
      } else {
        present = true;
        if (a.size !== bytes.length) problems.push(finding('attachment.size', { label, size: a.size, actual: bytes.length }));
      }
      // Which entry versions actually refer to it, from their (committed) content.
      const referring: { entry: string; version: number }[] = [];
      let timestamped = false;
      for (const entry of index.entries) {
        entry.versions.forEach((version, vi) => {
          const ref = attachmentRefsOf(contents.get(entry.id)?.[vi]).find((r) => r.id === a.id);
          if (!ref) return;
          referring.push({ entry: entry.id, version });
          const place = versionPlace(numberOf.get(entry.id)!, version);
          if (namesHash(ref)) {
            if (ref.sha256 === a.sha256) timestamped = present && entryVerified(entries, entry.id);
            else problems.push(finding('attachment.otherHash', { label: bare, place }));
          }
          if (ref.name !== undefined && ref.name !== a.name)
            problems.push(finding('attachment.otherName', { label: bare, place, given: JSON.stringify(ref.name), name }));
        });
      }
      // An entry version whose file is missing or unreadable is already reported; it can neither confirm nor deny the link.
      const unreadable = a.usedBy.filter((u) => {
        const entry = index.entries.find((e) => e.id === u.entry);
        return entry?.versions.includes(u.version) && contents.get(u.entry)?.[entry.versions.indexOf(u.version)] === undefined;
      });
      for (const u of unreadable)
        problems.push(finding('attachment.entryUnreadable', { label: bare, entry: String(numberOf.get(u.entry)), version: u.version }));
      referring.push(...unreadable);
      const listed = a.usedBy.map((u) => `${u.entry}/${u.version}`).sort();
      const actual = referring.map((u) => `${u.entry}/${u.version}`).sort();
      if (referring.length === 0) problems.push(finding('attachment.unused', { label: bare }));
      else if (listed.join() !== actual.join()) problems.push(finding('attachment.usersEdited', { label: bare }));
      return {
        number: i + 1,
        id: a.id,
        name: a.name,
        sha256: a.sha256,
        verified: problems.length === 0,
        timestamped: timestamped && problems.length === 0,
        problems,
      };
    }),
  );
}

function entryVerified(entries: readonly EntryReport<Finding>[], id: string): boolean {
  return entries.find((e) => e.id === id)?.verified ?? false;
}
