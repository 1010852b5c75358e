// The verifier's report, for a police officer first and a forensics examiner second: one headline that says
// whether the pack can be relied on, what failed in sentences, then entry by entry. Entry text is not shown:
// the PDF is the readable copy, and the page need not put anyone's diary on a screen.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CheckStatus, EntryReport, VerificationReport, VersionReport } from '../../crypto/evidence-pack/index.ts';
import { ukTime, ukTimeBare } from '../../crypto/evidence-pack/wording.ts';
import type { OnlineCheck, PackOutcome } from './check-pack.ts';
import type { PdfCheck } from './pdf-pack-id.ts';

/** Beyond this, problems are listed in a "show more" part: a mass failure reads better as its first lines. */
const PROBLEMS_SHOWN = 30;

export interface ResultsProps {
  readonly outcome: PackOutcome;
  readonly pdf: PdfCheck | 'checking' | undefined;
  /** Changes with each new result, so the headline takes focus once per check. */
  readonly runId: number;
}

export function Results({ outcome, pdf, runId }: ResultsProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [runId]);

  if (outcome.kind === 'unusable') {
    return (
      <div class="govuk-error-summary casebook-verify__unusable" data-verify-outcome="unusable">
        <h2 class="govuk-error-summary__title" tabIndex={-1} ref={heading}>
          This file cannot be checked
        </h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">
            <span class="casebook-verify__file-name">{outcome.fileName}</span>: {outcome.message}
          </p>
          <p class="govuk-body govuk-!-margin-bottom-0">Nothing has been checked, so this says nothing either way about the pack. Choose another file above.</p>
        </div>
      </div>
    );
  }
  const { report, online } = outcome;
  return (
    <div class="casebook-verify__results" data-verify-outcome={report.ok ? 'passed' : 'failed'}>
      <Headline report={report} heading={heading} />
      {/* Live, so that a PDF chosen after the pack is announced when its check ends. */}
      <div aria-live="polite">
        <PdfLine pdf={pdf} />
      </div>
      <Problems problems={report.problems} />
      {report.notices.length > 0 && (
        <>
          <h2 class="govuk-heading-m">Please note</h2>
          <ul class="govuk-list govuk-list--bullet casebook-verify__notices">
            {report.notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </>
      )}
      <Facts report={report} fileName={outcome.fileName} online={online} />
      <Entries entries={report.entries} />
      {report.attachments.length > 0 && <Attachments report={report} />}
    </div>
  );
}

function Headline({ report, heading }: { report: VerificationReport; heading: { current: HTMLHeadingElement | null } }) {
  const ok = report.ok;
  return (
    <div class={`casebook-verify__headline casebook-verify__headline--${ok ? 'passed' : 'failed'}`}>
      <h2 class="govuk-heading-l casebook-verify__headline-title" tabIndex={-1} ref={heading}>
        {ok ? 'This pack checks out' : 'This pack did not pass the check'}
      </h2>
      <p class="govuk-body-l govuk-!-margin-bottom-0" data-verify-summary>
        {report.summary}
      </p>
    </div>
  );
}

function PdfLine({ pdf }: { pdf: ResultsProps['pdf'] }) {
  if (pdf === undefined) return null;
  if (pdf === 'checking') return <p class="govuk-body casebook-verify__pdf">Checking the PDF…</p>;
  const [tone, text] = pdfSentence(pdf);
  return (
    <p class={`govuk-body casebook-verify__pdf casebook-verify__pdf--${tone}`} data-verify-pdf={pdf.kind}>
      <strong>The PDF ({pdf.fileName}):</strong> {text}
    </p>
  );
}

function pdfSentence(pdf: PdfCheck): ['passed' | 'failed' | 'neutral', string] {
  switch (pdf.kind) {
    case 'matches':
      return ['passed', 'it was made with this ZIP file (it names this pack’s SHA-256). The PDF is the readable copy; the check above is of the ZIP.'];
    case 'other-pack':
      return ['failed', `it was NOT made with this ZIP file. It names a different pack (SHA-256 ${pdf.packId}), so its pages may not show the entries checked here.`];
    case 'no-pack-id':
      return ['failed', 'it does not say which pack it belongs to, so it cannot be matched to this ZIP. It may not be a Casebook PDF, or it may have been re-saved by another program.'];
    case 'unusable':
      return ['failed', pdf.message];
  }
}

