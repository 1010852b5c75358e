// One way to write a date and time in a page's language, on the server and in the browser (talk, forums).
import { fill } from './fill.ts';

/** The catalogue's fallback names, for a platform without Welsh date data (Chromium). */
export interface DateWords {
  readonly dayNames: string;
  readonly monthNames: string;
  readonly dateTime: string;
}

const LONDON_PARTS = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'Europe/London',
});
const WEEKDAY_INDEX: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * A message's date and time in the page's language: from the platform (Intl) where it knows the language, else
 * (Chromium ships no Welsh date names) from the catalogue's day and month names, on the 24-hour clock as
 * Welsh services write it: "Gwe 4 Rhag, 21:36".
 */
export function dateTimeFormatter(words: DateWords, language: 'en' | 'cy'): (ms: number) => string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Europe/London',
  };
  const locale = language === 'cy' ? 'cy' : 'en-GB';
  if (language === 'en' || Intl.DateTimeFormat.supportedLocalesOf(locale).length > 0) {
    const format = new Intl.DateTimeFormat(locale, language === 'cy' ? { ...options, hourCycle: 'h23' } : options);
    return (ms) => format.format(new Date(ms));
  }
  const days = words.dayNames.split(',');
  const months = words.monthNames.split(',');
  return (ms) => {
    const parts = Object.fromEntries(LONDON_PARTS.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    return fill(words.dateTime, {
      day: days[WEEKDAY_INDEX[parts.weekday ?? ''] ?? 0] ?? '',
      date: Number(parts.day),
      month: months[Number(parts.month) - 1] ?? '',
      time: `${parts.hour}:${parts.minute}`,
    });
  };
}
