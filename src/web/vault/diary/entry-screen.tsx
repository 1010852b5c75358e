// One entry in full, with its files, and its history: every version with its receipt's time.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Incident } from '../../../domain/incidents/index.ts';
import { parseIncident } from '../../../domain/incidents/index.ts';
import { describeWhen } from '../i18n/dates.ts';
import { plural, t } from '../i18n/i18n.ts';
import { behaviourLabel, dailyLifeLabel, methodLabel, reportTargetLabel, roleLabel } from '../i18n/vocabulary.ts';
import type { OpenedVersion } from '../items/item-store.ts';
import { loadVersions } from '../items/item-store.ts';
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
      <Heading>{t('entry.notHere')}</Heading>
      <p class="govuk-body">
        <LinkButton onClick={() => diary.nav.replace({ name: 'timeline' })}>{t('entry.backToRecord')}</LinkButton>
      </p>
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
        <button type="button" class="govuk-back-link casebook-diary-back" onClick={() => diary.nav.back()}>
          {t('common.back')}
        </button>
        <Heading caption={incident.quickNote ? t('timeline.quickNote') : t('entryScreen.entry')}>{describeWhen(incident.when)}</Heading>
        {incident.quickNote ? (
          <div class="govuk-inset-text">
            This is a quick note. Add where, who and how it affected you while you remember.
            <div class="govuk-!-margin-top-3">
              <button type="button" class="govuk-button govuk-!-margin-bottom-0" onClick={() => diary.nav.go({ name: 'entry-form', id })}>
                {t('entryScreen.complete')}
              </button>
            </div>
          </div>
        ) : null}
        <IncidentDetails diary={diary} incident={incident} />
        {incident.imported ? (
          <ImportedMessages
            imported={incident.imported}
            fileName={
              incident.attachments.find((a) => a.id === incident.imported!.source.attachmentId)?.name ?? t('entryScreen.originalFile')
            }
          />
        ) : null}
        {incident.attachments.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">{t('entry.check.files')}</h2>
            <ul class="govuk-list casebook-diary-files">
              {incident.attachments.map((file) => (
                <StoredFile key={file.id} vault={diary.vault} file={file} />
              ))}
            </ul>
          </>
        ) : null}
        <ReceiptLine diary={diary} item={item} />
        <div class="govuk-button-group">
          {incident.quickNote ? null : (
            <button type="button" class="govuk-button govuk-button--secondary" onClick={() => diary.nav.go({ name: 'entry-form', id })}>
              {t('entry.change')}
            </button>
          )}
          <LinkButton onClick={() => diary.nav.go({ name: 'history', id })}>{plural('entryScreen.history', item.version)}</LinkButton>
        </div>
      </div>
    </div>
  );
}

export function IncidentDetails({ diary, incident }: { diary: Diary; incident: Incident }) {
  const person = (personId: string) => diary.records.people.get(personId)?.content.name ?? t('entryScreen.goneFromList');
  const place = incident.placeId ? diary.records.places.get(incident.placeId)?.content.name : undefined;
  const list = (items: readonly ComponentChildren[]) =>
    items.length ? (
      <ul class="govuk-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    ) : (
      <span class="casebook-diary-none">{t('entry.check.notGiven')}</span>
    );
  const { effects } = incident;
  return (
    <SummaryList
      rows={[
        { key: t('entry.check.what'), value: <span class="casebook-diary-prewrap">{incident.whatHappened}</span> },
        {
          key: t('entry.check.where'),
          value: [incident.where, place].filter(Boolean).join(' – ') || (
            <span class="casebook-diary-none">{t('entry.check.notGiven')}</span>
          ),
        },
        { key: t('entry.check.behaviours'), value: list(incident.behaviours.map((b) => behaviourLabel(b))) },
        {
          key: t('entry.check.how'),
          value: list(
            incident.methods.map((m) =>
              'platform' in m
                ? t('entry.check.platform', { method: methodLabel(m.kind), platform: m.platform })
                : 'detail' in m && m.detail
                  ? t('entry.check.platform', { method: methodLabel(m.kind), platform: m.detail })
                  : methodLabel(m.kind),
            ),
          ),
        },
        {
          key: t('entry.check.people'),
          value: list(
            incident.people.map((link) => t('entry.check.personPart', { name: person(link.personId), part: roleLabel(link.role) })),
          ),
        },
        {
          key: t('entry.check.effects'),
          value: list([
            ...(effects.fearOfViolence ? [t('entry.check.fear')] : []),
            ...(effects.alarmOrDistress ? [t('entry.check.distress')] : []),
            ...effects.dailyLifeChanges.map((c) => (c === 'other' && effects.otherChange ? effects.otherChange : dailyLifeLabel(c))),
            ...(effects.notes ? [<span class="casebook-diary-prewrap">{effects.notes}</span>] : []),
          ]),
        },
        {
          key: t('entry.check.reported'),
          value: list(
            incident.reports.map((r) =>
              [
                reportTargetLabel(r.to),
                r.name,
                r.crimeReference && t('entryScreen.crimeReference', { reference: r.crimeReference }),
                r.officerName,
              ]
                .filter(Boolean)
                .join(', '),
            ),
          ),
        },
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
      (error) => current && setProblem(describeFailure(error, t('history.loadFailed'))),
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
        <button type="button" class="govuk-back-link casebook-diary-back" onClick={() => diary.nav.back()}>
          {t('common.back')}
        </button>
        <Heading caption={describeWhen(item.content.when)}>{t('history.heading')}</Heading>
        <p class="govuk-body">{t('history.intro')}</p>
        {problem ? <p class="govuk-body govuk-error-message">{problem}</p> : null}
        {versions === undefined && !problem ? <Busy>{t('history.opening')}</Busy> : null}
        {versions ? (
          <ol class="govuk-list casebook-diary-history" reversed>
            {versions
              .map((v, i) => ({ v, i }))
              .reverse()
              .map(({ v, i }) => (
                <li key={v.version} class="casebook-diary-history__version">
                  <h2 class="govuk-heading-s">
                    {t('history.version', { version: v.version, at: formatDateTime(v.receipt.timestamp, { seconds: true }) })}
                  </h2>
                  {incidents[i] ? (
                    <ul class="govuk-list govuk-list--bullet">
                      {describeChanges(i > 0 ? incidents[i - 1] : undefined, incidents[i]!).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : (
                    <p class="govuk-body">{v.deleted ? t('history.deleted') : t('history.unreadable')}</p>
                  )}
                  {incidents[i] && i < versions.length - 1 ? (
                    <details class="govuk-details">
                      <summary class="govuk-details__summary">
                        <span class="govuk-details__summary-text">{t('history.whatItSaid')}</span>
                      </summary>
                      <div class="govuk-details__text">
                        <IncidentDetails diary={diary} incident={incidents[i]!} />
                      </div>
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
