// The recovery key shown once and then typed back in part: at sign-up, after a recovery (the used key is
// replaced) and when someone asks for a new key. One look and one check wherever a key is made.
import { useMemo, useState } from 'preact/hooks';
import { listOf, plural, t } from '../i18n/i18n.ts';
import { checkConfirmation, pickGroupsToConfirm, recoveryKeyGroups } from '../recovery/confirm-recovery-key.ts';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton } from '../ui/components.tsx';
import { useFocusOnShow } from '../ui/focus.ts';

export function ShowRecoveryKey({
  recoveryKey,
  caption,
  heading = t('recoveryKey.heading'),
  intro,
  onDone,
}: {
  recoveryKey: string;
  caption: string;
  heading?: string;
  intro: string;
  onDone: () => void;
}) {
  const groups = recoveryKeyGroups(recoveryKey);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Heading caption={caption}>{heading}</Heading>
        <p class="govuk-body">{intro}</p>
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">{t('common.warning')}</span>
            {t('recoveryKey.onlyOnce')}
          </strong>
        </div>
        <div class="casebook-vault-recovery-key" data-testid="recovery-key">
          <p class="govuk-body-s casebook-vault-recovery-key__label" id="recovery-key-label">
            {plural('recoveryKey.label', groups.length)}
          </p>
          <ol class="casebook-vault-recovery-key__groups" aria-labelledby="recovery-key-label">
            {groups.map((group, i) => (
              <li key={i} class="casebook-vault-recovery-key__group">
                <span class="casebook-vault-recovery-key__number" aria-hidden="true">
                  {i + 1}
                </span>
                <span class="casebook-vault__code">{group}</span>
              </li>
            ))}
          </ol>
        </div>
        <h2 class="govuk-heading-m">{t('recoveryKey.keepSafe')}</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>{t('recoveryKey.paper')}</li>
          <li>{t('recoveryKey.doNotSend')}</li>
          <li>{t('recoveryKey.print')}</li>
          <li>{t('recoveryKey.letters')}</li>
        </ul>
        <div class="govuk-button-group casebook-vault__no-print">
          <Button onClick={onDone}>{t('recoveryKey.done')}</Button>
          <Button variant="secondary" onClick={() => window.print()}>
            {t('recoveryKey.printIt')}
          </Button>
        </div>
      </div>
    </div>
  );
}

/**
 * Asks for three groups of the key, chosen at random. `onConfirmed` does what the key is for and answers
 * with an error sentence to show, or undefined when it is done.
 */
export function ConfirmRecoveryKey({
  recoveryKey,
  submitLabel,
  busyText,
  onBack,
  onConfirmed,
}: {
  recoveryKey: string;
  submitLabel: string;
  busyText: string;
  onBack: () => void;
  onConfirmed: () => Promise<string | undefined>;
}) {
  const asked = useMemo(() => pickGroupsToConfirm(recoveryKeyGroups(recoveryKey).length), [recoveryKey]);
  const [typed, setTyped] = useState<string[]>(asked.map(() => ''));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const headingRef = useFocusOnShow<HTMLHeadingElement>();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const problems = checkConfirmation(recoveryKey, asked, typed);
    const found = problems.flatMap((text, i) => (text ? [{ href: `#confirm-group-${asked[i]}`, text }] : []));
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    const failure = await onConfirmed();
    if (failure === undefined) return;
    setBusy(false);
    setErrors([{ href: `#confirm-group-${asked[0]}`, text: failure }]);
  };

  const groupsText = listOf(asked.map(String));
  const anyError = errors.length > 0;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <LinkButton onClick={onBack}>{t('recoveryKey.showAgain')}</LinkButton>
        <form onSubmit={submit} noValidate>
          <div class={`govuk-form-group${anyError ? ' govuk-form-group--error' : ''}`}>
            <fieldset class="govuk-fieldset" role="group" aria-describedby={`confirm-hint${anyError ? ' confirm-error' : ''}`}>
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                <h1 class="govuk-fieldset__heading casebook-vault__heading" tabIndex={-1} ref={headingRef}>
                  {t('recoveryKey.checkHeading')}
                </h1>
              </legend>
              <div id="confirm-hint" class="govuk-hint">
                {t('recoveryKey.checkHint', { groups: groupsText })}
              </div>
              {anyError ? (
                <p id="confirm-error" class="govuk-error-message">
                  <span class="govuk-visually-hidden">{t('common.errorPrefix')}</span> {errors.map((e) => e.text).join('. ')}
                </p>
              ) : null}
              <div class="govuk-date-input">
                {asked.map((number, i) => (
                  <div class="govuk-date-input__item" key={number}>
                    <div class="govuk-form-group">
                      <label class="govuk-label govuk-date-input__label" for={`confirm-group-${number}`}>
                        {t('recoveryKey.group', { number })}
                      </label>
                      <input
                        class={`govuk-input govuk-date-input__input govuk-input--width-4 casebook-vault__code${errorFor(errors, `confirm-group-${number}`) ? ' govuk-input--error' : ''}`}
                        id={`confirm-group-${number}`}
                        name={`confirm-group-${number}`}
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck={false}
                        maxLength={6}
                        value={typed[i]}
                        onInput={(event) => {
                          const next = [...typed];
                          next[i] = event.currentTarget.value;
                          setTyped(next);
                        }}
                      />
                    </div>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          {busy ? <Busy>{busyText}</Busy> : <Button type="submit">{submitLabel}</Button>}
        </form>
      </div>
    </div>
  );
}
