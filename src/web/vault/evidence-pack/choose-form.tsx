// The first step: which dates, entries and files go in the pack, and an optional name for the cover. Every
// entry in the dates is chosen unless the person unticks it; the long list stays folded away until wanted.

import type { ComponentChildren } from 'preact';
import { Fragment } from 'preact';
import { LOCALE, plural, t } from '../i18n/i18n.ts';
import type { FieldError } from '../ui/components.tsx';
import { Button, ErrorSummary, errorFor, Heading, LinkButton, TextInput } from '../ui/components.tsx';
import { formatBytes } from '../ui/messages.ts';
import type { CandidateFile, Candidates, PackCandidate } from './candidates.ts';
import { isImage } from './candidates.ts';
import type { DateFields, FileChoice, PackChoices } from './choices.ts';
import { chosenFiles, entriesInRange, filesOf, MAX_NAME_LENGTH } from './choices.ts';
import { LanguageChoice } from './language-choice.tsx';

export function ChooseForm({
  candidates,
  choices,
  errors,
  onChange,
  onSubmit,
  onDone,
}: {
  candidates: Candidates;
  choices: PackChoices;
  errors: readonly FieldError[];
  onChange: (choices: PackChoices) => void;
  onSubmit: () => void;
  onDone: () => void;
}) {
  const inRange = entriesInRange(candidates, choices);
  const chosen = inRange.filter((entry) => !choices.excluded.has(entry.id));
  const files = filesOf(chosen);
  const set = (patch: Partial<PackChoices>) => onChange({ ...choices, ...patch });

  return (
    <form
      noValidate
      class="casebook-vault-pack"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <ErrorSummary errors={errors} />
      <Heading>{t('timeline.evidencePack')}</Heading>
      <p class="govuk-body">{t('pack.intro')}</p>
      <p class="govuk-body">{t('pack.madeHere')}</p>
      <div class="govuk-warning-text">
        <span class="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong class="govuk-warning-text__text">
          <span class="govuk-visually-hidden">{t('common.warning')}</span>
          {t('pack.notEncrypted')}
        </strong>
      </div>

      <DateRange choices={choices} errors={errors} onChange={set} />
      <EntryList entries={inRange} total={candidates.entries.length} choices={choices} errors={errors} onChange={set} />
      {candidates.unreadable > 0 ? <p class="govuk-body-s">{plural('pack.unreadable', candidates.unreadable)}</p> : null}
      <FileChoices files={files} choices={choices} onChange={set} />

      <LanguageChoice value={choices.language} onChange={(language) => set({ language })} />

      <TextInput
        id="pack-name"
        label={t('pack.name')}
        labelClass="govuk-label--m"
        hint={t('pack.nameHint', { maximum: MAX_NAME_LENGTH })}
        value={choices.name}
        onInput={(name) => set({ name })}
        error={errorFor(errors, 'pack-name')}
        autocomplete="name"
        spellcheck={false}
      />

      <div class="govuk-button-group">
        <Button type="submit">{t('pack.make')}</Button>
        <LinkButton onClick={onDone}>{t('entry.backToRecord')}</LinkButton>
      </div>
    </form>
  );
}

function DateRange({
  choices,
  errors,
  onChange,
}: {
  choices: PackChoices;
  errors: readonly FieldError[];
  onChange: (patch: Partial<PackChoices>) => void;
}) {
  return (
    <div class="govuk-form-group">
      <h2 class="govuk-heading-m">{t('pack.dates')}</h2>
      <p class="govuk-body" id="pack-dates-hint">
        {t('pack.datesHint')}
      </p>
      <DateInput
        id="pack-from"
        legend={t('entry.when.from')}
        value={choices.from}
        errors={errors}
        onChange={(from) => onChange({ from })}
      />
      <DateInput id="pack-to" legend={t('entry.when.to')} value={choices.to} errors={errors} onChange={(to) => onChange({ to })} />
    </div>
  );
}

