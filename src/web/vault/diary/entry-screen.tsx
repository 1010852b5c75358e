// One entry in full, with its files, and its history: every version with its receipt's time.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DAILY_LIFE_CHANGE_LABELS, METHOD_LABELS, PERSON_ROLE_LABELS, REPORT_TARGET_LABELS, behaviourById, describeWhen, parseIncident } from '../../../domain/incidents/index.ts';
import type { Incident } from '../../../domain/incidents/index.ts';
import { loadVersions } from '../items/item-store.ts';
import type { OpenedVersion } from '../items/item-store.ts';
import { SummaryList } from '../ui/choices.tsx';
import { Busy, Heading, LinkButton } from '../ui/components.tsx';
import { describeFailure, formatDateTime } from '../ui/messages.ts';
import { describeChanges } from './changes.ts';
import type { Diary } from './diary.ts';
import { StoredFile } from './files.tsx';
import { ImportedMessages } from './imported-messages.tsx';
import { ReceiptLine } from './notes-screen.tsx';

function Missing({ diary }: { diary: Diary }) {
  return (
    <>
      <Heading>This entry is not here</Heading>
      <p class="govuk-body"><LinkButton onClick={() => diary.nav.replace({ name: 'timeline' })}>Back to your record</LinkButton></p>
    </>
  );
}

export function EntryScreen({ diary, id }: { diary: Diary; id: string }) {
  const item = diary.records.incidents.get(id);
  if (!item) return <Missing diary={diary} />;
  const incident = item.content;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <button type="button" class="govuk-back-link casebook-diary-back" onClick={() => diary.nav.back()}>Back</button>
        <Heading caption={incident.quickNote ? 'Quick note' : 'Entry'}>{describeWhen(incident.when)}</Heading>
        {incident.quickNote ? (
          <div class="govuk-inset-text">
            This is a quick note. Add where, who and how it affected you while you remember.
            <div class="govuk-!-margin-top-3">
              <button type="button" class="govuk-button govuk-!-margin-bottom-0" onClick={() => diary.nav.go({ name: 'entry-form', id })}>Complete this quick note</button>
            </div>
          </div>
        ) : null}
        <IncidentDetails diary={diary} incident={incident} />
        {incident.imported ? <ImportedMessages imported={incident.imported} fileName={incident.attachments.find((a) => a.id === incident.imported!.source.attachmentId)?.name ?? 'the original file'} /> : null}
        {incident.attachments.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Files</h2>
            <ul class="govuk-list casebook-diary-files">
              {incident.attachments.map((file) => <StoredFile key={file.id} vault={diary.vault} file={file} />)}
            </ul>
          </>
        ) : null}
        <ReceiptLine diary={diary} item={item} />
        <div class="govuk-button-group">
          {incident.quickNote ? null : <button type="button" class="govuk-button govuk-button--secondary" onClick={() => diary.nav.go({ name: 'entry-form', id })}>Change this entry</button>}
          <LinkButton onClick={() => diary.nav.go({ name: 'history', id })}>See its history ({item.version} {item.version === 1 ? 'version' : 'versions'})</LinkButton>
        </div>
      </div>
    </div>
  );
}

export function IncidentDetails({ diary, incident }: { diary: Diary; incident: Incident }) {
  const person = (personId: string) => diary.records.people.get(personId)?.content.name ?? 'Someone no longer in your list';
  const place = incident.placeId ? diary.records.places.get(incident.placeId)?.content.name : undefined;
  const list = (items: readonly ComponentChildren[]) => (items.length ? <ul class="govuk-list">{items.map((item, i) => <li key={i}>{item}</li>)}</ul> : <span class="casebook-diary-none">Not given</span>);
  const { effects } = incident;
  return (
    <SummaryList
      rows={[
        { key: 'What happened', value: <span class="casebook-diary-prewrap">{incident.whatHappened}</span> },
        { key: 'Where', value: [incident.where, place].filter(Boolean).join(' – ') || <span class="casebook-diary-none">Not given</span> },
        { key: 'What they did', value: list(incident.behaviours.map((b) => behaviourById(b).label)) },
        { key: 'How', value: list(incident.methods.map((m) => ('platform' in m ? `${METHOD_LABELS[m.kind]}: ${m.platform}` : 'detail' in m && m.detail ? `${METHOD_LABELS[m.kind]}: ${m.detail}` : METHOD_LABELS[m.kind]))) },
        { key: 'People', value: list(incident.people.map((link) => `${person(link.personId)} – ${PERSON_ROLE_LABELS[link.role]}`)) },
        {
          key: 'How it affected you',
          value: list([
            ...(effects.fearOfViolence ? ['Afraid they would use violence'] : []),
            ...(effects.alarmOrDistress ? ['Alarmed or distressed'] : []),
            ...effects.dailyLifeChanges.map((c) => (c === 'other' && effects.otherChange ? effects.otherChange : DAILY_LIFE_CHANGE_LABELS[c])),
            ...(effects.notes ? [<span class="casebook-diary-prewrap">{effects.notes}</span>] : []),
          ]),
        },
        { key: 'Reported', value: list(incident.reports.map((r) => [REPORT_TARGET_LABELS[r.to], r.name, r.crimeReference && `crime reference ${r.crimeReference}`, r.officerName].filter(Boolean).join(', '))) },
      ]}
    />
  );
}

export function EntryHistoryScreen({ diary, id }: { diary: Diary; id: string }) {
  const [versions, setVersions] = useState<OpenedVersion[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    loadVersions(diary.vault, id).then(
      (loaded) => current && setVersions(loaded),
      (error) => current && setProblem(describeFailure(error, 'The history could not be loaded. Try again.')),
    );
    return () => {
      current = false;
    };
  }, [id]);
  const item = diary.records.incidents.get(id);
  if (!item) return <Missing diary={diary} />;

  const incidents = (versions ?? []).map((v) => {
    const parsed = v.content === undefined ? undefined : parseIncident(v.content);
    return parsed?.ok ? parsed.value : undefined;
  });
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <button type="button" class="govuk-back-link casebook-diary-back" onClick={() => diary.nav.back()}>Back</button>
        <Heading caption={describeWhen(item.content.when)}>History of this entry</Heading>
        <p class="govuk-body">Every time you save an entry, the earlier version is kept. Each version has a time receipt from our server's public log: it shows when that version existed, and that it has not changed since.</p>
        {problem ? <p class="govuk-body govuk-error-message">{problem}</p> : null}
        {versions === undefined && !problem ? <Busy>Opening every version.</Busy> : null}
        {versions ? (
          <ol class="govuk-list casebook-diary-history" reversed>
            {versions.map((v, i) => ({ v, i })).reverse().map(({ v, i }) => (
              <li key={v.version} class="casebook-diary-history__version">
                <h2 class="govuk-heading-s">Version {v.version}: {formatDateTime(v.receipt.timestamp, { seconds: true })}</h2>
                {incidents[i] ? (
                  <ul class="govuk-list govuk-list--bullet">
                    {describeChanges(i > 0 ? incidents[i - 1] : undefined, incidents[i]!).map((line) => <li key={line}>{line}</li>)}
                  </ul>
                ) : (
                  <p class="govuk-body">{v.deleted ? 'Deleted.' : 'This version could not be read here.'}</p>
                )}
                {incidents[i] && i < versions.length - 1 ? (
                  <details class="govuk-details">
                    <summary class="govuk-details__summary"><span class="govuk-details__summary-text">What this version said</span></summary>
                    <div class="govuk-details__text"><IncidentDetails diary={diary} incident={incidents[i]!} /></div>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </div>
  );
}
