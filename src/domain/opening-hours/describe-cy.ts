// The "open now" sentence in Welsh, from the same OpeningStatus as the English one (describe.ts).
// Day and month names and times come from Intl's Welsh data, not from tables of ours. Times use the 24-hour
// clock: Welsh CLDR data gives "AM"/"PM" for the 12-hour clock, which no Welsh reader writes, while "16:00"
// is what Welsh public services use on signs and timetables. Midday and midnight are words, as in English.
// Mutations are applied by the rules in ../welsh, never by hand-written mutated forms: after "tan" and "yn
// agor" a day takes the soft mutation ("ddydd Mercher").
import { mutate } from '../welsh/mutations.ts';
import { BankHolidayCoverageError } from './bank-holidays.ts';
import { dayNumber, parseCalendarDate } from './calendar-date.ts';
import type { Instant, OpeningStatus } from './engine.ts';
import { openingStatus } from './engine.ts';
import { LONDON_TIME_ZONE, londonWallClock } from './london-time.ts';
import type { OpeningHours } from './model.ts';

const clock = new Intl.DateTimeFormat('cy', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: LONDON_TIME_ZONE });
const weekday = new Intl.DateTimeFormat('cy', { weekday: 'long', timeZone: 'UTC' });
// Alone, not with the day: CLDR's Welsh day-and-month pattern puts the month first ("Tachwedd 23"), which
// reads wrongly in a sentence; a full date is "23 Tachwedd 2026", as the guidance pages write it.
const monthName = new Intl.DateTimeFormat('cy', { month: 'long', timeZone: 'UTC' });

export const ALWAYS_OPEN_CY = 'Ar agor 24 awr, bob dydd';

const noonOf = (date: string) => new Date(`${date}T12:00:00Z`);

/** "Dydd Mercher" from Intl, as a running sentence needs it after a word that mutates: "ddydd Mercher". */
function dayName(date: string): string {
  const name = weekday.format(noonOf(date));
  const [first = '', ...rest] = name.split(' ');
  return [mutate(first.toLowerCase(), 'soft'), ...rest].join(' ');
}

/** "heddiw", "yfory", "ddydd Mercher" within the coming week, or "ddydd Llun 23 Tachwedd" further off. */
function dayPhrase(date: string, today: string): string {
  const daysAhead = dayNumber(date) - dayNumber(today);
  if (daysAhead === 0) return 'heddiw';
  if (daysAhead === 1) return 'yfory';
  if (daysAhead > 1 && daysAhead < 7) return dayName(date);
  const { year, day } = parseCalendarDate(date);
  const sameYear = year === parseCalendarDate(today).year;
  return `${dayName(date)} ${day} ${monthName.format(noonOf(date))}${sameYear ? '' : ` ${year}`}`;
}

/** The London date and time of an instant; a closing at midnight counts as the end of the day before. */
function dayAndTime(instant: Date, endOfDay: boolean): { date: string; time: string } {
  const wall = londonWallClock(instant.getTime());
  if (wall.minutes === 0) return { date: endOfDay ? londonWallClock(instant.getTime() - 1).date : wall.date, time: 'hanner nos' };
  if (wall.minutes === 720) return { date: wall.date, time: 'hanner dydd' };
  return { date: wall.date, time: clock.format(instant) };
}

function untilItCloses(closesAt: Date, today: string): string {
  const { date, time } = dayAndTime(closesAt, true);
  if (date === today) return `tan ${time}`;
  const day = dayPhrase(date, today);
  if (day === 'yfory') return `tan ${time} yfory`;
  return time === 'hanner nos' ? `tan hanner nos ${day}` : `tan ${day} am ${time}`;
}

function closedPrefix(status: OpeningStatus, opensLaterToday: boolean): string {
  // An exception's label is English text from the directory, so the Welsh line names no reason for it.
  if (!opensLaterToday && status.reason === 'bank-holiday') return 'Ar gau dros ŵyl y banc';
  return 'Ar gau';
}

/** The Welsh twin of describeOpeningStatus: "Ar agor nawr tan 16:00", "Ar gau — yn agor ddydd Mercher am 13:00". */
export function describeOpeningStatusCy(status: OpeningStatus, at: Instant): string {
  if (status.alwaysOpen) return ALWAYS_OPEN_CY;
  const today = londonWallClock(typeof at === 'number' ? at : at.getTime()).date;
  if (status.open) return status.closesAt ? `Ar agor nawr ${untilItCloses(status.closesAt, today)}` : 'Ar agor nawr';
  if (status.opensAt) {
    const { date, time } = dayAndTime(status.opensAt, false);
    return `${closedPrefix(status, date === today)} — yn agor ${dayPhrase(date, today)} am ${time}`;
  }
  if (status.nextChangeUnknown === 'bank-holidays-not-covered') return `${closedPrefix(status, false)} — edrychwch ar yr oriau agor`;
  return closedPrefix(status, false);
}

/** describeOpeningNow in Welsh; where the bank holiday data does not cover today, it says it cannot tell. */
export function describeOpeningNowCy(hours: OpeningHours, at: Instant): string {
  try {
    return describeOpeningStatusCy(openingStatus(hours, at), at);
  } catch (error) {
    if (error instanceof BankHolidayCoverageError) return 'Allwn ni ddim dweud a yw ar agor heddiw: edrychwch ar yr oriau agor';
    throw error;
  }
}
