import { useMemo, useState } from 'preact/hooks';
import { HttpError } from '../../http/http-client.ts';
import type { PendingRecoveryKey } from '../account/manage-account.ts';
import { changePassphrase, deleteAccount, prepareNewRecoveryKey, saveNewRecoveryKey } from '../account/manage-account.ts';
import { t } from '../i18n/i18n.ts';
import { useStrength } from '../strength/strength-meter.tsx';
import { strengthProblem, usernameWords } from '../strength/strength-policy.ts';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, PasswordInput, TextInput } from '../ui/components.tsx';
import { useFormAction } from '../ui/form-action.ts';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';
import { NewPassphraseField } from './passphrase-fields.tsx';
import { ConfirmRecoveryKey, ShowRecoveryKey } from './recovery-key-steps.tsx';

export function ChangePassphraseScreen({
  vault,
  onChanged,
  onCancel,
}: {
  vault: UnlockedVault;
  onChanged: (vault: UnlockedVault) => void;
  onCancel: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const userInputs = useMemo(() => [current, ...usernameWords(vault.username)], [current, vault.username]);
  const verdict = useStrength(next, userInputs);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (current === '') found.push({ href: '#current-passphrase', text: t('manage.enterCurrent') });
    const problem = next !== '' && next === current ? t('manage.mustDiffer') : strengthProblem(next, verdict);
    if (problem) found.push({ href: '#new-passphrase', text: problem });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      onChanged(await changePassphrase(vault, current, next));
    } catch (error) {
      setBusy(false);
      // The current passphrase is checked by unwrapping before anything is sent (DOMException), or by the server (401).
      const wrongCurrent =
        (error instanceof HttpError && error.status === 401) || (error instanceof Error && /wrong passphrase/.test(error.message));
      setErrors([{ href: '#current-passphrase', text: wrongCurrent ? t('manage.currentNotRight') : describeFailure(error) }]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading>{t('account.changePassphrase')}</Heading>
        <p class="govuk-body">{t('manage.changeIntro')}</p>
        <form onSubmit={submit} noValidate>
          <PasswordInput
            id="current-passphrase"
            label={t('manage.current')}
            labelClass="govuk-label--s"
            value={current}
            onInput={setCurrent}
            error={errorFor(errors, 'current-passphrase')}
            autocomplete="current-password"
          />
          <NewPassphraseField
            id="new-passphrase"
            label={t('recover.newPassphrase')}
            value={next}
            onInput={setNext}
            error={errorFor(errors, 'new-passphrase')}
            verdict={verdict}
          />
          {busy ? (
            <Busy>{t('manage.changing')}</Busy>
          ) : (
            <div class="govuk-button-group">
              <Button type="submit">{t('manage.change')}</Button>
              <LinkButton onClick={onCancel}>{t('common.cancel')}</LinkButton>
            </div>
          )}
        </form>
      </div>
    </div>
  );
}

export function DeleteAccountScreen({ vault, onDeleted, onCancel }: { vault: UnlockedVault; onDeleted: () => void; onCancel: () => void }) {
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (username.trim().toLowerCase() !== vault.username)
      found.push({ href: '#delete-username', text: t('manage.typeUsername', { username: vault.username }) });
    if (passphrase === '') found.push({ href: '#delete-passphrase', text: t('unlock.enterPassphrase') });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      await deleteAccount(vault, passphrase);
      onDeleted();
    } catch (error) {
      setBusy(false);
      setErrors([
        {
          href: '#delete-passphrase',
          text: error instanceof HttpError && error.status === 401 ? t('manage.passphraseNotRight') : describeFailure(error),
        },
      ]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading>{t('account.delete')}</Heading>
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong class="govuk-warning-text__text">
            <span class="govuk-visually-hidden">{t('common.warning')}</span>
            {t('manage.deleteWarning')}
          </strong>
        </div>
        <p class="govuk-body">{t('manage.deleteEvidence')}</p>
        <form onSubmit={submit} noValidate>
          <TextInput
            id="delete-username"
            label={t('manage.typeUsernameLabel')}
            labelClass="govuk-label--s"
            value={username}
            onInput={setUsername}
            error={errorFor(errors, 'delete-username')}
            inputClass="govuk-!-width-two-thirds"
          />
          <PasswordInput
            id="delete-passphrase"
            label={t('common.passphrase')}
            labelClass="govuk-label--s"
            value={passphrase}
            onInput={setPassphrase}
            error={errorFor(errors, 'delete-passphrase')}
            autocomplete="current-password"
          />
          {busy ? (
            <Busy>{t('manage.deleting')}</Busy>
          ) : (
            <div class="govuk-button-group">
              <Button variant="warning" type="submit">
                {t('manage.deleteEverything')}
              </Button>
              <LinkButton onClick={onCancel}>{t('common.cancel')}</LinkButton>
            </div>
          )}
        </form>
      </div>
    </div>
  );
}

/** A new recovery key, for when the old one is lost or someone may have seen it. Saved only once checked. */
export function NewRecoveryKeyScreen({ vault, onDone, onCancel }: { vault: UnlockedVault; onDone: () => void; onCancel: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [pending, setPending] = useState<PendingRecoveryKey | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const form = useFormAction();

  if (pending && !confirming) {
    return (
      <ShowRecoveryKey
        recoveryKey={pending.recoveryKey}
        caption={t('manage.newKeyCaption')}
        intro={t('manage.newKeyIntro')}
        onDone={() => setConfirming(true)}
      />
    );
  }
  if (pending) {
    return (
      <ConfirmRecoveryKey
        recoveryKey={pending.recoveryKey}
        submitLabel={t('manage.useNewKey')}
        busyText={t('manage.savingKey')}
        onBack={() => setConfirming(false)}
        onConfirmed={async () => {
          try {
            await saveNewRecoveryKey(vault, pending);
            onDone();
            return undefined;
          } catch (error) {
            return describeFailure(error, t('manage.keyFailed'));
          }
        }}
      />
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const made = await form.run({
      check: () => (passphrase === '' ? [{ href: '#recovery-passphrase', text: t('unlock.enterPassphrase') }] : []),
      busy: t('manage.makingKey'),
      work: () => prepareNewRecoveryKey(vault, passphrase),
      failureField: 'recovery-passphrase',
      failure: (error) =>
        error instanceof Error && /wrong passphrase/.test(error.message) ? t('manage.passphraseNotRight') : describeFailure(error),
    });
    if (made) setPending(made);
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <Heading>{t('account.newRecoveryKey')}</Heading>
        <p class="govuk-body">{t('manage.newKeyWhy')}</p>
        <form onSubmit={submit} noValidate>
          <PasswordInput
            id="recovery-passphrase"
            label={t('manage.yourPassphrase')}
            labelClass="govuk-label--s"
            value={passphrase}
            onInput={setPassphrase}
            error={errorFor(form.errors, 'recovery-passphrase')}
            autocomplete="current-password"
          />
          {form.busy ? (
            <Busy>{form.busy}</Busy>
          ) : (
            <div class="govuk-button-group">
              <Button type="submit">{t('common.continue')}</Button>
              <LinkButton onClick={onCancel}>{t('common.cancel')}</LinkButton>
            </div>
          )}
        </form>
      </div>
    </div>
  );
}