function Problems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  const first = problems.slice(0, PROBLEMS_SHOWN);
  const rest = problems.slice(PROBLEMS_SHOWN);
  return (
    <>
      <h2 class="govuk-heading-m">What failed ({problems.length.toLocaleString('en-GB')})</h2>
      <ol class="govuk-list govuk-list--number casebook-verify__problems" data-verify-problems>
        {first.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ol>
      {rest.length > 0 && (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">Show the other {rest.length.toLocaleString('en-GB')} problems</span>
          </summary>
          <div class="govuk-details__text">
            <ol class="govuk-list govuk-list--number casebook-verify__problems" start={PROBLEMS_SHOWN + 1}>
              {rest.map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
            </ol>
          </div>
        </details>
      )}
    </>
  );
}

function Facts({ report, fileName, online }: { report: VerificationReport; fileName: string; online: OnlineCheck }) {
  const trusted = report.keys.filter((k) => k.trusted);
  return (
    <>
      <h2 class="govuk-heading-m">About this pack</h2>
      <dl class="govuk-summary-list casebook-verify__facts">
        <Fact name="File">{fileName}</Fact>
        <Fact name="SHA-256 of the file">
          <code class="casebook-verify__hash" data-verify-pack-sha256>
            {report.packSha256}
          </code>
          <span class="govuk-hint govuk-!-margin-bottom-0">Record this when you receive the pack: it names this exact file.</span>
        </Fact>
        <Fact name="Title">{report.title}</Fact>
        <Fact name="Made">{ukTime(Date.parse(report.createdAt))}, by the clock of the device that made it (this proves nothing about time)</Fact>
        <Fact name="Casebook’s log key">
          {report.keyTrust === 'independent'
            ? `Checked against the key${trusted.length === 1 ? '' : 's'} Casebook publishes now (key id ${trusted.map((k) => k.logId).join(', ')}).`
            : `Only the key inside the pack (key id ${report.keys.map((k) => k.logId).join(', ') || 'none'}): it was not compared with Casebook’s published key.`}
        </Fact>
        <Fact name="Log tree head in the pack">
          {report.treeHead
            ? `${report.treeHead.treeSize.toLocaleString('en-GB')} log entries, signed ${ukTime(report.treeHead.timestamp)}: signature ${statusWord(report.treeHead.signature)}`
            : 'Missing or unreadable'}
        </Fact>
        <Fact name="Log since the pack was made">
          <span data-verify-consistency={consistencyState(report, online)}>{consistencySentence(report, online)}</span>
        </Fact>
      </dl>
    </>
  );
}

function consistencyState(report: VerificationReport, online: OnlineCheck): string {
  if (!online.checked || !report.consistency.checked) return 'not-checked';
  return report.consistency.ok ? 'passed' : 'failed';
}

function consistencySentence(report: VerificationReport, online: OnlineCheck): string {
  if (!online.checked) return `Not checked — which is not a failure: Casebook’s published log could not be fetched (${online.reason}). Check again when online.`;
  const c = report.consistency;
  if (!c.checked) return 'Not checked.';
  if (c.ok) {
    return `The log has not been rewritten since the pack was made: Casebook’s log as published now (${c.treeSize.toLocaleString('en-GB')} entries, ${ukTime(c.timestamp)}) still contains the pack’s log unchanged.`;
  }
  return `FAILED: Casebook’s log as published now (${c.treeSize.toLocaleString('en-GB')} entries, ${ukTime(c.timestamp)}) is not consistent with the log in this pack. Either the log has been rewritten since the pack was made, or the pack’s tree head is not from this log.`;
}

function Fact({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{name}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

const CHECKS = [
  ['commitment', 'Text matches its commitment'],
  ['signature', 'Receipt signature valid'],
  ['inclusion', 'In the log at that time'],
  ['files', 'Files match the manifest'],
] as const satisfies readonly (readonly [keyof VersionReport, string])[];

function Entries({ entries }: { entries: readonly EntryReport[] }) {
  return (
    <>
      <h2 class="govuk-heading-m">Entry by entry</h2>
      <p class="govuk-body">Entry numbers are the same as in the PDF. Times are when Casebook’s log received each version (UK time): the entry existed, as it is now, no later than that.</p>
      <table class="govuk-table casebook-verify__entries" data-verify-entries>
        <caption class="govuk-table__caption govuk-visually-hidden">Checks for each entry</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Entry</th>
            <th scope="col" class="govuk-table__header">Logged</th>
            {CHECKS.map(([, label]) => (
              <th scope="col" class="govuk-table__header" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {entries.map((entry) => (
            <EntryRow entry={entry} key={entry.id} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function EntryRow({ entry }: { entry: EntryReport }) {
  const problems = [...entry.problems, ...entry.versions.flatMap((v) => v.problems)];
  return (
    <>
      <tr class={`govuk-table__row${entry.verified ? '' : ' casebook-verify__row--failed'}`} data-verify-entry={entry.number}>
        <th scope="row" class="govuk-table__header">
          Entry {entry.number}
          {!entry.verified && <strong class="govuk-tag govuk-tag--red casebook-verify__row-tag">Failed</strong>}
        </th>
        <td class="govuk-table__cell" data-label="Logged">
          {loggedTimes(entry.versions)}
        </td>
        {CHECKS.map(([check, label]) => (
          <td class="govuk-table__cell" data-label={label} key={check}>
            <StatusTag status={combined(entry.versions.map((v) => v[check]))} />
          </td>
        ))}
      </tr>
      {problems.length > 0 && (
        <tr class="govuk-table__row casebook-verify__row-problems">
          <td class="govuk-table__cell" colSpan={2 + CHECKS.length}>
            <ul class="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
              {problems.map((problem, i) => (
                <li key={i}>{problem}</li>
              ))}
            </ul>
          </td>
        </tr>
      )}
    </>
  );
}

function loggedTimes(versions: readonly VersionReport[]): string {
  const times = versions.map((v) => v.receiptTime).filter((t): t is number => t !== null);
  if (times.length === 0) return 'No readable receipt';
  const first = ukTimeBare(times[0]!) ?? 'an unreadable time';
  if (versions.length === 1) return first;
  const last = ukTimeBare(times[times.length - 1]!) ?? 'an unreadable time';
  return `${first}; ${versions.length} versions, the last ${last}`;
}

function combined(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.length === 0 || statuses.includes('not-checked')) return 'not-checked';
  return 'passed';
}

function StatusTag({ status }: { status: CheckStatus }) {
  const [text, colour] = status === 'passed' ? ['Yes', 'green'] : status === 'failed' ? ['No', 'red'] : ['Not checked', 'grey'];
  return <strong class={`govuk-tag govuk-tag--${colour}`}>{text}</strong>;
}

function statusWord(status: CheckStatus): string {
  return status === 'passed' ? 'valid' : status === 'failed' ? 'NOT valid' : 'not checked';
}

function Attachments({ report }: { report: VerificationReport }) {
  return (
    <>
      <h2 class="govuk-heading-m">Attached files</h2>
      <table class="govuk-table casebook-verify__attachments" data-verify-attachments>
        <caption class="govuk-table__caption govuk-visually-hidden">Checks for each attached file</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">File</th>
            <th scope="col" class="govuk-table__header">Matches the pack</th>
            <th scope="col" class="govuk-table__header">Covered by a receipt</th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {report.attachments.map((a) => (
            <tr class="govuk-table__row" key={a.id}>
              <th scope="row" class="govuk-table__header">
                {a.number}. {a.name}
                <code class="casebook-verify__hash casebook-verify__hash--small">SHA-256 {a.sha256}</code>
              </th>
              <td class="govuk-table__cell" data-label="Matches the pack">
                <StatusTag status={a.verified ? 'passed' : 'failed'} />
              </td>
              <td class="govuk-table__cell" data-label="Covered by a receipt">
                {a.timestamped ? <StatusTag status="passed" /> : <strong class="govuk-tag govuk-tag--grey">No: id only</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
