import { useMemo, useState } from 'preact/hooks';
import { RecoveryKeyError } from '../../../crypto/index.ts';
import { HttpError } from '../../http/http-client.ts';
import type { ApiClient } from '../api/client.ts';
import { finishRecovery, startRecovery } from '../account/recover.ts';
import type { RecoveryInProgress } from '../account/recover.ts';
import { normalizeUsername } from '../account/username.ts';
import { useStrength } from '../strength/strength-meter.tsx';
import { strengthProblem } from '../strength/strength-policy.ts';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, TextInput } from '../ui/components.tsx';
import type { FieldError } from '../ui/components.tsx';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';
import { NewPassphraseField } from './passphrase-fields.tsx';
import { ConfirmRecoveryKey, ShowRecoveryKey } from './recovery-key-steps.tsx';

/**
 * Forgotten passphrase: the recovery key opens the vault key, and a new passphrase re-wraps it. Once that is
 * done the vault is open, so the new recovery key is shown by RecoveredKeyScreen from the app's open-vault
 * state, where the idle timer and Lock apply.
 */
export function RecoverScreen({ api, onRecovered, onCancel }: { api: ApiClient; onRecovered: (vault: UnlockedVault, recoveryKey: string) => void; onCancel: () => void }) {
  const [recovery, setRecovery] = useState<RecoveryInProgress | undefined>(undefined);
  return recovery
    ? <NewPassphraseStep api={api} recovery={recovery} onRecovered={onRecovered} onExpired={() => setRecovery(undefined)} />
    : <RecoveryKeyStep api={api} onAccepted={setRecovery} onCancel={onCancel} />;
}

/** After recovery: the used key was typed on this device, so the new one is written down and checked before the record opens. */
export function RecoveredKeyScreen({ recoveryKey, onConfirmed }: { recoveryKey: string; onConfirmed: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return <ShowRecoveryKey recoveryKey={recoveryKey} caption="Your record is open" heading="Write down your new recovery key" intro="The recovery key you just used no longer works, because it was typed on this device. This new one replaces it: it is the only other way to open your record if you forget your passphrase." onDone={() => setConfirming(true)} />;
  }
  return <ConfirmRecoveryKey recoveryKey={recoveryKey} submitLabel="Open my record" busyText="Opening your record." onBack={() => setConfirming(false)} onConfirmed={async () => {
    onConfirmed();
    return undefined;
  }} />;
}

function RecoveryKeyStep({ api, onAccepted, onCancel }: { api: ApiClient; onAccepted: (recovery: RecoveryInProgress) => void; onCancel: () => void }) {
  const [username, setUsername] = useState('');
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const name = normalizeUsername(username);
    const found: FieldError[] = [];
    if (name === '') found.push({ href: '#recover-username', text: 'Enter your username' });
    if (key.trim() === '') found.push({ href: '#recover-key', text: 'Enter your recovery key' });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      onAccepted(await startRecovery(api, name, key));
    } catch (error) {
      setBusy(false);
      const text = error instanceof RecoveryKeyError
        ? error.message
        : error instanceof HttpError && error.status === 401
          ? 'The username or recovery key is not right'
          : describeFailure(error);
      setErrors([{ href: '#recover-key', text }]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading>Use your recovery key</Heading>
        <p class="govuk-body">If you have forgotten your passphrase, you can open your record with the recovery key you wrote down when you started it, and then choose a new passphrase.</p>
        <form onSubmit={submit} noValidate>
          <TextInput id="recover-username" label="Username" value={username} onInput={setUsername} error={errorFor(errors, 'recover-username')} autocomplete="username" inputClass="govuk-!-width-two-thirds" />
          <TextInput id="recover-key" label="Recovery key" hint="36 letters and numbers, for example 7K3M-Q0RT-… You can leave out the dashes." value={key} onInput={setKey} error={errorFor(errors, 'recover-key')} inputClass="casebook-vault__code" />
          {busy ? <Busy>Checking your recovery key.</Busy> : (
            <div class="govuk-button-group">
              <Button type="submit">Continue</Button>
              <LinkButton onClick={onCancel}>Cancel</LinkButton>
            </div>
          )}
        </form>
        <p class="govuk-body">If you have lost your recovery key too, no one can open the record, not even us. You can start a new one.</p>
      </div>
    </div>
  );
}

function NewPassphraseStep({ api, recovery, onRecovered, onExpired }: { api: ApiClient; recovery: RecoveryInProgress; onRecovered: (vault: UnlockedVault, recoveryKey: string) => void; onExpired: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const userInputs = useMemo(() => recovery.username.split(/[-_.]/), [recovery.username]);
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
        <Heading>Choose a new passphrase</Heading>
        <p class="govuk-body">Your recovery key was right. Choose a new passphrase for <strong class="casebook-vault__code">{recovery.username}</strong>. Everywhere else you are signed in will be signed out, and you will get a new recovery key.</p>
        <form onSubmit={submit} noValidate>
          <NewPassphraseField id="recover-passphrase" label="New passphrase" value={passphrase} onInput={setPassphrase} error={errorFor(errors, 'recover-passphrase')} verdict={verdict} />
          {busy ? <Busy>Saving your new passphrase. This can take a few seconds.</Busy> : <Button type="submit">Save my new passphrase</Button>}
        </form>
      </div>
    </div>
  );
}
