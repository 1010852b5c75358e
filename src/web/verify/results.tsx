// The verifier's report, for a police officer first and a forensics examiner second: one headline that says
// whether the pack can be relied on, what failed in sentences, then entry by entry. Entry text is not shown:
// the PDF is the readable copy, and the page need not put anyone's diary on a screen.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { CheckStatus, EntryReport, VerificationReport, VersionReport } from '../../crypto/evidence-pack/index.ts';
import { ukTimeBare } from '../../crypto/evidence-pack/index.ts';
import type { OnlineCheck, PackOutcome } from './check-pack.ts';
import type { PdfCheck } from './pdf-pack-id.ts';
import { pageLanguage, t } from './wording.ts';

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
          {t('unusableHeading')}
        </h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">
            <span class="casebook-verify__file-name">{outcome.fileName}</span>: {outcome.message}
          </p>
          <p class="govuk-body govuk-!-margin-bottom-0">{t('unusableNothing')}</p>
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
          <h2 class="govuk-heading-m">{t('pleaseNote')}</h2>
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
        {t(ok ? 'passedHeading' : 'failedHeading')}
      </h2>
      <p class="govuk-body-l govuk-!-margin-bottom-0" data-verify-summary>
        {report.summary}
      </p>
    </div>
  );
}

function PdfLine({ pdf }: { pdf: ResultsProps['pdf'] }) {
  if (pdf === undefined) return null;
  if (pdf === 'checking') return <p class="govuk-body casebook-verify__pdf">{t('pdfChecking')}</p>;
  const [tone, text] = pdfSentence(pdf);
  return (
    <p class={`govuk-body casebook-verify__pdf casebook-verify__pdf--${tone}`} data-verify-pdf={pdf.kind}>
      <strong>{t('pdfLabel', { file: pdf.fileName })}</strong> {text}
    </p>
  );
}

