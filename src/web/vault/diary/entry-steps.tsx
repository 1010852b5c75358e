// The fields of each step of the guided entry (entry-form.tsx runs the steps).

import type { Person, ReportTarget } from '../../../domain/incidents/index.ts';
import { BEHAVIOURS, DAILY_LIFE_CHANGES, METHOD_KINDS, REPORT_TARGETS } from '../../../domain/incidents/index.ts';
import { t } from '../i18n/i18n.ts';
import { behaviourHint, behaviourLabel, dailyLifeLabel, methodLabel, reportTargetLabel } from '../i18n/vocabulary.ts';
import { Checkboxes, DateTimeFields, Radios, Select } from '../ui/choices.tsx';
import type { FieldError } from '../ui/components.tsx';
import { errorFor, Textarea, TextInput } from '../ui/components.tsx';
import type { Diary } from './diary.ts';
import type { EntryDraft, EntryStepId, ReportDraft } from './entry-draft.ts';
import { FilesStep } from './entry-files-step.tsx';
import { PeopleStep } from './entry-people-step.tsx';
import { placesByName } from './records.ts';

export interface StepProps {
  diary: Diary;
  step: EntryStepId;
  draft: EntryDraft;
  update: (change: Partial<EntryDraft>) => void;
  errors: readonly FieldError[];
  files: readonly File[];
  setFiles: (files: readonly File[]) => void;
  people: readonly Person[];
  addPerson: (person: Person) => void;
}

