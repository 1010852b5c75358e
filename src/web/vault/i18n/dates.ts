// Dates and times in the page's language. English comes from Intl and luxon, exactly as the diary always
// wrote it. Welsh day and month names come from Intl.DateTimeFormat('cy') where the browser has Welsh locale
// data, and otherwise from the catalogue's copy of CLDR's names (some Chromium builds ship only their
// interface languages and would fall back to English); the joining word ("am") is the catalogue's.
import { DateTime } from 'luxon';
import type { IncidentWhen } from '../../../domain/incidents/index.ts';
import { describeWhen as describeWhenEnglish, LONDON } from '../../../domain/incidents/index.ts';
import { LANGUAGE, t, type VaultLanguage } from './i18n.ts';

const englishDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h12',
});

/** Whether this runtime has Welsh names; a parameter in tests, so both ways are checked. */
export const PLATFORM_HAS_WELSH = Intl.DateTimeFormat.supportedLocalesOf(['cy']).length > 0;

const welshNames = {
  weekday: new Intl.DateTimeFormat('cy', { weekday: 'long', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('cy', { month: 'long', timeZone: 'UTC' }),
};

/** 1 = Monday … 7 = Sunday (luxon's numbering). */
export function welshWeekday(weekday: number, fromPlatform = PLATFORM_HAS_WELSH): string {
  // 5 January 2026 was a Monday.
  return fromPlatform ? welshNames.weekday.format(Date.UTC(2026, 0, 4 + weekday)) : t(`dates.weekdays.${weekday}`, {}, 'cy');
}

export function welshMonth(month: number, fromPlatform = PLATFORM_HAS_WELSH): string {
  return fromPlatform ? welshNames.month.format(Date.UTC(2026, month - 1, 15)) : t(`dates.months.${month}`, {}, 'cy');
}

const welshDay = (at: DateTime) => `${welshWeekday(at.weekday)} ${at.day} ${welshMonth(at.month)} ${at.year}`;

/** "3 May 2025 at 2:05pm" / "3 Mai 2025 am 14:05" (with seconds, "2:05:09pm" / "14:05:09"), in the device's time zone. */
export function formatDateTime(at: number | string, { seconds = false } = {}, language: VaultLanguage = LANGUAGE): string {
  const date = new Date(at);
  if (language === 'cy') {
    // Welsh readers write the 24-hour clock: CLDR's Welsh 12-hour clock says "AM"/"PM" (docs/welsh.md).
    const local = DateTime.fromJSDate(date);
    return t(
      'dates.dateAtTime',
      { date: `${local.day} ${welshMonth(local.month)} ${local.year}`, time: local.toFormat(seconds ? 'HH:mm:ss' : 'HH:mm') },
      language,
    );
  }
  const parts = englishDateTime.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${seconds ? `:${get('second')}` : ''}${get('dayPeriod').toLowerCase().replace(/\s|\./g, '')}`;
}

function welshEnd(value: string): string {
  if (value.length === 10) return welshDay(DateTime.fromISO(value, { zone: LONDON }));
  const at = DateTime.fromISO(value, { setZone: true }).setZone(LONDON);
  return t('dates.dateAtTime', { date: welshDay(at), time: at.toFormat('HH:mm') }, 'cy');
}

/** When an incident happened, as the diary writes it: "Tuesday 3 March 2026 at 6:30pm" / "Dydd Mawrth 3 Mawrth 2026 am 18:30". */
export function describeWhen(when: IncidentWhen, language: VaultLanguage = LANGUAGE): string {
  if (language === 'en') return describeWhenEnglish(when);
  switch (when.precision) {
    case 'exact':
      return welshEnd(when.at);
    case 'day':
      return t('dates.around', { day: welshEnd(when.date) }, 'cy');
    case 'range':
      return t('dates.between', { from: welshEnd(when.from), to: welshEnd(when.to) }, 'cy');
  }
}
