import { useMemo, useState } from 'preact/hooks';
import { HttpError } from '../../http/http-client.ts';
import { changePassphrase, deleteAccount, prepareNewRecoveryKey, saveNewRecoveryKey } from '../account/manage-account.ts';
import type { PendingRecoveryKey } from '../account/manage-account.ts';
import { useStrength } from '../strength/strength-meter.tsx';
import { strengthProblem } from '../strength/strength-policy.ts';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, PasswordInput, TextInput } from '../ui/components.tsx';
import type { FieldError } from '../ui/components.tsx';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';
import { useFormAction } from '../ui/form-action.ts';
import { NewPassphraseField } from './passphrase-fields.tsx';
import { ConfirmRecoveryKey, ShowRecoveryKey } from './recovery-key-steps.tsx';

export function ChangePassphraseScreen({ vault, onChanged, onCancel }: { vault: UnlockedVault; onChanged: (vault: UnlockedVault) => void; onCancel: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const userInputs = useMemo(() => [current, ...vault.username.split(/[-_.]/)], [current, vault.username]);
  const verdict = useStrength(next, userInputs);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: FieldError[] = [];
    if (current === '') found.push({ href: '#current-passphrase', text: 'Enter your current passphrase' });
    const problem = next !== '' && next === current ? 'Your new passphrase must be different from your current one' : strengthProblem(next, verdict);
    if (problem) found.push({ href: '#new-passphrase', text: problem });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      onChanged(await changePassphrase(vault, current, next));
    } catch (error) {
      setBusy(false);
      // The current passphrase is checked by unwrapping before anything is sent (DOMException), or by the server (401).
      const wrongCurrent = (error instanceof HttpError && error.status === 401) || (error instanceof Error && /wrong passphrase/.test(error.message));
      setErrors([{ href: '#current-passphrase', text: wrongCurrent ? 'Your current passphrase is not right' : describeFailure(error) }]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading>Change your passphrase</Heading>
        <p class="govuk-body">Your notes stay as they are. Everywhere else you are signed in will be signed out. Your recovery key does not change.</p>
        <form onSubmit={submit} noValidate>
          <PasswordInput id="current-passphrase" label="Current passphrase" labelClass="govuk-label--s" value={current} onInput={setCurrent} error={errorFor(errors, 'current-passphrase')} autocomplete="current-password" />
          <NewPassphraseField id="new-passphrase" label="New passphrase" value={next} onInput={setNext} error={errorFor(errors, 'new-passphrase')} verdict={verdict} />
          {busy ? <Busy>Changing your passphrase. This can take a few seconds.</Busy> : (
            <div class="govuk-button-group">
              <Button type="submit">Change passphrase</Button>
              <LinkButton onClick={onCancel}>Cancel</LinkButton>
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
    if (username.trim().toLowerCase() !== vault.username) found.push({ href: '#delete-username', text: `Type your username, ${vault.username}, to confirm` });
    if (passphrase === '') found.push({ href: '#delete-passphrase', text: 'Enter your passphrase' });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      await deleteAccount(vault, passphrase);
      onDeleted();
    } catch (error) {
      setBusy(false);
      setErrors([{ href: '#delete-passphrase', text: error instanceof HttpError && error.status === 401 ? 'Your passphrase is not right' : describeFailure(error) }]);
    }
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Heading>Delete your record and account</Heading>
        <div class="govuk-warning-text">
          <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
          <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>This deletes every note and file, for good. No one can get them back, not even us.</strong>
        </div>
        <p class="govuk-body">If you might need your record as evidence later, save copies of your files first.</p>
        <form onSubmit={submit} noValidate>
          <TextInput id="delete-username" label="Type your username to confirm" labelClass="govuk-label--s" value={username} onInput={setUsername} error={errorFor(errors, 'delete-username')} inputClass="govuk-!-width-two-thirds" />
          <PasswordInput id="delete-passphrase" label="Passphrase" labelClass="govuk-label--s" value={passphrase} onInput={setPassphrase} error={errorFor(errors, 'delete-passphrase')} autocomplete="current-password" />
          {busy ? <Busy>Deleting your record.</Busy> : (
            <div class="govuk-button-group">
              <Button variant="warning" type="submit">Delete everything</Button>
              <LinkButton onClick={onCancel}>Cancel</LinkButton>
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
    return <ShowRecoveryKey recoveryKey={pending.recoveryKey} caption="New recovery key" intro="Once you have checked it, this key replaces your old one, which will stop working. Your passphrase does not change." onDone={() => setConfirming(true)} />;
  }
  if (pending) {
    return <ConfirmRecoveryKey recoveryKey={pending.recoveryKey} submitLabel="Use my new recovery key" busyText="Saving your new recovery key." onBack={() => setConfirming(false)} onConfirmed={async () => {
      try {
        await saveNewRecoveryKey(vault, pending);
        onDone();
        return undefined;
      } catch (error) {
        return describeFailure(error, 'Your new recovery key could not be saved, so your old one still works. Try again.');
      }
    }} />;
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    const made = await form.run({
      check: () => (passphrase === '' ? [{ href: '#recovery-passphrase', text: 'Enter your passphrase' }] : []),
      busy: 'Making a new recovery key. This can take a few seconds.',
      work: () => prepareNewRecoveryKey(vault, passphrase),
      failureField: 'recovery-passphrase',
      failure: (error) => (error instanceof Error && /wrong passphrase/.test(error.message) ? 'Your passphrase is not right' : describeFailure(error)),
    });
    if (made) setPending(made);
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={form.errors} />
        <Heading>Get a new recovery key</Heading>
        <p class="govuk-body">Do this if you have lost your recovery key, or think someone else may have seen it. Your old key stops working once you have written down and checked the new one.</p>
        <form onSubmit={submit} noValidate>
          <PasswordInput id="recovery-passphrase" label="Your passphrase" labelClass="govuk-label--s" value={passphrase} onInput={setPassphrase} error={errorFor(form.errors, 'recovery-passphrase')} autocomplete="current-password" />
          {form.busy ? <Busy>{form.busy}</Busy> : (
            <div class="govuk-button-group">
              <Button type="submit">Continue</Button>
              <LinkButton onClick={onCancel}>Cancel</LinkButton>
            </div>
          )}
        </form>
      </div>
    </div>
  );
}
