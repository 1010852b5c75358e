// The pack's language: Welsh, English or both. It sets the words of the PDF and of README.txt in the ZIP;
// nothing that is stored, signed or checked depends on it (docs/evidence-pack.md).
import type { PackLanguage } from '../../../crypto/evidence-pack/index.ts';

const OPTIONS: readonly { value: PackLanguage; label: string; lang?: string }[] = [
  { value: 'en', label: 'English', lang: 'en' },
  { value: 'cy', label: 'Cymraeg', lang: 'cy' },
  { value: 'both', label: 'Both: Cymraeg then English' },
];

/** The diary's own language is the default: a Welsh diary makes a Welsh pack unless the person says otherwise. */
export function diaryLanguage(): PackLanguage {
  return typeof document !== 'undefined' && document.documentElement.lang === 'cy' ? 'cy' : 'en';
}

export function LanguageChoice({ value, onChange }: { value: PackLanguage; onChange: (language: PackLanguage) => void }) {
  return (
    <div class="govuk-form-group">
      <fieldset class="govuk-fieldset" aria-describedby="pack-language-hint">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 class="govuk-fieldset__heading">Language of the pack</h2>
        </legend>
        <div class="govuk-hint" id="pack-language-hint">
          The PDF and the instructions inside the ZIP (README.txt) are written in this language. The entries are as you wrote them.
        </div>
        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {OPTIONS.map((option) => (
            <div class="govuk-radios__item" key={option.value}>
              <input
                class="govuk-radios__input"
                id={`pack-language-${option.value}`}
                name="pack-language"
                type="radio"
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              />
              <label class="govuk-label govuk-radios__label" for={`pack-language-${option.value}`} lang={option.lang}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