export function StepFields(props: StepProps) {
  const { diary, step, draft, update, errors } = props;
  switch (step) {
    case 'when':
      return (
        <Radios
          id="when-kind"
          legend={t('entry.when.legend')}
          legendSize="s"
          value={draft.whenKind}
          onChange={(whenKind) => update({ whenKind })}
          choices={[
            {
              value: 'exact',
              label: t('entry.when.exact'),
              reveal: (
                <DateTimeFields
                  id="when"
                  legend={t('entry.when.dateAndTime')}
                  date={draft.date}
                  time={draft.time}
                  onDate={(date) => update({ date })}
                  onTime={(time) => update({ time })}
                  dateError={errorFor(errors, 'when-date')}
                  timeError={errorFor(errors, 'when-time')}
                />
              ),
            },
            {
              value: 'day',
              label: t('entry.when.day'),
              reveal: (
                <DateTimeFields
                  id="when"
                  legend={t('entry.when.dayLegend')}
                  withTime={false}
                  date={draft.date}
                  time=""
                  onDate={(date) => update({ date })}
                  onTime={() => {}}
                  dateError={errorFor(errors, 'when-date')}
                />
              ),
            },
            {
              value: 'range',
              label: t('entry.when.range'),
              hint: t('entry.when.rangeHint'),
              reveal: (
                <>
                  <DateTimeFields
                    id="when-from"
                    legend={t('entry.when.from')}
                    timeLabel={t('entry.when.timeOptional')}
                    date={draft.fromDate}
                    time={draft.fromTime}
                    onDate={(fromDate) => update({ fromDate })}
                    onTime={(fromTime) => update({ fromTime })}
                    dateError={errorFor(errors, 'when-from-date')}
                    timeError={errorFor(errors, 'when-from-time')}
                  />
                  <DateTimeFields
                    id="when-to"
                    legend={t('entry.when.to')}
                    timeLabel={t('entry.when.timeOptional')}
                    date={draft.toDate}
                    time={draft.toTime}
                    onDate={(toDate) => update({ toDate })}
                    onTime={(toTime) => update({ toTime })}
                    dateError={errorFor(errors, 'when-to-date')}
                    timeError={errorFor(errors, 'when-to-time')}
                  />
                </>
              ),
            },
          ]}
        />
      );
    case 'where': {
      const places = placesByName(diary.records);
      return (
        <>
          <TextInput
            id="where"
            label={t('entry.where.label')}
            hint={t('entry.where.hint')}
            value={draft.where}
            onInput={(where) => update({ where })}
            error={errorFor(errors, 'where')}
            spellcheck
          />
          {places.length > 0 ? (
            <Select
              id="place"
              label={t('entry.where.savedPlace')}
              value={draft.placeId}
              onChange={(placeId) => update({ placeId })}
              choices={[
                { value: '', label: t('entry.where.noSavedPlace') },
                ...places.map((place) => ({ value: place.id, label: place.name })),
              ]}
            />
          ) : (
            <p class="govuk-body-s">{t('entry.where.placesTip')}</p>
          )}
        </>
      );
    }
    case 'what':
      return (
        <Textarea
          id="what-happened"
          label={t('entry.what.label')}
          labelClass="govuk-label--s"
          hint={t('entry.what.hint')}
          value={draft.whatHappened}
          onInput={(whatHappened) => update({ whatHappened })}
          error={errorFor(errors, 'what-happened')}
          rows={8}
        />
      );
    case 'behaviours':
      return (
        <Checkboxes
          id="behaviour"
          legend={t('entry.behaviours.legend')}
          legendSize="s"
          hint={t('entry.behaviours.hint')}
          error={errorFor(errors, 'behaviour-0')}
          selected={draft.behaviours}
          onChange={(behaviours) => update({ behaviours: BEHAVIOURS.map((b) => b.id).filter((b) => behaviours.includes(b)) })}
          choices={BEHAVIOURS.map((behaviour) => ({
            value: behaviour.id,
            label: behaviourLabel(behaviour.id),
            hint: behaviourHint(behaviour.id),
          }))}
        />
      );
    case 'how':
      return (
        <Checkboxes
          id="method"
          legend={t('entry.how.legend')}
          legendSize="s"
          hint={t('entry.how.hint')}
          error={errorFor(errors, 'method-0')}
          selected={draft.methods}
          onChange={(methods) => update({ methods: METHOD_KINDS.filter((kind) => methods.includes(kind)) })}
          choices={METHOD_KINDS.map((kind) => ({
            value: kind,
            label: methodLabel(kind),
            reveal:
              kind === 'social-media' ? (
                <TextInput
                  id="method-platform"
                  label={t('entry.how.platform')}
                  hint={t('entry.how.platformHint')}
                  value={draft.platform}
                  onInput={(platform) => update({ platform })}
                  error={errorFor(errors, 'method-platform')}
                />
              ) : kind === 'other' ? (
                <TextInput
                  id="method-other"
                  label={t('entry.how.other')}
                  value={draft.otherMethod}
                  onInput={(otherMethod) => update({ otherMethod })}
                  error={errorFor(errors, 'method-other')}
                />
              ) : undefined,
          }))}
        />
      );
    case 'people':
      return <PeopleStep {...props} />;
    case 'effects':
      return (
        <>
          <Checkboxes<'fear' | 'distress'>
            id="fear"
            legend={t('entry.effects.legend')}
            legendSize="s"
            hint={t('entry.effects.hint')}
            selected={[...(draft.fearOfViolence ? (['fear'] as const) : []), ...(draft.alarmOrDistress ? (['distress'] as const) : [])]}
            onChange={(chosen) => update({ fearOfViolence: chosen.includes('fear'), alarmOrDistress: chosen.includes('distress') })}
            choices={[
              { value: 'fear', label: t('entry.effects.fear'), hint: t('entry.effects.fearHint') },
              { value: 'distress', label: t('entry.effects.distress') },
            ]}
          />
          <Checkboxes
            id="changes"
            legend={t('entry.effects.changesLegend')}
            legendSize="s"
            hint={t('entry.effects.changesHint')}
            selected={draft.dailyLifeChanges}
            onChange={(chosen) => update({ dailyLifeChanges: DAILY_LIFE_CHANGES.filter((c) => chosen.includes(c)) })}
            choices={DAILY_LIFE_CHANGES.map((change) => ({
              value: change,
              label: dailyLifeLabel(change),
              reveal:
                change === 'other' ? (
                  <TextInput
                    id="other-change"
                    label={t('entry.effects.whatChanged')}
                    value={draft.otherChange}
                    onInput={(otherChange) => update({ otherChange })}
                    error={errorFor(errors, 'other-change')}
                  />
                ) : undefined,
            }))}
            small
          />
          <Textarea
            id="feelings"
            label={t('entry.effects.feelings')}
            labelClass="govuk-label--s"
            value={draft.feelings}
            onInput={(feelings) => update({ feelings })}
            error={errorFor(errors, 'feelings')}
            rows={3}
          />
        </>
      );
    case 'reported':
      return (
        <Checkboxes<ReportTarget>
          id="report"
          legend={t('entry.reported.legend')}
          legendSize="s"
          hint={t('entry.reported.hint')}
          error={errorFor(errors, 'report-police')}
          selected={REPORT_TARGETS.filter((target) => draft.reports[target].made)}
          onChange={(chosen) =>
            update({
              reports: Object.fromEntries(REPORT_TARGETS.map((t) => [t, { ...draft.reports[t], made: chosen.includes(t) }])) as Record<
                ReportTarget,
                ReportDraft
              >,
            })
          }
          choices={REPORT_TARGETS.map((target) => ({
            value: target,
            label: reportTargetLabel(target),
            reveal: <ReportFields target={target} draft={draft} update={update} errors={errors} />,
          }))}
        />
      );
    case 'files':
      return <FilesStep {...props} />;
  }
}

function ReportFields({
  target,
  draft,
  update,
  errors,
}: {
  target: ReportTarget;
  draft: EntryDraft;
  update: (change: Partial<EntryDraft>) => void;
  errors: readonly FieldError[];
}) {
  const report = draft.reports[target];
  const set = (change: Partial<ReportDraft>) => update({ reports: { ...draft.reports, [target]: { ...report, ...change } } });
  return (
    <>
      {target === 'police' ? (
        <>
          <TextInput
            id="report-police-reference"
            label={t('entry.reported.crimeReference')}
            value={report.crimeReference}
            onInput={(crimeReference) => set({ crimeReference })}
            error={errorFor(errors, 'report-police-reference')}
            inputClass="govuk-input--width-20"
          />
          <TextInput
            id="report-police-officer"
            label={t('entry.reported.officer')}
            value={report.officerName}
            onInput={(officerName) => set({ officerName })}
            error={errorFor(errors, 'report-police-officer')}
          />
        </>
      ) : (
        <TextInput
          id={`report-${target}-name`}
          label={
            target === 'platform'
              ? t('entry.how.platform')
              : target === 'employer'
                ? t('entry.reported.organisation')
                : t('entry.reported.who')
          }
          value={report.name}
          onInput={(name) => set({ name })}
        />
      )}
    </>
  );
}
