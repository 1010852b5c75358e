import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { useState } from 'preact/hooks';
import { base64urlDecode, base64urlEncode } from '../../../crypto/encoding.ts';
import { HttpError } from '../../http/http-client.ts';
import { derivePassphraseKeys } from '../../vault/kdf/derive.ts';
import { Busy, Button, ErrorSummary, errorFor, type FieldError, PasswordInput, TextInput } from '../../vault/ui/components.tsx';
import { postJson } from '../api.ts';
import { useStaffKdfWorker } from '../keys.ts';

export function messageOf(error: unknown): string {
  if (error instanceof HttpError) return error.message;
  if (error instanceof Error && error.name === 'NotAllowedError') return 'The passkey request was cancelled or timed out. Try again.';
  return 'Something went wrong. Please try again.';
}

export function SignIn({ next }: { next: string }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const done = () => location.assign(next);

  async function withPasskey() {
    setErrors([]);
    setBusy('Waiting for your passkey…');
    try {
      const { challengeId, options } = (await postJson('/api/staff/sign-in/passkey/options', {})) as {
        challengeId: string;
        options: Parameters<typeof startAuthentication>[0]['optionsJSON'];
      };
      const response = await startAuthentication({ optionsJSON: options });
      await postJson('/api/staff/sign-in/passkey', { challengeId, response });
      done();
    } catch (error) {
      setErrors([{ href: '#staff-passkey', text: messageOf(error) }]);
      setBusy(null);
    }
  }

  async function withPassword(event: Event) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (!name.trim()) found.push({ href: '#staff-name', text: 'Enter your sign-in name' });
    if (!password) found.push({ href: '#staff-password', text: 'Enter your password' });
    if (!/^\d{6}$/.test(code.replace(/\s/g, '')))
      found.push({ href: '#staff-code', text: 'Enter the 6-digit code from your authenticator app' });
    setErrors(found);
    if (found.length) return;
    setBusy('Checking your details…');
    try {
      useStaffKdfWorker();
      const { kdf } = (await postJson('/api/staff/sign-in/kdf', { signInName: name.trim().toLowerCase() })) as {
        kdf: { version: number; salt: string };
      };
      const keys = await derivePassphraseKeys(password, base64urlDecode(kdf.salt), kdf.version);
      await postJson('/api/staff/sign-in/password', {
        signInName: name.trim().toLowerCase(),
        authKey: base64urlEncode(keys.authKey),
        totp: code.replace(/\s/g, ''),
      });
      done();
    } catch (error) {
      setErrors([{ href: '#staff-name', text: messageOf(error) }]);
      setBusy(null);
    }
  }

  return (
    <div>
      <ErrorSummary errors={errors} />
      {busy ? <Busy>{busy}</Busy> : null}
      {browserSupportsWebAuthn() ? (
        <div class="casebook-staff-passkey">
          <h2 class="govuk-heading-m">With a passkey</h2>
          <p class="govuk-body">Use the passkey on this device or your security key.</p>
          <button type="button" id="staff-passkey" class="govuk-button" onClick={() => void withPasskey()} disabled={busy !== null}>
            Sign in with a passkey
          </button>
        </div>
      ) : null}
      <h2 class="govuk-heading-m">With your password and a code</h2>
      <form onSubmit={(e) => void withPassword(e)} noValidate>
        <TextInput
          id="staff-name"
          label="Sign-in name"
          value={name}
          onInput={setName}
          autocomplete="username"
          error={errorFor(errors, 'staff-name')}
          inputClass="govuk-!-width-two-thirds"
        />
        <PasswordInput
          id="staff-password"
          label="Password"
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          error={errorFor(errors, 'staff-password')}
        />
        <TextInput
          id="staff-code"
          label="Code from your authenticator app"
          hint="6 digits; it changes every 30 seconds"
          value={code}
          onInput={setCode}
          autocomplete="one-time-code"
          inputMode="numeric"
          inputClass="govuk-input--width-5"
          error={errorFor(errors, 'staff-code')}
        />
        <Button type="submit" disabled={busy !== null}>
          Sign in
        </Button>
      </form>
    </div>
  );
}
