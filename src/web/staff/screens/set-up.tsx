import { useState } from 'preact/hooks';
import { base64urlEncode } from '../../../crypto/encoding.ts';
import { generateX25519KeyPair, grantTeamKey, wrapMemberPrivateKey } from '../../../crypto/team-keys.ts';
import { deriveNewPassphraseKeys } from '../../vault/kdf/derive.ts';
import { Busy, Button, ErrorSummary, errorFor, type FieldError, PasswordInput, TextInput } from '../../vault/ui/components.tsx';
import { postJson, staffFetch } from '../api.ts';
import { useStaffKdfWorker } from '../keys.ts';
import { MIN_STAFF_PASSWORD, newPasswordErrors } from './new-password.ts';
import { messageOf } from './sign-in.tsx';

interface Started {
  signInName: string;
  displayName: string;
  roles: string[];
  totp: { secret: string; uri: string };
}

/** Redeem the one-time code: choose a password, add the authenticator app, make this member's own key pair. */
export function SetUp() {
  const [code, setCode] = useState('');
  const [started, setStarted] = useState<Started | null>(null);
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [totp, setTotp] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState<string | null>(null);

  async function start(event: Event) {
    event.preventDefault();
    if (code.replace(/[^A-Za-z0-9]/g, '').length < 10) {
      setErrors([{ href: '#staff-setup-code', text: 'Enter the set-up code an administrator gave you' }]);
      return;
    }
    setErrors([]);
    setBusy('Checking the code…');
    try {
      setStarted((await postJson('/api/staff/setup/start', { code })) as Started);
    } catch (error) {
      setErrors([{ href: '#staff-setup-code', text: messageOf(error) }]);
    }
    setBusy(null);
  }

  async function finish(event: Event) {
    event.preventDefault();
    const found: FieldError[] = started
      ? await newPasswordErrors(password, again, { password: 'staff-new-password', again: 'staff-new-password-again' }, [
          started.signInName,
          started.displayName,
        ])
      : [];
    if (!/^\d{6}$/.test(totp.replace(/\s/g, '')))
      found.push({ href: '#staff-totp', text: 'Enter the 6-digit code your authenticator app shows' });
    setErrors(found);
    if (found.length || !started) return;
    setBusy('Making your keys… this takes a few seconds');
    try {
      useStaffKdfWorker();
      const { kdf, keys } = await deriveNewPassphraseKeys(password);
      const pair = generateX25519KeyPair();
      const wrappedPrivateKey = await wrapMemberPrivateKey(pair.privateKey, keys.wrappingKey);
      const answer = (await postJson('/api/staff/setup/complete', {
        code,
        authKey: base64urlEncode(keys.authKey),
        kdf,
        totp: totp.replace(/\s/g, ''),
        memberKey: { publicKey: base64urlEncode(pair.publicKey), wrappedPrivateKey },
      })) as { staff: { id: string; roles: string[] } };
      // The very first administrator also makes the team's key, since nobody else can.
      if (answer.staff.roles.includes('administrator')) {
        const existing = await fetch('/api/staff/team-key', { cache: 'no-store' });
        if (existing.status === 404) {
          const team = generateX25519KeyPair();
          await postJson('/api/staff/team-key', {
            publicKey: base64urlEncode(team.publicKey),
            grants: [{ staffId: answer.staff.id, sealedKey: await grantTeamKey(team.privateKey, pair.publicKey, 1) }],
          });
          team.privateKey.fill(0);
        }
      }
      pair.privateKey.fill(0);
      await staffFetch('/api/staff/session');
      location.assign('/staff');
    } catch (error) {
      setErrors([{ href: '#staff-totp', text: messageOf(error) }]);
      setBusy(null);
    }
  }

  if (!started) {
    return (
      <form onSubmit={(e) => void start(e)} noValidate>
        <ErrorSummary errors={errors} />
        <p class="govuk-body">An administrator gives you a one-time set-up code in person or by phone. It works once, for 7 days.</p>
        <TextInput
          id="staff-setup-code"
          label="Set-up code"
          hint="For example ABCD-EFGH-JKLM-NPQR-STVW"
          value={code}
          onInput={setCode}
          inputClass="govuk-!-width-two-thirds"
          error={errorFor(errors, 'staff-setup-code')}
        />
        {busy ? <Busy>{busy}</Busy> : <Button type="submit">Continue</Button>}
      </form>
    );
  }
  return (
    <form onSubmit={(e) => void finish(e)} noValidate>
      <ErrorSummary errors={errors} />
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Name</dt>
          <dd class="govuk-summary-list__value">{started.displayName}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Sign-in name</dt>
          <dd class="govuk-summary-list__value" data-sign-in-name>
            {started.signInName}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">Roles</dt>
          <dd class="govuk-summary-list__value">{started.roles.join(', ')}</dd>
        </div>
      </dl>
      <h2 class="govuk-heading-m">1. Choose a password</h2>
      <p class="govuk-body">
        Your password also protects your own encryption key, which opens conversations. If you forget it, an administrator must reset your
        account and give you the team key again.
      </p>
      <PasswordInput
        id="staff-new-password"
        label="Password"
        hint={`At least ${MIN_STAFF_PASSWORD} characters. A few unrelated words work well.`}
        value={password}
        onInput={setPassword}
        autocomplete="new-password"
        error={errorFor(errors, 'staff-new-password')}
      />
      <PasswordInput
        id="staff-new-password-again"
        label="Password again"
        value={again}
        onInput={setAgain}
        autocomplete="new-password"
        error={errorFor(errors, 'staff-new-password-again')}
      />
      <h2 class="govuk-heading-m">2. Add Casebook to your authenticator app</h2>
      <p class="govuk-body">In your authenticator app, add an account and type this key (or open the link on a device that has the app):</p>
      <p class="govuk-body">
        <code class="casebook-staff-secret" data-totp-secret>
          {started.totp.secret.match(/.{1,4}/g)?.join(' ')}
        </code>
      </p>
      <details class="govuk-details">
        <summary class="govuk-details__summary">
          <span class="govuk-details__summary-text">Show the setup link (otpauth)</span>
        </summary>
        <div class="govuk-details__text">
          <code class="casebook-staff-secret" data-totp-uri>
            {started.totp.uri}
          </code>
        </div>
      </details>
      <TextInput
        id="staff-totp"
        label="Code your app now shows"
        hint="6 digits"
        value={totp}
        onInput={setTotp}
        autocomplete="one-time-code"
        inputMode="numeric"
        inputClass="govuk-input--width-5"
        error={errorFor(errors, 'staff-totp')}
      />
      {busy ? <Busy>{busy}</Busy> : <Button type="submit">Finish setting up</Button>}
    </form>
  );
}
