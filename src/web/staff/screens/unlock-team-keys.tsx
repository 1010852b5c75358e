import { useState } from 'preact/hooks';
import type { TeamKeys } from '../../../crypto/team-keys.ts';
import { Busy, Button, ErrorSummary, errorFor, type FieldError, PasswordInput } from '../../vault/ui/components.tsx';
import { unlockTeamKeys } from '../keys.ts';
import { messageOf } from './sign-in.tsx';

/** "Enter your password to open messages": opens the team keys into memory and hands them on. */
export function UnlockTeamKeys({ onUnlocked, purpose = 'to open messages' }: { onUnlocked: (keys: TeamKeys) => void; purpose?: string }) {
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  async function submit(event: Event) {
    event.preventDefault();
    if (!password) {
      setErrors([{ href: '#staff-unlock-password', text: 'Enter your password' }]);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      onUnlocked(await unlockTeamKeys(password));
    } catch (error) {
      setErrors([{ href: '#staff-unlock-password', text: messageOf(error) }]);
      setBusy(false);
    }
  }
  return (
    <form class="casebook-staff-unlock" onSubmit={(e) => void submit(e)} noValidate>
      <ErrorSummary errors={errors} />
      <PasswordInput
        id="staff-unlock-password"
        label={`Enter your password ${purpose}`}
        hint="Messages are encrypted. Your password opens your key on this device; it is not sent to Casebook."
        value={password}
        onInput={setPassword}
        autocomplete="current-password"
        error={errorFor(errors, 'staff-unlock-password')}
      />
      {busy ? <Busy>Opening your keys…</Busy> : <Button type="submit">Open</Button>}
    </form>
  );
}
