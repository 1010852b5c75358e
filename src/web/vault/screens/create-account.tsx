import { useEffect, useMemo, useState } from 'preact/hooks';
import { HttpError } from '../../http/http-client.ts';
import type { ApiClient } from '../api/client.ts';
import { createAccount, prepareAccount, suggestUsername } from '../account/create-account.ts';
import type { PreparedAccount } from '../account/create-account.ts';
import { looksIdentifying, normalizeUsername, usernameProblem } from '../account/username.ts';
import { useStrength } from '../strength/strength-meter.tsx';
import { strengthProblem } from '../strength/strength-policy.ts';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, TextInput } from '../ui/components.tsx';
import type { FieldError } from '../ui/components.tsx';
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
export function CreateAccountScreen({ api, onCreated, onCancel }: { api: ApiClient; onCreated: (vault: UnlockedVault) => void; onCancel: () => void }) {
  const [step, setStep] = useState<Step>('username');
  const [username, setUsername] = useState('');
  const [prepared, setPrepared] = useState<PreparedAccount | undefined>(undefined);
  const [usernameError, setUsernameError] = useState<string | undefined>(undefined);

  switch (step) {
    case 'username':
      return <UsernameStep api={api} username={username} initialError={usernameError} onCancel={onCancel} onDone={(name) => {
        setUsername(name);
        // A new name after "username taken" keeps the keys already made: the name is not part of them.
        if (prepared) {
          setPrepared({ ...prepared, username: name, body: { ...prepared.body, username: name } });
          setStep('confirm');
        } else setStep('passphrase');
      }} />;
    case 'passphrase':
      return <PassphraseStep username={username} onBack={() => setStep('username')} onDone={(account) => {
        setPrepared(account);
        setStep('recovery-key');
      }} />;
    case 'recovery-key':
      return <ShowRecoveryKey recoveryKey={prepared!.recoveryKey} caption="Start a private record" intro="If you forget your passphrase, this recovery key is the only other way to open your record. We cannot recover it for you." onDone={() => setStep('confirm')} />;
    case 'confirm':
      return <ConfirmStep api={api} prepared={prepared!} onBack={() => setStep('recovery-key')} onCreated={onCreated} onUsernameTaken={(message) => {
        setUsernameError(message);
        setStep('username');
      }} />;
  }
}

function UsernameStep({ api, username, initialError, onDone, onCancel }: { api: ApiClient; username: string; initialError: string | undefined; onDone: (username: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState(username);
  const [suggestion, setSuggestion] = useState<string | undefined>(undefined);
  const [errors, setErrors] = useState<FieldError[]>(initialError ? [{ href: '#create-username', text: initialError }] : []);
  const suggest = () => suggestUsername(api).then(setSuggestion, () => setSuggestion(undefined));
  useEffect(() => void suggest(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const name = normalizeUsername(value);
    const problem = usernameProblem(name) ?? (looksIdentifying(name) ? 'Username must not be an email address or a phone number' : undefined);
    setErrors(problem ? [{ href: '#create-username', text: problem }] : []);
    if (!problem) onDone(name);
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading caption="Start a private record">Choose a username</Heading>
        <p class="govuk-body">You do not need an email address or a phone number. You sign in with a username and a passphrase.</p>
        <div class="govuk-inset-text">
          Do not use your name, your email address or your phone number. If someone sees your username, on your screen or a note, it should not tell them who you are or what this is.
        </div>
        {suggestion ? (
          <div class="casebook-vault__suggestion">
            <p class="govuk-body">You could use this username we made up for you: <strong class="casebook-vault__code" data-testid="suggested-username">{suggestion}</strong></p>
            <div class="govuk-button-group">
              <Button variant="secondary" onClick={() => {
                setValue(suggestion);
                document.getElementById('create-username')?.focus();
              }}>Use this username</Button>
              <LinkButton onClick={() => void suggest()}>Suggest another</LinkButton>
            </div>
          </div>
        ) : null}
        <form onSubmit={submit} noValidate>
          <TextInput id="create-username" label="Username" labelClass="govuk-label--s" hint="3 to 32 characters: letters a to z, numbers, hyphens, underscores and full stops" value={value} onInput={setValue} error={errorFor(errors, 'create-username')} autocomplete="username" inputClass="govuk-!-width-two-thirds" />
          <div class="govuk-button-group">
            <Button type="submit">Continue</Button>
            <LinkButton onClick={onCancel}>Cancel</LinkButton>
          </div>
        </form>
      </div>
    </div>
  );
}

function PassphraseStep({ username, onDone, onBack }: { username: string; onDone: (prepared: PreparedAccount) => void; onBack: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const userInputs = useMemo(() => username.split(/[-_.]/), [username]);
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
      setErrors([{ href: '#create-passphrase', text: describeFailure(error, 'Your keys could not be made on this device. Try again, or try another browser.') }]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <LinkButton onClick={onBack}>Back</LinkButton>
        <Heading caption="Start a private record">Choose a passphrase</Heading>
        <p class="govuk-body">Your passphrase opens your record. It never leaves this device, so we cannot see it, and we cannot reset it for you.</p>
        <form onSubmit={submit} noValidate>
          <NewPassphraseField id="create-passphrase" value={passphrase} onInput={setPassphrase} error={errorFor(errors, 'create-passphrase')} verdict={verdict} />
          {busy ? <Busy>Making your keys. This can take a few seconds.</Busy> : <Button type="submit">Continue</Button>}
        </form>
      </div>
    </div>
  );
}

function ConfirmStep({ api, prepared, onBack, onCreated, onUsernameTaken }: {
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
        onUsernameTaken(error.code === 'username_taken' ? 'That username is already used. Choose another one' : describeFailure(error));
        return undefined;
      }
      return describeFailure(error, 'Your record could not be created. Try again.');
    }
  };
  return <ConfirmRecoveryKey recoveryKey={prepared.recoveryKey} submitLabel="Create my record" busyText="Creating your record." onBack={onBack} onConfirmed={create} />;
}
