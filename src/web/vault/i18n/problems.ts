// The domain's validation messages ("What happened: must not be empty", src/domain/incidents/parse.ts) in
// the page's language. English is the domain's sentence as it is; Welsh is put together from the field the
// path names and the reason, both from the catalogue. A reason or field the catalogue does not know keeps
// the domain's English, marked by the caller's lang where it shows.
import type { Problem } from '../../../domain/incidents/index.ts';
import { CATALOGUES, LANGUAGE, t, type VaultLanguage } from './i18n.ts';

const REASONS: readonly { pattern: RegExp; key: string }[] = [
  { pattern: /^must not be empty$/, key: 'empty' },
  { pattern: /^must be ([\d,]+) characters or fewer$/, key: 'tooLong' },
  { pattern: /^must be on one line$/, key: 'oneLine' },
  { pattern: /^contains characters that cannot be shown$/, key: 'badCharacters' },
];

const known = (group: 'fields' | 'reasons', key: string, language: VaultLanguage) =>
  typeof (CATALOGUES[language].problems as Record<string, Record<string, unknown>> | undefined)?.[group]?.[key] === 'string';

/** The problem's message for the person, or undefined when only the domain's English can say it. */
export function translateProblem(problem: Problem, language: VaultLanguage = LANGUAGE): string | undefined {
  const [, reasonText] = /^[^:]*: (.*)$/.exec(problem.message) ?? [];
  const reason = reasonText === undefined ? undefined : REASONS.find(({ pattern }) => pattern.test(reasonText));
  // The field is the path's last name: "methods.0.platform" is the platform's name, "whatHappened" what happened.
  const field =
    problem.path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? '';
  if (!reason || !known('fields', field, language) || !known('reasons', reason.key, language)) return undefined;
  const maximum = reason.pattern.exec(reasonText!)?.[1] ?? '';
  return t(
    'problems.message',
    { field: t(`problems.fields.${field}`, {}, language), reason: t(`problems.reasons.${reason.key}`, { maximum }, language) },
    language,
  );
}

/** What a form shows: the domain's own sentence in English, the catalogue's in Welsh where it has one. */
export function problemMessage(problem: Problem, language: VaultLanguage = LANGUAGE): string {
  return language === 'en' ? problem.message : (translateProblem(problem, language) ?? problem.message);
}
