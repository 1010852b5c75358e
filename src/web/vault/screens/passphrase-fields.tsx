import { t } from '../i18n/i18n.ts';
import { StrengthMeter } from '../strength/strength-meter.tsx';
import type { StrengthVerdict } from '../strength/strength-policy.ts';
import { PasswordInput } from '../ui/components.tsx';

/** A new passphrase with its strength meter; shared by sign-up, recovery and passphrase change. */
export function NewPassphraseField({
  id,
  value,
  onInput,
  error,
  verdict,
  label = t('common.passphrase'),
}: {
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
      hint={t('create.passphraseHint')}
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
