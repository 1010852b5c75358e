// npm run verify -- pack.zip [options]: checks a Casebook evidence pack offline and prints a report.
// The checking itself is src/crypto/evidence-pack (the same code the /verify page runs in the browser);
// this file only reads files, optionally fetches the log's published state, and prints.
//
// Exit codes (for scripts and forensic tooling; docs/evidence-pack.md):
//   0  every check passed (with --online or --log, the published log was compared too, and matched)
//   1  the pack was read, and something in it failed verification (each failure is printed)
//   2  the pack could not be checked: missing, unreadable or oversized file, not a ZIP, not a Casebook pack, a
//      format this verifier does not know, or bad options
//   3  the pack itself verified, but the log as published now is not consistent with the pack's tree head:
//      the log has been rewritten since the pack was made, or the service's proof is wrong
//   4  the pack itself verified, but --online could not reach the log, so the comparison was not made
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { LogDescription, ReportLanguage, VerificationReport, VerifyOptions } from '../src/crypto/evidence-pack/index.ts';
import { fetchPublishedLog, isReportLanguage, PackFormatError, say, verifyEvidencePack } from '../src/crypto/evidence-pack/index.ts';

const EXIT = { valid: 0, invalid: 1, unusable: 2, logInconsistent: 3, logNotChecked: 4 } as const;

/** Node reads at most 2 GiB into one buffer; no evidence pack comes near it. */
const MAX_PACK_BYTES = 2 ** 31 - 1;

const USAGE = `Usage: npm run verify -- <pack.zip> [options]

Checks a Casebook evidence pack without trusting Casebook: each entry's text against its committed
fingerprint, the log's signed receipts and tree head, the inclusion proofs, and every file's SHA-256.

Options:
  --key <base64url>          a Casebook log public key you trust (repeatable); otherwise the key inside
                             the pack is used and the report says so
  --log <file.json>          a saved copy of Casebook's /.well-known/casebook-log.json: its keys are
                             trusted and its tree head is compared with the pack's (needs --consistency
                             unless the sizes are equal)
  --consistency <file.json>  the log's answer to /api/v1/log/consistency?from=<pack size>&to=<current size>
  --online <https://…>       fetch the log's keys, current tree head and consistency proof from Casebook
  --lang <en|cy>             the report's language: en (English, the default) or cy (Cymraeg, Welsh);
                             the checks are the same in both
  --json                     print the full report as JSON
  --help

Exit codes: 0 all verified; 1 something in the pack failed verification; 2 the file could not be read or
checked; 3 the pack verified but the published log is not consistent with it (rewritten); 4 the pack
verified but --online could not reach the log, so that comparison was not made.`;

class UsageError extends Error {}

/** Set once --lang is read, so that a pack refused as unreadable is refused in the language asked for. */
let reportLanguage: ReportLanguage = 'en';

/**
 * A base64url key may begin with "-", which parseArgs would take for an option ("--key -Abc" is refused as
 * ambiguous); joining it to its flag means a key pasted from the log always works.
 */
