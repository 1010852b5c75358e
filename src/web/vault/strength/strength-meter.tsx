import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import { estimateStrength, loadEstimator } from './estimator.ts';
import type { StrengthVerdict } from './strength-policy.ts';

/** The estimate for what is typed, a moment after typing pauses (so a screen reader is not told every key). */
export function useStrength(passphrase: string, userInputs: readonly string[]): StrengthVerdict | undefined {
  const [result, setResult] = useState<{ for: string; verdict: StrengthVerdict } | undefined>(undefined);
  useEffect(() => {
    void loadEstimator().catch(() => undefined);
  }, []);
  useEffect(() => {
    if (passphrase === '') return;
    let current = true;
    const timer = setTimeout(() => {
      estimateStrength(passphrase, [...userInputs]).then(
        (verdict) => current && setResult({ for: passphrase, verdict }),
        () => undefined,
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [passphrase, userInputs.join('\n')]);
  return result?.for === passphrase ? result.verdict : undefined;
}

export function StrengthMeter({ id, verdict, passphrase }: { id: string; verdict: StrengthVerdict | undefined; passphrase: string }) {
  const score = verdict?.score ?? 0;
  return (
    <div class="casebook-vault-strength" id={id}>
      <div class={`casebook-vault-strength__bar casebook-vault-strength__bar--${passphrase === '' ? 'empty' : score}`} aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span
            key={i}
            class={`casebook-vault-strength__segment${passphrase !== '' && verdict && i < Math.max(1, score) ? ' casebook-vault-strength__segment--on' : ''}`}
          />
        ))}
      </div>
      <p class="govuk-body-s casebook-vault-strength__text" aria-live="polite">
        {passphrase === '' ? (
          t('strength.nothingYet')
        ) : verdict === undefined ? (
          t('strength.checking')
        ) : (
          <>
            <strong>{t('strength.label', { label: verdict.label })}</strong> {verdict.acceptable ? t('strength.enough') : verdict.advice}
          </>
        )}
      </p>
    </div>
  );
}
