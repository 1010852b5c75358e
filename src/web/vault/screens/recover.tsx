import { useMemo, useState } from 'preact/hooks';
import { RecoveryKeyError } from '../../../crypto/index.ts';
import { HttpError } from '../../http/http-client.ts';
import type { RecoveryInProgress } from '../account/recover.ts';
import { finishRecovery, startRecovery } from '../account/recover.ts';
import { normalizeUsername } from '../account/username.ts';
import type { ApiClient } from '../api/client.ts';
import { LANGUAGE, t } from '../i18n/i18n.ts';
import { useStrength } from '../strength/strength-meter.tsx';
import { strengthProblem, usernameWords } from '../strength/strength-policy.ts';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, TextInput } from '../ui/components.tsx';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';
import { NewPassphraseField } from './passphrase-fields.tsx';
import { ConfirmRecoveryKey, ShowRecoveryKey } from './recovery-key-steps.tsx';

/**
 * Forgotten passphrase: the recovery key opens the vault key, and a new passphrase re-wraps it. Once that is
 * done the vault is open, so the new recovery key is shown by RecoveredKeyScreen from the app's open-vault
 * state, where the idle timer and Lock apply.
 */
export function RecoverScreen({
  api,
  onRecovered,
  onCancel,
}: {
  api: ApiClient;
  onRecovered: (vault: UnlockedVault, recoveryKey: string) => void;
  onCancel: () => void;
}) {
  const [recovery, setRecovery] = useState<RecoveryInProgress | undefined>(undefined);
  return recovery ? (
    <NewPassphraseStep api={api} recovery={recovery} onRecovered={onRecovered} onExpired={() => setRecovery(undefined)} />
  ) : (
    <RecoveryKeyStep api={api} onAccepted={setRecovery} onCancel={onCancel} />
  );
}

/** After recovery: the used key was typed on this device, so the new one is written down and checked before the record opens. */
export function RecoveredKeyScreen({ recoveryKey, onConfirmed }: { recoveryKey: string; onConfirmed: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <ShowRecoveryKey
        recoveryKey={recoveryKey}
        caption={t('recover.open')}
        heading={t('recover.newKeyHeading')}
        intro={t('recover.newKeyIntro')}
        onDone={() => setConfirming(true)}
      />
    );
  }
  return (
    <ConfirmRecoveryKey
      recoveryKey={recoveryKey}
      submitLabel={t('unlock.submit')}
      busyText={t('diary.opening')}
      onBack={() => setConfirming(false)}
      onConfirmed={async () => {
        onConfirmed();
        return undefined;
      }}
    />
  );
}

function RecoveryKeyStep({
  api,
  onAccepted,
  onCancel,
}: {
  api: ApiClient;
  onAccepted: (recovery: RecoveryInProgress) => void;
  onCancel: () => void;
}) {
  const [username, setUsername] = useState('');
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const name = normalizeUsername(username);
    const found: FieldError[] = [];
    if (name === '') found.push({ href: '#recover-username', text: t('unlock.enterUsername') });
    if (key.trim() === '') found.push({ href: '#recover-key', text: t('recover.enterKey') });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      onAccepted(await startRecovery(api, name, key));
    } catch (error) {
      setBusy(false);
      // The key's own messages are English (src/crypto); a Welsh page says each kind of problem in Welsh.
      const text =
        error instanceof RecoveryKeyError
          ? LANGUAGE === 'en'
            ? error.message
            : t(`recover.keyProblems.${error.problem}`)
          : error instanceof HttpError && error.status === 401
            ? t('recover.notRight')
            : describeFailure(error);
      setErrors([{ href: '#recover-key', text }]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading>{t('recover.heading')}</Heading>
        <p class="govuk-body">{t('recover.intro')}</p>
        <form onSubmit={submit} noValidate>
          <TextInput
            id="recover-username"
            label={t('common.username')}
            value={username}
            onInput={setUsername}
            error={errorFor(errors, 'recover-username')}
            autocomplete="username"
            inputClass="govuk-!-width-two-thirds"
          />
          <TextInput
            id="recover-key"
            label={t('recover.keyLabel')}
            hint={t('recover.keyHint')}
            value={key}
            onInput={setKey}
            error={errorFor(errors, 'recover-key')}
            inputClass="casebook-vault__code"
          />
          {busy ? (
            <Busy>{t('recover.checking')}</Busy>
          ) : (
            <div class="govuk-button-group">
              <Button type="submit">{t('common.continue')}</Button>
              <LinkButton onClick={onCancel}>{t('common.cancel')}</LinkButton>
            </div>
          )}
        </form>
        <p class="govuk-body">{t('recover.lostToo')}</p>
      </div>
    </div>
  );
}

function NewPassphraseStep({
  api,
  recovery,
  onRecovered,
  onExpired,
}: {
  api: ApiClient;
  recovery: RecoveryInProgress;
  onRecovered: (vault: UnlockedVault, recoveryKey: string) => void;
  onExpired: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const userInputs = useMemo(() => usernameWords(recovery.username), [recovery.username]);
  const verdict = useStrength(passphrase, userInputs);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = strengthProblem(passphrase, verdict);
    setErrors(problem ? [{ href: '#recover-passphrase', text: problem }] : []);
    if (problem) return;
    setBusy(true);
    try {
      const { vault, recoveryKey } = await finishRecovery(api, recovery, passphrase);
      onRecovered(vault, recoveryKey);
    } catch (error) {
      setBusy(false);
      // The 10-minute recovery token ran out: start again with the key.
      if (error instanceof HttpError && error.status === 401) onExpired();
      else setErrors([{ href: '#recover-passphrase', text: describeFailure(error) }]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading>{t('recover.newPassphraseHeading')}</Heading>
        <p class="govuk-body">
          {t('recover.keyRight')} <strong class="casebook-vault__code">{recovery.username}</strong>. {t('recover.signedOutElsewhere')}
        </p>
        <form onSubmit={submit} noValidate>
          <NewPassphraseField
            id="recover-passphrase"
            label={t('recover.newPassphrase')}
            value={passphrase}
            onInput={setPassphrase}
            error={errorFor(errors, 'recover-passphrase')}
            verdict={verdict}
          />
          {busy ? <Busy>{t('recover.saving')}</Busy> : <Button type="submit">{t('recover.save')}</Button>}
        </form>
      </div>
    </div>
  );
}
