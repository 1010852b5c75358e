import { useState } from 'preact/hooks';
import { HttpError } from '../../http/http-client.ts';
import type { ApiClient } from '../api/client.ts';
import { unlock } from '../account/unlock.ts';
import { normalizeUsername } from '../account/username.ts';
import { Busy, Button, ErrorSummary, errorFor, Heading, LinkButton, PasswordInput, TextInput } from '../ui/components.tsx';
import type { FieldError } from '../ui/components.tsx';
import { useFormAction } from '../ui/form-action.ts';
import { describeFailure } from '../ui/messages.ts';
import type { UnlockedVault } from '../vault-session.ts';

export function UnlockScreen({ api, notice, onUnlocked, onCreate, onRecover }: {
  api: ApiClient;
  notice: string | undefined;
  onUnlocked: (vault: UnlockedVault) => void;
  onCreate: () => void;
  onRecover: () => void;
}) {
  const [username, setUsername] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const form = useFormAction();
  const errors = form.errors;

  const submit = async (event: Event) => {
    event.preventDefault();
    const name = normalizeUsername(username);
    const vault = await form.run({
      check: () => {
        const found: FieldError[] = [];
        if (name === '') found.push({ href: '#unlock-username', text: 'Enter your username' });
        if (passphrase === '') found.push({ href: '#unlock-passphrase', text: 'Enter your passphrase' });
        return found;
      },
      busy: 'Opening your record. This can take a few seconds.',
      work: () => unlock(api, name, passphrase),
      failureField: 'unlock-passphrase',
      failure: (error) => (error instanceof HttpError && error.code === 'sign_in_failed' ? 'The username or passphrase is not right' : describeFailure(error)),
    });
    if (vault) onUnlocked(vault);
  };

  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        {notice ? (
          <div class="govuk-notification-banner" role="region" aria-labelledby="vault-notice-title">
            <div class="govuk-notification-banner__header">
              <h2 class="govuk-notification-banner__title" id="vault-notice-title">Important</h2>
            </div>
            <div class="govuk-notification-banner__content">
              <p class="govuk-notification-banner__heading">{notice}</p>
            </div>
          </div>
        ) : null}
        <Heading>Open your record</Heading>
        <p class="govuk-body">Your record is encrypted on this device. Only your passphrase can open it: we cannot read it or reset it.</p>
        <form onSubmit={submit} noValidate>
          <TextInput id="unlock-username" label="Username" value={username} onInput={setUsername} error={errorFor(errors, 'unlock-username')} autocomplete="username" inputClass="govuk-!-width-two-thirds" />
          <PasswordInput id="unlock-passphrase" label="Passphrase" value={passphrase} onInput={setPassphrase} error={errorFor(errors, 'unlock-passphrase')} autocomplete="current-password" />
          {form.busy ? <Busy>{form.busy}</Busy> : <Button type="submit">Open my record</Button>}
        </form>
        <h2 class="govuk-heading-m">Other options</h2>
        <ul class="govuk-list">
          <li><LinkButton onClick={onRecover}>I have forgotten my passphrase</LinkButton></li>
          <li><LinkButton onClick={onCreate}>Start a new private record</LinkButton></li>
        </ul>
        <p class="govuk-body-s">Use this on a device the person stalking you cannot get to, if you can. Close the page or press Exit this page when you are done: your record locks.</p>
      </div>
    </div>
  );
}
