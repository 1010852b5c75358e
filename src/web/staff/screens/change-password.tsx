import { useState } from 'preact/hooks';
import { base64urlDecode, base64urlEncode } from '../../../crypto/encoding.ts';
import { wrapMemberPrivateKey } from '../../../crypto/team-keys.ts';
import { deriveNewPassphraseKeys, derivePassphraseKeys } from '../../vault/kdf/derive.ts';
import { Busy, Button, ErrorSummary, errorFor, type FieldError, PasswordInput } from '../../vault/ui/components.tsx';
import { postJson, staffFetch } from '../api.ts';
import { type KeysAnswer, openMemberKey, useStaffKdfWorker } from '../keys.ts';
import { newPasswordErrors } from './new-password.ts';
import { messageOf } from './sign-in.tsx';

/** The browser opens the member's key with the old password and wraps it again with the new one. */
export function ChangePassword() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    const found: FieldError[] = current ? [] : [{ href: '#staff-current-password', text: 'Enter your current password' }];
    found.push(
      ...(await newPasswordErrors(next, again, { password: 'staff-changed-password', again: 'staff-changed-password-again' }, [])),
    );
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    try {
      useStaffKdfWorker();
      const answer = (await staffFetch('/api/staff/keys')) as KeysAnswer;
      const privateKey = await openMemberKey(current, answer);
      const old = await derivePassphraseKeys(current, base64urlDecode(answer.member!.kdf.salt), answer.member!.kdf.version);
      const { kdf, keys } = await deriveNewPassphraseKeys(next);
      const wrappedPrivateKey = await wrapMemberPrivateKey(privateKey, keys.wrappingKey);
      privateKey.fill(0);
      await postJson(
        '/api/staff/password',
        { currentAuthKey: base64urlEncode(old.authKey), authKey: base64urlEncode(keys.authKey), kdf, wrappedPrivateKey },
        'PUT',
      );
      setDone(true);
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (error) {
      setErrors([{ href: '#staff-current-password', text: messageOf(error) }]);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 class="govuk-heading-m">Change your password</h2>
      <ErrorSummary errors={errors} />
      {done ? (
        <p class="govuk-body" role="status" data-password-changed>
          Your password is changed. Your other sessions have been signed out.
        </p>
      ) : null}
      <PasswordInput
        id="staff-current-password"
        label="Current password"
        value={current}
        onInput={setCurrent}
        autocomplete="current-password"
        error={errorFor(errors, 'staff-current-password')}
      />
      <PasswordInput
        id="staff-changed-password"
        label="New password"
        value={next}
        onInput={setNext}
        autocomplete="new-password"
        error={errorFor(errors, 'staff-changed-password')}
      />
      <PasswordInput
        id="staff-changed-password-again"
        label="New password again"
        value={again}
        onInput={setAgain}
        autocomplete="new-password"
        error={errorFor(errors, 'staff-changed-password-again')}
      />
      {busy ? (
        <Busy>Changing your password…</Busy>
      ) : (
        <Button type="submit" variant="secondary">
          Change password
        </Button>
      )}
    </form>
  );
}