/** The design system's date input: day, month and year boxes in one fieldset. */
function DateInput({
  id,
  legend,
  value,
  errors,
  onChange,
}: {
  id: string;
  legend: string;
  value: DateFields;
  errors: readonly FieldError[];
  onChange: (value: DateFields) => void;
}) {
  const parts = [
    { key: 'day', label: t('pack.day'), width: 2 },
    { key: 'month', label: t('pack.month'), width: 2 },
    { key: 'year', label: t('pack.year'), width: 4 },
  ] as const;
  const error = parts.map((part) => errorFor(errors, `${id}-${part.key}`)).find(Boolean);
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" role="group" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div class="govuk-hint" id={`${id}-hint`}>
          {t('pack.dateExample')}
        </div>
        {error ? (
          <p class="govuk-error-message" id={`${id}-error`}>
            <span class="govuk-visually-hidden">{t('common.errorPrefix')}</span> {error}
          </p>
        ) : null}
        <div class="govuk-date-input" id={id}>
          {parts.map((part) => (
            <div class="govuk-date-input__item" key={part.key}>
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" for={`${id}-${part.key}`}>
                  {part.label}
                </label>
                <input
                  class={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? ' govuk-input--error' : ''}`}
                  id={`${id}-${part.key}`}
                  name={`${id}-${part.key}`}
                  type="text"
                  inputMode="numeric"
                  autocomplete="off"
                  value={value[part.key]}
                  onInput={(event) => onChange({ ...value, [part.key]: event.currentTarget.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function EntryList({
  entries,
  total,
  choices,
  errors,
  onChange,
}: {
  entries: readonly PackCandidate[];
  total: number;
  choices: PackChoices;
  errors: readonly FieldError[];
  onChange: (patch: Partial<PackChoices>) => void;
}) {
  const chosen = entries.filter((entry) => !choices.excluded.has(entry.id)).length;
  const error = errorFor(errors, 'pack-entries');
  const toggle = (id: string, on: boolean) => {
    const excluded = new Set(choices.excluded);
    if (on) excluded.delete(id);
    else excluded.add(id);
    onChange({ excluded });
  };
  const everyIn = (on: boolean) => {
    const excluded = new Set(choices.excluded);
    for (const entry of entries) {
      if (on) excluded.delete(entry.id);
      else excluded.add(entry.id);
    }
    onChange({ excluded });
  };
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <h2 class="govuk-heading-m">{t('pack.entries')}</h2>
      <p class="govuk-body" id="pack-entries-count" aria-live="polite">
        {total === 0
          ? t('pack.nothingYet')
          : entries.length === 0
            ? t('pack.noneBetween')
            : plural('pack.chosenOf', chosen, { total: entries.length.toLocaleString(LOCALE) })}
      </p>
      {error ? (
        <p class="govuk-error-message" id="pack-entries-error">
          <span class="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      {entries.length > 0 ? (
        <details class="govuk-details" id="pack-entries" tabIndex={-1}>
          <summary class="govuk-details__summary">
            <span class="govuk-details__summary-text">{t('pack.chooseEntries')}</span>
          </summary>
          <div class="govuk-details__text">
            <fieldset class="govuk-fieldset" aria-describedby="pack-entries-count">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{t('pack.entriesToPut')}</legend>
              <div class="govuk-button-group casebook-vault-pack__all">
                <button type="button" class="govuk-button govuk-button--secondary" onClick={() => everyIn(true)}>
                  {t('pack.chooseAll')}
                </button>
                <button type="button" class="govuk-button govuk-button--secondary" onClick={() => everyIn(false)}>
                  {t('pack.chooseNone')}
                </button>
              </div>
              <div class="govuk-checkboxes govuk-checkboxes--small">
                {entries.map((entry) => (
                  <Checkbox
                    key={entry.id}
                    id={`pack-entry-${entry.id}`}
                    checked={!choices.excluded.has(entry.id)}
                    onChange={(on) => toggle(entry.id, on)}
                    labelClass="casebook-vault-pack__entry"
                  >
                    <strong>{entry.when}</strong>
                    <span class="casebook-vault-pack__entry-text">{entry.title}</span>
                    {entry.files.length > 0 ? (
                      <span class="govuk-body-s casebook-vault-pack__entry-files">{plural('pack.filesAttached', entry.files.length)}</span>
                    ) : null}
                  </Checkbox>
                ))}
              </div>
            </fieldset>
          </div>
        </details>
      ) : null}
    </div>
  );
}

const FILE_OPTIONS: readonly { value: FileChoice; label: (files: readonly CandidateFile[]) => string }[] = [
  {
    value: 'all',
    label: (files) => t('pack.allFiles', { files: plural('timeline.files', files.length), size: formatBytes(bytesOf(files)) }),
  },
  {
    value: 'images',
    label: (files) =>
      t('pack.imagesOnly', {
        files: plural('timeline.files', files.filter(isImage).length),
        size: formatBytes(bytesOf(files.filter(isImage))),
      }),
  },
  { value: 'some', label: () => t('pack.letMeChoose') },
  { value: 'none', label: () => t('pack.noFiles') },
];

function FileChoices({
  files,
  choices,
  onChange,
}: {
  files: readonly CandidateFile[];
  choices: PackChoices;
  onChange: (patch: Partial<PackChoices>) => void;
}) {
  if (files.length === 0) {
    return (
      <>
        <h2 class="govuk-heading-m">{t('pack.attachedFiles')}</h2>
        <p class="govuk-body">{t('pack.noAttached')}</p>
      </>
    );
  }
  const chosen = chosenFiles(files, choices);
  const toggle = (id: string, on: boolean) => {
    const excludedFiles = new Set(choices.excludedFiles);
    if (on) excludedFiles.delete(id);
    else excludedFiles.add(id);
    onChange({ excludedFiles });
  };
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby="pack-files-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 class="govuk-fieldset__heading">{t('pack.attachedFiles')}</h2>
        </legend>
        <div class="govuk-hint" id="pack-files-hint">
          {t('pack.filesHint')}
        </div>
        <div class="govuk-radios">
          {FILE_OPTIONS.map((option) => (
            <Fragment key={option.value}>
              <div class="govuk-radios__item">
                <input
                  class="govuk-radios__input"
                  id={`pack-files-${option.value}`}
                  name="pack-files"
                  type="radio"
                  value={option.value}
                  checked={choices.files === option.value}
                  onChange={() => onChange({ files: option.value })}
                  aria-controls={option.value === 'some' ? 'pack-files-some-list' : undefined}
                />
                <label class="govuk-label govuk-radios__label" for={`pack-files-${option.value}`}>
                  {option.label(files)}
                </label>
              </div>
              {option.value === 'some' ? (
                <div
                  class={`govuk-radios__conditional${choices.files === 'some' ? '' : ' govuk-radios__conditional--hidden'}`}
                  id="pack-files-some-list"
                >
                  <fieldset class="govuk-fieldset">
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                      {t('pack.filesToPut', { chosen: chosen.length, total: files.length })}
                    </legend>
                    <div class="govuk-checkboxes govuk-checkboxes--small">
                      {files.map((file) => (
                        <Checkbox
                          key={file.id}
                          id={`pack-file-${file.id}`}
                          checked={!choices.excludedFiles.has(file.id)}
                          onChange={(on) => toggle(file.id, on)}
                        >
                          {file.name} <span class="govuk-body-s">({formatBytes(file.size)})</span>
                        </Checkbox>
                      ))}
                    </div>
                  </fieldset>
                </div>
              ) : null}
            </Fragment>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function Checkbox({
  id,
  checked,
  onChange,
  labelClass,
  children,
}: {
  id: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  labelClass?: string;
  children: ComponentChildren;
}) {
  return (
    <div class="govuk-checkboxes__item">
      <input
        class="govuk-checkboxes__input"
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label class={`govuk-label govuk-checkboxes__label${labelClass ? ` ${labelClass}` : ''}`} for={id}>
        {children}
      </label>
    </div>
  );
}

function bytesOf(files: readonly CandidateFile[]): number {
  return files.reduce((sum, file) => sum + file.size, 0);
}
