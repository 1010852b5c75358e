// A few sentences for a non-technical reader: whether the pack can be relied on, and what to do if not.

import type { Finding } from '../report-text/finding.ts';
import { bareTime, finding, list, time } from '../report-text/finding.ts';
import type { AttachmentReport, ConsistencyReport, EntryReport, ImportReport } from './report.ts';

export interface SummaryFacts {
  readonly entries: readonly EntryReport<unknown>[];
  readonly attachments: readonly AttachmentReport<unknown>[];
  readonly problems: readonly unknown[];
  readonly trust: 'independent' | 'pack-only';
  readonly consistency: ConsistencyReport;
  readonly imports: readonly ImportReport<unknown>[];
}

export function officerSummary({ entries, attachments, problems, trust, consistency, imports }: SummaryFacts): Finding[] {
  const sentences =
    problems.length === 0 ? passed(entries, attachments, imports) : failed(entries, attachments, problems, consistency, imports);
  if (trust === 'pack-only') sentences.push(finding('summary.packKeyOnly'));
  if (consistency.checked && consistency.ok) sentences.push(finding('summary.logConsistent'));
  return sentences;
}

function passed(entries: SummaryFacts['entries'], attachments: SummaryFacts['attachments'], imports: SummaryFacts['imports']): Finding[] {
  const sentences: Finding[] = [];
  const times = entries.flatMap((e) => e.versions.map((v) => v.receiptTime ?? NaN)).filter(Number.isFinite);
  const earliest = Math.min(...times);
  const latest = Math.max(...times);
  if (entries.length === 1) {
    sentences.push(
      earliest === latest
        ? finding('summary.oneEntry', { time: time(earliest) })
        : finding('summary.oneEntryVersions', { earliest: time(earliest), latest: time(latest) }),
    );
  } else if (entries.length > 1) {
    const sameMinute = finding('summary.spanOne', { day: bareTime(earliest) });
    const span = finding('summary.span', { earliest: bareTime(earliest), latest: bareTime(latest) });
    sentences.push(finding('summary.allEntries', { count: entries.length, span: sameBareTime(earliest, latest) ? sameMinute : span }));
  } else {
    sentences.push(finding('summary.noEntries'));
  }
  if (attachments.length === 1) sentences.push(finding('summary.oneFile'));
  else if (attachments.length === 2) sentences.push(finding('summary.twoFiles'));
  else if (attachments.length > 2) sentences.push(finding('summary.allFiles', { count: attachments.length }));
  const checkedMessages = imports.reduce((n, r) => n + r.messages, 0);
  if (checkedMessages > 0)
    sentences.push(finding(imports.length === 1 ? 'summary.importsMatchOne' : 'summary.importsMatch', { count: checkedMessages }));
  return sentences;
}

function failed(
  entries: SummaryFacts['entries'],
  attachments: SummaryFacts['attachments'],
  problems: SummaryFacts['problems'],
  consistency: ConsistencyReport,
  imports: SummaryFacts['imports'],
): Finding[] {
  const sentences: Finding[] = [finding('summary.failed', { count: problems.length })];
  const failedEntries = entries.filter((e) => !e.verified);
  const verified = entries.length - failedEntries.length;
  if (failedEntries.length > 0) {
    const numbers = list(failedEntries.slice(0, 10).map((e) => e.number));
    const which = finding(
      failedEntries.length > 10 ? 'summary.whichMany' : failedEntries.length === 1 ? 'summary.whichOne' : 'summary.whichSome',
      { numbers },
    );
    sentences.push(finding('summary.entriesFailed', { count: failedEntries.length, which }));
    if (verified === 1) sentences.push(finding('summary.otherEntry'));
    else if (verified > 1) sentences.push(finding('summary.otherEntries', { count: verified }));
  } else {
    const logOnly = consistency.checked && !consistency.ok && problems.length === 1;
    sentences.push(finding(logOnly ? 'summary.logOnly' : 'summary.wholeFailed'));
  }
  const files = attachments.filter((a) => a.verified).length;
  if (files < attachments.length) sentences.push(finding('summary.filesFailed', { count: attachments.length - files }));
  const changed = imports.reduce((n, r) => n + r.problems.length, 0);
  if (changed > 0) sentences.push(finding('summary.importsChanged', { count: changed }));
  return sentences;
}

/** Two receipt times in the same minute read the same, so say them once. */
function sameBareTime(a: number, b: number): boolean {
  return Math.floor(a / 60_000) === Math.floor(b / 60_000);
}
