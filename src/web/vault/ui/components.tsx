// The design system's form patterns as Preact components: the same markup and classes as the govuk-frontend
// Nunjucks macros, so they look and behave like the rest of Casebook.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { useFocusOnShow } from './focus.ts';

export interface FieldError {
  readonly href: string;
  readonly text: string;
}

export function Heading({
  children,
  focusKey,
  size = 'l',
  caption,
}: {
  children: ComponentChildren;
  focusKey?: unknown;
  size?: 'xl' | 'l' | 'm';
  caption?: string;
}) {
  const ref = useFocusOnShow<HTMLHeadingElement>(focusKey);
  return (
    <h1 class={`govuk-heading-${size} casebook-vault__heading`} tabIndex={-1} ref={ref}>
      {caption ? <span class="govuk-caption-l">{caption}</span> : null}
      {children}
    </h1>
  );
}

/** Shown above the form after a failed submit; takes focus so the errors are announced at once. */
/** `title`: the summary's heading in the page's language (the talk page passes its catalogue's). */
export function ErrorSummary({ errors, title }: { errors: readonly FieldError[]; title?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 class="govuk-error-summary__title">{title ?? t('common.problem')}</h2>
        <div class="govuk-error-summary__body">
          <ul class="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href + error.text}>
                <a
                  href={error.href}
                  onClick={(event) => {
                    // Focus the field itself (the design system's behaviour), not just scroll to it.
                    const target = document.getElementById(error.href.slice(1));
                    if (target) {
                      event.preventDefault();
                      target.focus();
                      target.scrollIntoView({ block: 'center' });
                    }
                  }}
                >
                  {error.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

export function errorFor(errors: readonly FieldError[], id: string): string | undefined {
  return errors.find((error) => error.href === `#${id}`)?.text;
}

interface FieldProps {
  readonly id: string;
  readonly label: ComponentChildren;
  readonly hint?: ComponentChildren;
  readonly error?: string | undefined;
  readonly labelClass?: string;
}

/** A field's hint and error message, with the ids `describedBy` points at. */
export function HintAndError({ id, hint, error }: { id: string; hint?: ComponentChildren; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} class="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={`${id}-error`} class="govuk-error-message">
          <span class="govuk-visually-hidden">{t('common.errorPrefix')}</span> {error}
        </p>
      ) : null}
    </>
  );
}

function FieldShell({ id, label, hint, error, labelClass, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label class={`govuk-label${labelClass ? ` ${labelClass}` : ''}`} for={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextInput(
  props: FieldProps & {
    value: string;
    onInput: (value: string) => void;
    autocomplete?: string;
    inputClass?: string;
    spellcheck?: boolean;
    inputMode?: string;
  },
) {
  const { id, hint, error, value, onInput, autocomplete, inputClass, spellcheck, inputMode } = props;
  return (
    <FieldShell {...props}>
      <input
        class={`govuk-input${inputClass ? ` ${inputClass}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        autocomplete={autocomplete ?? 'off'}
        autocapitalize="none"
        spellcheck={spellcheck ?? false}
        inputMode={inputMode as 'text' | undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldShell>
  );
}

/** The design system's password input: a show/hide button, and no autocorrect or capitalisation. */
export function PasswordInput(
  props: FieldProps & {
    value: string;
    onInput: (value: string) => void;
    autocomplete: 'current-password' | 'new-password';
    describedByExtra?: string;
    children?: ComponentChildren;
  },
) {
  const { id, hint, error, value, onInput, autocomplete, describedByExtra, children } = props;
  const [shown, setShown] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  return (
    <FieldShell {...props}>
      <div class="govuk-password-input__wrapper">
        <input
          class={`govuk-input govuk-password-input__input govuk-js-password-input-input${error ? ' govuk-input--error' : ''}`}
          id={id}
          name={id}
          type={(shown ? 'text' : 'password') as 'text'}
          value={value}
          onInput={(event) => onInput(event.currentTarget.value)}
          autocomplete={autocomplete}
          autocapitalize="none"
          spellcheck={false}
          aria-describedby={describedBy(id, hint, error, describedByExtra)}
        />
        <button
          type="button"
          class="govuk-button govuk-button--secondary govuk-password-input__toggle govuk-js-password-input-toggle"
          aria-controls={id}
          aria-label={shown ? t('passphrase.hideLabel') : t('passphrase.showLabel')}
          onClick={() => {
            setShown(!shown);
            setAnnouncement(shown ? t('passphrase.hidden') : t('passphrase.shown'));
          }}
        >
          {shown ? t('passphrase.hide') : t('passphrase.show')}
        </button>
      </div>
      <div class="govuk-visually-hidden" aria-live="polite">
        {announcement}
      </div>
      {children}
    </FieldShell>
  );
}

export function Textarea(props: FieldProps & { value: string; onInput: (value: string) => void; rows?: number }) {
  const { id, hint, error, value, onInput, rows } = props;
  return (
    <FieldShell {...props}>
      <textarea
        class={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows ?? 5}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldShell>
  );
}

export function Button({
  children,
  variant,
  onClick,
  type = 'button',
  disabled,
}: {
  children: ComponentChildren;
  variant?: 'secondary' | 'warning' | 'inverse';
  onClick?: () => void;
  type?: 'button' | 'submit';
  disabled?: boolean;
}) {
  return (
    <button
      type={type}
      class={`govuk-button${variant ? ` govuk-button--${variant}` : ''}`}
      data-module="govuk-button"
      onClick={onClick}
      disabled={disabled}
      aria-disabled={disabled ? 'true' : undefined}
    >
      {children}
    </button>
  );
}

/** A button that looks like a link, for actions that stay on this page (the app has no URLs to link to). */
export function LinkButton({ children, onClick }: { children: ComponentChildren; onClick: () => void }) {
  return (
    <button type="button" class="casebook-vault__link-button govuk-link" onClick={onClick}>
      {children}
    </button>
  );
}

/** Work in progress, announced politely; the spinner is decoration. */
export function Busy({ children }: { children: ComponentChildren }) {
  return (
    <p class="govuk-body casebook-vault__busy" role="status">
      <span class="casebook-vault__spinner" aria-hidden="true" />
      {children}
    </p>
  );
}
