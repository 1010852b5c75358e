import { browserSupportsWebAuthn, startRegistration } from '@simplewebauthn/browser';
import { useEffect, useState } from 'preact/hooks';
import { Busy, Button, ErrorSummary, errorFor, type FieldError, TextInput } from '../../vault/ui/components.tsx';
import { postJson, staffFetch } from '../api.ts';
import { ChangePassword } from './change-password.tsx';
import { messageOf } from './sign-in.tsx';

interface Passkey {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
}

const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

/** Passkeys: add one (a platform passkey or a security key), see when each was last used, remove one. */
export function Account() {
  const [passkeys, setPasskeys] = useState<Passkey[] | null>(null);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const load = async () => setPasskeys(((await staffFetch('/api/staff/passkeys')) as { passkeys: Passkey[] }).passkeys);
  useEffect(() => void load(), []);

  async function add(event: Event) {
    event.preventDefault();
    if (!name.trim()) {
      setErrors([{ href: '#staff-passkey-name', text: 'Give the passkey a name you will recognise, such as “Work laptop”' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      const { challengeId, options } = (await postJson('/api/staff/passkeys/options', {})) as {
        challengeId: string;
        options: Parameters<typeof startRegistration>[0]['optionsJSON'];
      };
      const response = await startRegistration({ optionsJSON: options });
      await postJson('/api/staff/passkeys', { challengeId, name: name.trim(), response });
      setStatus(`Passkey “${name.trim()}” added. You can now sign in with it.`);
      setName('');
      await load();
    } catch (error) {
      setErrors([{ href: '#staff-passkey-name', text: messageOf(error) }]);
    }
    setBusy(false);
  }

  async function remove(passkey: Passkey) {
    await staffFetch(`/api/staff/passkeys/${encodeURIComponent(passkey.id)}`, { method: 'DELETE' });
    setStatus(`Passkey “${passkey.name}” removed.`);
    await load();
  }

  return (
    <div>
      <ErrorSummary errors={errors} />
      <div role="status" class="govuk-body" data-account-status>
        {status}
      </div>
      <h2 class="govuk-heading-m">Passkeys</h2>
      <p class="govuk-body">
        A passkey lets you sign in without your password and code. You still need your password to open encrypted conversations.
      </p>
      {passkeys === null ? (
        <Busy>Loading…</Busy>
      ) : passkeys.length === 0 ? (
        <p class="govuk-body">You have no passkeys yet.</p>
      ) : (
        <ul class="govuk-list casebook-staff-list">
          {passkeys.map((p) => (
            <li key={p.id} class="casebook-staff-list__item">
              <span>
                <strong>{p.name}</strong> — added {day.format(p.createdAt)}
                {p.lastUsedAt ? `, last used ${day.format(p.lastUsedAt)}` : ', not used yet'}
              </span>
              <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => void remove(p)}>
                Remove<span class="govuk-visually-hidden"> {p.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {browserSupportsWebAuthn() ? (
        <form onSubmit={(e) => void add(e)} noValidate>
          <TextInput
            id="staff-passkey-name"
            label="Name for a new passkey"
            hint="For example “Work laptop” or “Blue security key”"
            value={name}
            onInput={setName}
            inputClass="govuk-!-width-one-half"
            error={errorFor(errors, 'staff-passkey-name')}
          />
          {busy ? (
            <Busy>Waiting for your passkey…</Busy>
          ) : (
            <Button type="submit" variant="secondary">
              Add a passkey
            </Button>
          )}
        </form>
      ) : (
        <p class="govuk-body">This browser cannot make passkeys.</p>
      )}
      <ChangePassword />
    </div>
  );
}
