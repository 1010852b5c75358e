import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueProblems, flattenCatalogue } from '../../../domain/content-parity/index.ts';
import { describeWhen, formatDateTime, PLATFORM_HAS_WELSH, welshMonth, welshWeekday } from './dates.ts';
import { CATALOGUES, listOf, plural, sitePath, t } from './i18n.ts';

const vault = join(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];

describe('the private record in English and Welsh', () => {
  it('has every key in both catalogues', () => {
    expect(catalogueProblems('vault', CATALOGUES)).toEqual([]);
  });

  it('has a message for every key the code asks for, and each count in all six plural forms', () => {
    const keys = flattenCatalogue(CATALOGUES.en).keys;
    const missing: string[] = [];
    for (const file of sources(vault)) {
      const text = readFileSync(file, 'utf8');
      for (const [, fn, key] of text.matchAll(/\b(t|plural)\(\s*'([\w.-]+)'/g)) {
        const wanted = fn === 'plural' ? PLURAL_FORMS.map((form) => `${key}.${form}`) : [key!];
        for (const k of wanted) if (!keys.has(k)) missing.push(`${file.slice(vault.length + 1)}: ${k}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('picks the Welsh plural form from Intl.PluralRules, with the mutation the number causes', () => {
    expect(plural('notices.idle', 1, {}, 'cy')).toBe('Cafodd eich cofnod ei gloi am nad oedd wedi cael ei ddefnyddio ers 1 munud.');
    expect(plural('notices.idle', 2, {}, 'cy')).toContain('ers 2 funud.');
    expect(plural('notices.idle', 5, {}, 'cy')).toContain('ers 5 munud.');
    expect(plural('notices.idle', 1, {}, 'en')).toBe('Your record locked because it was not used for 1 minute.');
    expect(plural('notices.idle', 15, {}, 'en')).toBe('Your record locked because it was not used for 15 minutes.');
  });

  it('fills placeholders and keeps links in the language', () => {
    expect(t('recoveryKey.group', { number: 3 }, 'cy')).toBe('Grŵp 3');
    expect(sitePath('/understand/the-law', {}, 'cy')).toBe('/cy/understand/the-law');
    expect(sitePath('/understand/the-law#stalking-section-2a', {}, 'cy')).toBe('/cy/understand/the-law');
    expect(sitePath('/understand/the-law#stalking-section-2a', {}, 'en')).toBe('/understand/the-law#stalking-section-2a');
    expect(sitePath('/verify', { englishOnly: true }, 'cy')).toBe('/verify');
    expect(sitePath('/understand/the-law', {}, 'en')).toBe('/understand/the-law');
  });

  it('writes dates in Welsh from Intl and luxon, with the 24-hour clock', () => {
    expect(describeWhen({ precision: 'exact', at: '2026-03-03T18:30:00+00:00' }, 'cy')).toBe('Dydd Mawrth 3 Mawrth 2026 am 18:30');
    expect(describeWhen({ precision: 'day', date: '2026-03-03' }, 'cy')).toBe('Tua Dydd Mawrth 3 Mawrth 2026');
    expect(describeWhen({ precision: 'exact', at: '2026-03-03T18:30:00+00:00' }, 'en')).toBe('Tuesday 3 March 2026 at 6:30pm');
    expect(formatDateTime(Date.UTC(2025, 4, 3, 13, 5), {}, 'en')).toMatch(/^3 May 2025 at \d{1,2}:05(am|pm)$/);
    expect(formatDateTime(Date.UTC(2025, 4, 3, 13, 5), {}, 'cy')).toMatch(/^3 Mai 2025 am \d\d:05$/);
  });

  it('has the platform’s own Welsh day and month names for browsers without Welsh locale data', () => {
    expect(PLATFORM_HAS_WELSH).toBe(true); // Node has full ICU: the catalogue's copy is checked against it.
    for (let day = 1; day <= 7; day++) expect(welshWeekday(day, false)).toBe(welshWeekday(day, true));
    for (let month = 1; month <= 12; month++) expect(welshMonth(month, false)).toBe(welshMonth(month, true));
  });

  it('joins lists with the language’s "and", "ac" before a Welsh vowel', () => {
    expect(listOf(['2', '5', '6'], 'en')).toBe('2, 5 and 6');
    expect(listOf(['2', '5', '6'], 'cy')).toBe('2, 5 a 6');
    expect(listOf(['3', '8'], 'cy')).toBe('3 ac 8');
    expect(listOf(['ble', 'ffeiliau'], 'cy')).toBe('ble a ffeiliau');
    expect(listOf(['beth ddigwyddodd', 'amser'], 'cy')).toBe('beth ddigwyddodd ac amser');
  });
});
