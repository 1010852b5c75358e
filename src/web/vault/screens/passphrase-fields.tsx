import { PasswordInput } from '../ui/components.tsx';
import { StrengthMeter } from '../strength/strength-meter.tsx';
import type { StrengthVerdict } from '../strength/strength-policy.ts';

/** A new passphrase with its strength meter; shared by sign-up, recovery and passphrase change. */
export function NewPassphraseField({ id, value, onInput, error, verdict, label = 'Passphrase' }: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  error: string | undefined;
  verdict: StrengthVerdict | undefined;
  label?: string;
}) {
  return (
    <PasswordInput
      id={id}
      label={label}
      labelClass="govuk-label--s"
      hint="Three or four words that have nothing to do with each other are easy to remember and hard to guess. Do not use a passphrase you use anywhere else, or anything the person stalking you might guess, like names, dates or pets."
      value={value}
      onInput={onInput}
      error={error}
      autocomplete="new-password"
      describedByExtra={`${id}-strength`}
    >
      <StrengthMeter id={`${id}-strength`} verdict={verdict} passphrase={value} />
    </PasswordInput>
  );
}
