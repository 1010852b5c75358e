import { useEffect, useMemo, useState } from 'preact/hooks';
import { HttpError } from '../../http/http-client.ts';
import type { PreparedAccount } from '../account/create-account.ts';
import { createAccount, prepareAccount, suggestUsername } from '../account/create-account.ts';
import { looksIdentifying, normalizeUsername, usernameProblem } from '../account/username.ts';
import type { ApiClient } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { useStrength } from '../strength/strength-meter.tsx';
import { strengthProblem, usernameWords } from '../strength/strength-policy.ts';
import type { FieldError } from '../ui/components.tsx';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, TextInput } from '../ui/components.tsx';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';
import { NewPassphraseField } from './passphrase-fields.tsx';
import { ConfirmRecoveryKey, ShowRecoveryKey } from './recovery-key-steps.tsx';

type Step = 'username' | 'passphrase' | 'recovery-key' | 'confirm';

/**
 * Sign-up in four steps. The keys are made in the browser after the passphrase step; the account is sent to
 * the server only after the recovery key has been typed back, so there is never an account whose recovery key
 * no one saw.
 */
export function CreateAccountScreen({
  api,
  onCreated,
  onCancel,
}: {
  api: ApiClient;
  onCreated: (vault: UnlockedVault) => void;
  onCancel: () => void;
}) {
  const [step, setStep] = useState<Step>('username');
  const [username, setUsername] = useState('');
  const [prepared, setPrepared] = useState<PreparedAccount | undefined>(undefined);
  const [usernameError, setUsernameError] = useState<string | undefined>(undefined);

  switch (step) {
    case 'username':
      return (
        <UsernameStep
          api={api}
          username={username}
          initialError={usernameError}
          onCancel={onCancel}
          onDone={(name) => {
            setUsername(name);
            // A new name after "username taken" keeps the keys already made: the name is not part of them.
            if (prepared) {
              setPrepared({ ...prepared, username: name, body: { ...prepared.body, username: name } });
              setStep('confirm');
            } else setStep('passphrase');
          }}
        />
      );
    case 'passphrase':
      return (
        <PassphraseStep
          username={username}
          onBack={() => setStep('username')}
          onDone={(account) => {
            setPrepared(account);
            setStep('recovery-key');
          }}
        />
      );
    case 'recovery-key':
      return (
        <ShowRecoveryKey
          recoveryKey={prepared!.recoveryKey}
          caption={t('create.caption')}
          intro={t('create.recoveryIntro')}
          onDone={() => setStep('confirm')}
        />
      );
    case 'confirm':
      return (
        <ConfirmStep
          api={api}
          prepared={prepared!}
          onBack={() => setStep('recovery-key')}
          onCreated={onCreated}
          onUsernameTaken={(message) => {
            setUsernameError(message);
            setStep('username');
          }}
        />
      );
  }
}

function UsernameStep({
  api,
  username,
  initialError,
  onDone,
  onCancel,
}: {
  api: ApiClient;
  username: string;
  initialError: string | undefined;
  onDone: (username: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(username);
  const [suggestion, setSuggestion] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<FieldError[]>(initialError ? [{ href: '#create-username', text: initialError }] : []);
  const suggest = () => suggestUsername(api).then(setSuggestion, () => setSuggestion(undefined));
  useEffect(() => void suggest(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const name = normalizeUsername(value);
    const problem = usernameProblem(name) ?? (looksIdentifying(name) ? t('create.identifying') : undefined);
    setErrors(problem ? [{ href: '#create-username', text: problem }] : []);
    if (!problem) onDone(name);
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading caption={t('create.caption')}>{t('create.usernameHeading')}</Heading>
        <p class="govuk-body">{t('create.usernameIntro')}</p>
        <div class="govuk-inset-text">{t('create.usernameWarning')}</div>
        {suggestion ? (
          <div class="casebook-vault__suggestion">
            <p class="govuk-body">
              {t('create.suggestion')}{' '}
              <strong class="casebook-vault__code" data-testid="suggested-username">
                {suggestion}
              </strong>
            </p>
            <div class="govuk-button-group">
              <Button
                variant="secondary"
                onClick={() => {
                  setValue(suggestion);
                  document.getElementById('create-username')?.focus();
                }}
              >
                {t('create.useSuggestion')}
              </Button>
              <LinkButton onClick={() => void suggest()}>{t('create.suggestAnother')}</LinkButton>
            </div>
          </div>
        ) : null}
        <form onSubmit={submit} noValidate>
          <TextInput
            id="create-username"
            label={t('common.username')}
            labelClass="govuk-label--s"
            hint={t('create.usernameHint')}
            value={value}
            onInput={setValue}
            error={errorFor(errors, 'create-username')}
            autocomplete="username"
            inputClass="govuk-!-width-two-thirds"
          />
          <div class="govuk-button-group">
            <Button type="submit">{t('common.continue')}</Button>
            <LinkButton onClick={onCancel}>{t('common.cancel')}</LinkButton>
          </div>
        </form>
      </div>
    </div>
  );
}

function PassphraseStep({
  username,
  onDone,
  onBack,
}: {
  username: string;
  onDone: (prepared: PreparedAccount) => void;
  onBack: () => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const userInputs = useMemo(() => usernameWords(username), [username]);
  const verdict = useStrength(passphrase, userInputs);

  const submit = async (event: Event) => {
    event.preventDefault();
    const problem = strengthProblem(passphrase, verdict);
    setErrors(problem ? [{ href: '#create-passphrase', text: problem }] : []);
    if (problem) return;
    setBusy(true);
    try {
      onDone(await prepareAccount(username, passphrase));
    } catch (error) {
      setBusy(false);
      setErrors([{ href: '#create-passphrase', text: describeFailure(error, t('create.keysFailed')) }]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <LinkButton onClick={onBack}>{t('common.back')}</LinkButton>
        <Heading caption={t('create.caption')}>{t('create.passphraseHeading')}</Heading>
        <p class="govuk-body">{t('create.passphraseIntro')}</p>
        <form onSubmit={submit} noValidate>
          <NewPassphraseField
            id="create-passphrase"
            value={passphrase}
            onInput={setPassphrase}
            error={errorFor(errors, 'create-passphrase')}
            verdict={verdict}
          />
          {busy ? <Busy>{t('create.makingKeys')}</Busy> : <Button type="submit">{t('common.continue')}</Button>}
        </form>
      </div>
    </div>
  );
}

function ConfirmStep({
  api,
  prepared,
  onBack,
  onCreated,
  onUsernameTaken,
}: {
  api: ApiClient;
  prepared: PreparedAccount;
  onBack: () => void;
  onCreated: (vault: UnlockedVault) => void;
  onUsernameTaken: (message: string) => void;
}) {
  const create = async (): Promise<string | undefined> => {
    try {
      onCreated(await createAccount(api, prepared));
      return undefined;
    } catch (error) {
      if (error instanceof HttpError && (error.code === 'username_taken' || error.code === 'username_invalid')) {
        onUsernameTaken(error.code === 'username_taken' ? t('create.taken') : describeFailure(error));
        return undefined;
      }
      return describeFailure(error, t('create.failed'));
    }
  };
  return (
    <ConfirmRecoveryKey
      recoveryKey={prepared.recoveryKey}
      submitLabel={t('create.submit')}
      busyText={t('create.busy')}
      onBack={onBack}
      onConfirmed={create}
    />
  );
}