function pdfSentence(pdf: PdfCheck): ['passed' | 'failed' | 'neutral', string] {
  switch (pdf.kind) {
    case 'matches':
      return ['passed', t('pdfMatches')];
    case 'other-pack':
      return ['failed', t('pdfOtherPack', { packId: pdf.packId })];
    case 'no-pack-id':
      return ['failed', t('pdfNoPackId')];
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
      <h2 class="govuk-heading-m">{t('whatFailed', { count: problems.length })}</h2>
      <ol class="govuk-list govuk-list--number casebook-verify__problems" data-verify-problems>
        {first.map((problem, i) => (
          <li key={i}>{problem}</li>
        ))}
      </ol>
      {rest.length > 0 && (
        <details class="govuk-details">
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{t('showOthers', { count: rest.length })}</span>
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
      <h2 class="govuk-heading-m">{t('aboutHeading')}</h2>
      <dl class="govuk-summary-list casebook-verify__facts">
        <Fact name={t('factFile')}>{fileName}</Fact>
        <Fact name={t('factSha256')}>
          <code class="casebook-verify__hash" data-verify-pack-sha256>
            {report.packSha256}
          </code>
          <span class="govuk-hint govuk-!-margin-bottom-0">{t('factSha256Hint')}</span>
        </Fact>
        <Fact name={t('factTitle')}>{report.title}</Fact>
        <Fact name={t('factMade')}>{t('madeText', { time: { time: Date.parse(report.createdAt) } })}</Fact>
        <Fact name={t('factLogKey')}>
          {report.keyTrust === 'independent'
            ? t('keyIndependent', { count: trusted.length, ids: trusted.map((k) => k.logId).join(', ') })
            : t('keyPackOnly', { ids: report.keys.map((k) => k.logId).join(', ') || t('noKey') })}
        </Fact>
        <Fact name={t('factTreeHead')}>
          {report.treeHead
            ? t('treeHead', {
                count: report.treeHead.treeSize,
                time: { time: report.treeHead.timestamp },
                status: statusWord(report.treeHead.signature),
              })
            : t('treeHeadMissing')}
        </Fact>
        <Fact name={t('factLogSince')}>
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
  if (!online.checked) return t('logNotFetched', { reason: online.reason });
  const c = report.consistency;
  if (!c.checked) return t('logNotChecked');
  if (c.ok) {
    return t('logConsistent', { count: c.treeSize, time: { time: c.timestamp } });
  }
  return t('logInconsistent', { count: c.treeSize, time: { time: c.timestamp } });
}

function Fact({ name, children }: { name: string; children: ComponentChildren }) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">{name}</dt>
      <dd class="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** Each check's column, with the key of its heading in the page's words. */
const CHECKS = [
  ['commitment', 'checkCommitment'],
  ['signature', 'checkSignature'],
  ['inclusion', 'checkInclusion'],
  ['files', 'checkFiles'],
] as const satisfies readonly (readonly [keyof VersionReport, string])[];

function Entries({ entries }: { entries: readonly EntryReport[] }) {
  return (
    <>
      <h2 class="govuk-heading-m">{t('entriesHeading')}</h2>
      <p class="govuk-body">{t('entriesIntro')}</p>
      <table class="govuk-table casebook-verify__entries" data-verify-entries>
        <caption class="govuk-table__caption govuk-visually-hidden">{t('entriesCaption')}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {t('colEntry')}
            </th>
            <th scope="col" class="govuk-table__header">
              {t('colLogged')}
            </th>
            {CHECKS.map(([, label]) => (
              <th scope="col" class="govuk-table__header" key={label}>
                {t(label)}
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
          {t('rowEntry', { number: entry.number })}
          {!entry.verified && <strong class="govuk-tag govuk-tag--red casebook-verify__row-tag">{t('failedTag')}</strong>}
        </th>
        <td class="govuk-table__cell" data-label={t('colLogged')}>
          {loggedTimes(entry.versions)}
        </td>
        {CHECKS.map(([check, label]) => (
          <td class="govuk-table__cell" data-label={t(label)} key={check}>
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
  if (times.length === 0) return t('noReceipt');
  const first = { time: times[0]!, bare: true } as const;
  if (versions.length === 1) return ukTimeBare(first.time, pageLanguage()) ?? t('noReceipt');
  return t('loggedVersions', { first, count: versions.length, last: { time: times[times.length - 1]!, bare: true } });
}

function combined(statuses: readonly CheckStatus[]): CheckStatus {
  if (statuses.includes('failed')) return 'failed';
  if (statuses.length === 0 || statuses.includes('not-checked')) return 'not-checked';
  return 'passed';
}

function StatusTag({ status }: { status: CheckStatus }) {
  const [text, colour] = status === 'passed' ? [t('yes'), 'green'] : status === 'failed' ? [t('no'), 'red'] : [t('notChecked'), 'grey'];
  return <strong class={`govuk-tag govuk-tag--${colour}`}>{text}</strong>;
}

function statusWord(status: CheckStatus): string {
  return t(status === 'passed' ? 'signatureValid' : status === 'failed' ? 'signatureInvalid' : 'signatureNotChecked');
}

function Attachments({ report }: { report: VerificationReport }) {
  return (
    <>
      <h2 class="govuk-heading-m">{t('attachmentsHeading')}</h2>
      <table class="govuk-table casebook-verify__attachments" data-verify-attachments>
        <caption class="govuk-table__caption govuk-visually-hidden">{t('attachmentsCaption')}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              {t('colFile')}
            </th>
            <th scope="col" class="govuk-table__header">
              {t('colMatches')}
            </th>
            <th scope="col" class="govuk-table__header">
              {t('colCovered')}
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {report.attachments.map((a) => (
            <tr class="govuk-table__row" key={a.id}>
              <th scope="row" class="govuk-table__header">
                {a.number}. {a.name}
                <code class="casebook-verify__hash casebook-verify__hash--small">{t('attachmentSha256', { sha256: a.sha256 })}</code>
              </th>
              <td class="govuk-table__cell" data-label={t('colMatches')}>
                <StatusTag status={a.verified ? 'passed' : 'failed'} />
              </td>
              <td class="govuk-table__cell" data-label={t('colCovered')}>
                {a.timestamped ? <StatusTag status="passed" /> : <strong class="govuk-tag govuk-tag--grey">{t('idOnly')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
