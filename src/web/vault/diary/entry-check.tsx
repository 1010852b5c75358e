// The guided entry's "check your entry" page: every answer, each with a link back to its step.
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { Person } from '../../../domain/incidents/index.ts';
import { REPORT_TARGETS } from '../../../domain/incidents/index.ts';
import { describeWhen } from '../i18n/dates.ts';
import { t } from '../i18n/i18n.ts';
import { behaviourLabel, dailyLifeLabel, methodLabel, reportTargetLabel, roleLabel } from '../i18n/vocabulary.ts';
import { SummaryList } from '../ui/choices.tsx';
import { formatBytes } from '../ui/messages.ts';
import type { Diary } from './diary.ts';
import type { EntryDraft, EntryStepId } from './entry-draft.ts';
import { incidentFromDraft } from './entry-draft.ts';

export function CheckAnswers({
  diary,
  draft,
  files,
  people,
  onChange,
}: {
  diary: Diary;
  draft: EntryDraft;
  files: readonly File[];
  people: readonly Person[];
  onChange: (step: EntryStepId) => void;
}) {
  const result = useMemo(() => incidentFromDraft(draft), [draft]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const none = <span class="casebook-diary-none">{t('entry.check.notGiven')}</span>;
  const change = (step: EntryStepId, hidden: string) => ({ label: t('entry.check.change'), hidden, onClick: () => onChange(step) });
  const place = draft.placeId ? diary.records.places.get(draft.placeId)?.content.name : undefined;
  const list = (items: readonly ComponentChildren[]) =>
    items.length ? (
      <ul class="govuk-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    ) : (
      none
    );
  return (
    <SummaryList
      rows={[
        {
          key: t('entry.check.when'),
          value: result.ok ? describeWhen(result.incident.when) : t('entry.check.needsChange'),
          action: change('when', t('entry.check.whenHidden')),
        },
        {
          key: t('entry.check.where'),
          value: [draft.where, place].filter(Boolean).join(' – ') || none,
          action: change('where', t('entry.check.whereHidden')),
        },
        {
          key: t('entry.check.what'),
          value: draft.whatHappened.trim() ? <span class="casebook-diary-prewrap">{draft.whatHappened}</span> : none,
          action: change('what', t('entry.check.whatHidden')),
        },
        {
          key: t('entry.check.behaviours'),
          value: list(draft.behaviours.map((b) => behaviourLabel(b))),
          action: change('behaviours', t('entry.check.behavioursHidden')),
        },
        {
          key: t('entry.check.how'),
          value: list(
            draft.methods.map((m) =>
              m === 'social-media' && draft.platform
                ? t('entry.check.platform', { method: methodLabel(m), platform: draft.platform })
                : methodLabel(m),
            ),
          ),
          action: change('how', t('entry.check.howHidden')),
        },
        {
          key: t('entry.check.people'),
          value: list(
            draft.people.map((link) =>
              t('entry.check.personPart', { name: names.get(link.personId) ?? t('entry.check.someone'), part: roleLabel(link.role) }),
            ),
          ),
          action: change('people', t('entry.check.peopleHidden')),
        },
        {
          key: t('entry.check.effects'),
          value: list([
            ...(draft.fearOfViolence ? [t('entry.check.fear')] : []),
            ...(draft.alarmOrDistress ? [t('entry.check.distress')] : []),
            ...draft.dailyLifeChanges.map((c) => (c === 'other' && draft.otherChange ? draft.otherChange : dailyLifeLabel(c))),
          ]),
          action: change('effects', t('entry.check.effectsHidden')),
        },
        {
          key: t('entry.check.reported'),
          value: list(
            REPORT_TARGETS.filter((target) => draft.reports[target].made).map((target) =>
              [
                reportTargetLabel(target),
                draft.reports[target].crimeReference && t('entry.check.reference', { reference: draft.reports[target].crimeReference }),
                draft.reports[target].officerName,
                draft.reports[target].name,
              ]
                .filter(Boolean)
                .join(', '),
            ),
          ),
          action: change('reported', t('entry.check.reportedHidden')),
        },
        {
          key: t('entry.check.files'),
          value: list([
            ...draft.attachments.map((a) => t('entry.check.file', { name: a.name, size: formatBytes(a.size) })),
            ...files.map((f) => t('entry.check.newFile', { name: f.name, size: formatBytes(f.size) })),
          ]),
          action: change('files', t('entry.check.filesHidden')),
        },
      ]}
    />
  );
}