function joinKeyValues(args: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (args[i] === '--key' && next !== undefined && /^-[A-Za-z0-9_-]{20,}$/.test(next)) {
      joined.push(`--key=${next}`);
      i++;
    } else joined.push(args[i]!);
  }
  return joined;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinKeyValues(process.argv.slice(2)),
    allowPositionals: true,
    options: {
      key: { type: 'string', multiple: true },
      log: { type: 'string' },
      consistency: { type: 'string' },
      online: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const language = values.lang ?? 'en';
  if (!isReportLanguage(language))
    throw new UsageError(
      `--lang must be en (English) or cy (Cymraeg), not ${JSON.stringify(language)}. / Rhaid i --lang fod yn en neu cy.`,
    );
  reportLanguage = language;
  if (positionals.length !== 1) throw new UsageError('Give exactly one pack file.');
  const path = positionals[0]!;
  const zip = readBytes(path, 'the pack', MAX_PACK_BYTES);

  const options: { publicKeys: string[]; currentTreeHead?: LogDescription['treeHead']; consistencyProof?: string[] } = {
    publicKeys: [...(values.key ?? [])],
  };
  if (values.online && values.log) throw new UsageError('Give --online or --log, not both.');
  if (values.log) {
    const description = readJson(values.log, 'the log description') as Partial<LogDescription>;
    if (!description.treeHead || typeof description.publicKey !== 'string')
      throw new UsageError('That is not a Casebook log description (/.well-known/casebook-log.json).');
    options.publicKeys.push(description.publicKey, ...(description.keys ?? []).map((k) => k.publicKey));
    options.currentTreeHead = description.treeHead;
  }
  if (values.consistency) options.consistencyProof = (readJson(values.consistency, 'the consistency proof') as { proof: string[] }).proof;
  let notChecked: string | undefined;
  if (values.online) {
    if (!/^https?:\/\//.test(values.online))
      throw new UsageError(`--online needs a web address such as https://casebook.example, not ${values.online}`);
    // The pack is never sent: only its tree size goes into the consistency request.
    const published = await fetchPublishedLog(zip, values.online);
    if (published.status === 'fetched') {
      options.publicKeys.push(...published.options.publicKeys);
      options.currentTreeHead = published.options.currentTreeHead;
      options.consistencyProof = [...published.options.consistencyProof];
    } else {
      notChecked = `${new URL(values.online).origin}: ${published.reason}`;
    }
  }

  const report = await verifyEvidencePack(zip, { ...options, language } as VerifyOptions);
  console.log(
    values.json
      ? JSON.stringify({ ...report, ...(notChecked ? { onlineCheck: { checked: false, reason: notChecked } } : {}) }, null, 2)
      : describe(path, report, notChecked, language),
  );
  return exitCode(report, notChecked !== undefined);
}

function exitCode(report: VerificationReport, onlineUnavailable: boolean): number {
  const logFailed = report.consistency.checked && !report.consistency.ok;
  // checkConsistency adds exactly one problem; anything beyond it is wrong with the pack itself.
  if (report.problems.length > (logFailed ? 1 : 0)) return EXIT.invalid;
  if (logFailed) return EXIT.logInconsistent;
  return onlineUnavailable ? EXIT.logNotChecked : EXIT.valid;
}

function describe(path: string, r: VerificationReport, notChecked: string | undefined, language: ReportLanguage): string {
  const t = (code: string, params?: Parameters<typeof say>[0]['params']) =>
    say({ code: `cli.${code}`, ...(params ? { params } : {}) }, language);
  const time = (ms: number) => ({ time: ms });
  const [ok, fail] = [t('passed'), t('failed')];
  const width = Math.max(ok.length, fail.length);
  const mark = (passed: boolean) => (passed ? ok : fail).padEnd(width);
  const lines: string[] = [];
  lines.push(t('heading', { path }));
  lines.push(`  ${t('made', { title: r.title, time: time(Date.parse(r.createdAt)), format: r.formatVersion })}`);
  lines.push(`  ${t('packSha256', { sha256: r.packSha256 })}`);
  const keys = r.keys.map((k) => t(k.trusted ? 'keyTrusted' : 'keyPackOnly', { logId: k.logId }));
  lines.push(`  ${t('keys', { count: r.keys.length, keys: keys.join(', ') })}`);
  if (r.treeHead) {
    const status = say({ code: `status.${r.treeHead.signature === 'not-checked' ? 'notChecked' : r.treeHead.signature}` }, language);
    lines.push(`  ${t('treeHead', { size: r.treeHead.treeSize, time: time(r.treeHead.timestamp), status })}`);
  }
  if (r.consistency.checked)
    lines.push(
      `  ${t(r.consistency.ok ? 'logConsistent' : 'logInconsistent', { size: r.consistency.treeSize, time: time(r.consistency.timestamp) })}`,
    );
  if (notChecked) lines.push(`  ${t('logNotChecked', { reason: notChecked })}`);
  lines.push('');
  for (const entry of r.entries) {
    const first = entry.versions[0]?.receiptTime;
    const last = entry.versions[entry.versions.length - 1]?.receiptTime;
    const logged =
      first == null
        ? ''
        : entry.versions.length === 1
          ? t('loggedOnce', { time: time(first) })
          : t('loggedSpan', { first: time(first), last: time(last ?? first) });
    lines.push(`  ${mark(entry.verified)} ${t('entry', { number: entry.number, id: entry.id, count: entry.versions.length, logged })}`);
  }
  for (const a of r.attachments) {
    const params = { number: a.number, name: `"${a.name}"`, sha256: a.sha256 };
    lines.push(`  ${mark(a.verified)} ${t(a.verified && !a.timestamped ? 'attachmentUntimed' : 'attachment', params)}`);
  }
  if (r.problems.length > 0) {
    lines.push('', t('problems', { count: r.problems.length }));
    for (const p of r.problems) lines.push(`  - ${p}`);
  }
  if (r.notices.length > 0) {
    lines.push('', t('notices'));
    for (const n of r.notices) lines.push(`  - ${n}`);
  }
  lines.push('', r.summary);
  return lines.join('\n');
}

function readBytes(path: string, what: string, maxBytes = 16 * 2 ** 20): Uint8Array {
  try {
    const size = statSync(path).size;
    if (size > maxBytes)
      throw new UsageError(
        `${what} (${path}) is ${(size / 2 ** 20).toFixed(0)} MiB, larger than this verifier reads (${Math.floor(maxBytes / 2 ** 20)} MiB).`,
      );
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`Cannot read ${what} (${path}): ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(readBytes(path, what)));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${what} (${path}) is not JSON.`);
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof PackFormatError || error instanceof UsageError) {
    console.error(say({ code: 'cli.cannotCheck', params: { reason: error.message } }, error instanceof UsageError ? 'en' : reportLanguage));
    if (error instanceof UsageError) console.error(`\n${USAGE}`);
    process.exitCode = 2;
  } else if (String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 2;
  }
}
