// Checkboxes, radios, selects and date/time fields in the design system's markup, for the diary's forms.
import type { ComponentChildren } from 'preact';
import { t } from '../i18n/i18n.ts';
import { describedBy, HintAndError } from './components.tsx';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: ComponentChildren;
  readonly hint?: ComponentChildren;
  /** Shown under a chosen option (the design system's conditional reveal). */
  readonly reveal?: ComponentChildren;
}

function Fieldset({
  legend,
  hint,
  error,
  id,
  children,
  legendSize = 'm',
  headingLegend,
}: {
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  id: string;
  children: ComponentChildren;
  legendSize?: 's' | 'm' | 'l';
  headingLegend?: boolean;
}) {
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>
          {headingLegend ? <h2 class="govuk-fieldset__heading">{legend}</h2> : legend}
        </legend>
        <HintAndError id={id} hint={hint} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

/** One checkbox or radio with its label, hint and revealed follow-up; GOV.UK names the classes after the kind. */
function ChoiceItem<T extends string>({
  kind,
  name,
  itemId,
  choice,
  checked,
  onChange,
}: {
  kind: 'checkboxes' | 'radios';
  name: string;
  itemId: string;
  choice: Choice<T>;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div>
      <div class={`govuk-${kind}__item`}>
        <input
          class={`govuk-${kind}__input`}
          id={itemId}
          name={name}
          type={kind === 'radios' ? 'radio' : 'checkbox'}
          value={choice.value}
          checked={checked}
          aria-describedby={choice.hint ? `${itemId}-hint` : undefined}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <label class={`govuk-label govuk-${kind}__label`} for={itemId}>
          {choice.label}
        </label>
        {choice.hint ? (
          <div id={`${itemId}-hint`} class={`govuk-hint govuk-${kind}__hint`}>
            {choice.hint}
          </div>
        ) : null}
      </div>
      {checked && choice.reveal ? <div class={`govuk-${kind}__conditional`}>{choice.reveal}</div> : null}
    </div>
  );
}

export function Checkboxes<T extends string>({
  id,
  legend,
  hint,
  error,
  choices,
  selected,
  onChange,
  small,
  legendSize,
  headingLegend,
}: {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  choices: readonly Choice<T>[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  small?: boolean;
  legendSize?: 's' | 'm' | 'l';
  headingLegend?: boolean;
}) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} legendSize={legendSize} headingLegend={headingLegend}>
      <div class={`govuk-checkboxes${small ? ' govuk-checkboxes--small' : ''}`}>
        {choices.map((choice, index) => {
          const itemId = `${id}-${index}`;
          const checked = selected.includes(choice.value);
          return (
            <ChoiceItem
              key={choice.value}
              kind="checkboxes"
              name={id}
              itemId={itemId}
              choice={choice}
              checked={checked}
              onChange={(on) => onChange(on ? [...selected, choice.value] : selected.filter((value) => value !== choice.value))}
            />
          );
        })}
      </div>
    </Fieldset>
  );
}

export function Radios<T extends string>({
  id,
  legend,
  hint,
  error,
  choices,
  value,
  onChange,
  small,
  inline,
  legendSize,
  headingLegend,
}: {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  choices: readonly Choice<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  small?: boolean;
  inline?: boolean;
  legendSize?: 's' | 'm' | 'l';
  headingLegend?: boolean;
}) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} legendSize={legendSize} headingLegend={headingLegend}>
      <div class={`govuk-radios${small ? ' govuk-radios--small' : ''}${inline ? ' govuk-radios--inline' : ''}`}>
        {choices.map((choice, index) => {
          const itemId = index === 0 ? id : `${id}-${index}`;
          return (
            <ChoiceItem
              key={choice.value}
              kind="radios"
              name={id}
              itemId={itemId}
              choice={choice}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
          );
        })}
      </div>
    </Fieldset>
  );
}

export function Select<T extends string>({
  id,
  label,
  hint,
  choices,
  value,
  onChange,
  labelClass,
}: {
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  choices: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  labelClass?: string;
}) {
  return (
    <div class="govuk-form-group">
      <label class={`govuk-label${labelClass ? ` ${labelClass}` : ''}`} for={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-hint`} class="govuk-hint">
          {hint}
        </div>
      ) : null}
      <select
        class="govuk-select"
        id={id}
        name={id}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.currentTarget.value as T)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A date and an optional time, with the phone's own pickers. */
export function DateTimeFields({
  id,
  legend,
  hint,
  date,
  time,
  onDate,
  onTime,
  dateError,
  timeError,
  timeLabel = t('common.time'),
  withTime = true,
}: {
  id: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  date: string;
  time: string;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
  dateError?: string | undefined;
  timeError?: string | undefined;
  timeLabel?: string;
  withTime?: boolean;
}) {
  const error = dateError ?? timeError;
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} legendSize="s">
      <div class="casebook-diary-when">
        <div class="govuk-form-group casebook-diary-when__part">
          <label class="govuk-label" for={`${id}-date`}>
            {t('common.date')}
          </label>
          <input
            class={`govuk-input casebook-diary-when__date${dateError ? ' govuk-input--error' : ''}`}
            id={`${id}-date`}
            type="date"
            value={date}
            min="1900-01-01"
            max="2199-12-31"
            onInput={(event) => onDate(event.currentTarget.value)}
          />
        </div>
        {withTime ? (
          <div class="govuk-form-group casebook-diary-when__part">
            <label class="govuk-label" for={`${id}-time`}>
              {timeLabel}
            </label>
            <input
              class={`govuk-input casebook-diary-when__time${timeError ? ' govuk-input--error' : ''}`}
              id={`${id}-time`}
              type="time"
              value={time}
              onInput={(event) => onTime(event.currentTarget.value)}
            />
          </div>
        ) : null}
      </div>
    </Fieldset>
  );
}

/** The design system's summary list, for check-your-answers and an entry's details. */
export function SummaryList({
  rows,
}: {
  rows: readonly { key: string; value: ComponentChildren; action?: { label: string; hidden: string; onClick: () => void } }[];
}) {
  return (
    <dl class="govuk-summary-list">
      {rows.map((row) => (
        <div class={`govuk-summary-list__row${row.action ? '' : ' govuk-summary-list__row--no-actions'}`} key={row.key}>
          <dt class="govuk-summary-list__key">{row.key}</dt>
          <dd class="govuk-summary-list__value">{row.value}</dd>
          {row.action ? (
            <dd class="govuk-summary-list__actions">
              <button type="button" class="casebook-vault__link-button govuk-link" onClick={row.action.onClick}>
                {row.action.label}
                <span class="govuk-visually-hidden"> {row.action.hidden}</span>
              </button>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
