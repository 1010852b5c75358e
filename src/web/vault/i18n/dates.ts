// Dates and times in the page's language, from the platform: Intl and luxon's locale data, and the one
// joining word ("at", "am") from the catalogue. English output is exactly what the diary always showed.
import { DateTime } from 'luxon';
import { describeWhen as describeWhenEnglish, LONDON } from '../../../domain/incidents/index.ts';
import type { IncidentWhen } from '../../../domain/incidents/index.ts';
import { LANGUAGE, t, type VaultLanguage } from './i18n.ts';

const englishDateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit', hourCycle: 'h12' });
// Welsh readers write the 24-hour clock: CLDR's Welsh 12-hour clock says "AM"/"PM" (docs/welsh.md).
const welshDate = new Intl.DateTimeFormat('cy', { day: 'numeric', month: 'long', year: 'numeric' });
const welshTime = new Intl.DateTimeFormat('cy', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const welshTimeSeconds = new Intl.DateTimeFormat('cy', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** "3 May 2025 at 2:05pm" / "3 Mai 2025 am 14:05" (with seconds, "2:05:09pm" / "14:05:09"), in the device's time zone. */
export function formatDateTime(at: number | string, { seconds = false } = {}, language: VaultLanguage = LANGUAGE): string {
  const date = new Date(at);
  if (language === 'cy') {
    return t('dates.dateAtTime', { date: welshDate.format(date), time: (seconds ? welshTimeSeconds : welshTime).format(date) }, language);
  }
  const parts = englishDateTime.formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')}${seconds ? `:${get('second')}` : ''}${get('dayPeriod').toLowerCase().replace(/\s|\./g, '')}`;
}

const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase('cy') + text.slice(1);

function welshDay(date: string): string {
  return DateTime.fromISO(date, { zone: LONDON }).setLocale('cy').toFormat('cccc d MMMM yyyy');
}

function welshEnd(value: string): string {
  if (value.length === 10) return welshDay(value);
  const at = DateTime.fromISO(value, { setZone: true }).setZone(LONDON).setLocale('cy');
  return t('dates.dateAtTime', { date: at.toFormat('cccc d MMMM yyyy'), time: at.toFormat('HH:mm') }, 'cy');
}

/** When an incident happened, as the diary writes it: "Tuesday 3 March 2026 at 6:30pm" / "Dydd Mawrth 3 Mawrth 2026 am 18:30". */
export function describeWhen(when: IncidentWhen, language: VaultLanguage = LANGUAGE): string {
  if (language === 'en') return describeWhenEnglish(when);
  switch (when.precision) {
    case 'exact':
      return capitalise(welshEnd(when.at));
    case 'day':
      return t('dates.around', { day: welshDay(when.date) }, 'cy');
    case 'range':
      return t('dates.between', { from: welshEnd(when.from), to: welshEnd(when.to) }, 'cy');
  }
}
