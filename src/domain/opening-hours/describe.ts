// Plain British English for opening hours, following GOV.UK style: "9:30am", "4pm", "midday", "midnight",
// days by name, "today" and "tomorrow" where they are clearer. Returns plain strings, no markup.
import { BankHolidayCoverageError } from './bank-holidays.ts';
import { dayNumber, parseCalendarDate, WEEKDAYS, weekdayOf } from './calendar-date.ts';
import { parseClockTime } from './clock-time.ts';
import type { Instant, OpeningStatus } from './engine.ts';
import { openingStatus } from './engine.ts';
import { londonWallClock } from './london-time.ts';
import type { OpeningHours, Session, Weekday } from './model.ts';

const DAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ALWAYS_OPEN = 'Open 24 hours, every day';

/** Minutes since midnight (0–1440) as "9:30am", "4pm", "midday" or "midnight". */
export function formatClockMinutes(minutes: number): string {
  if (minutes === 0 || minutes === 1440) return 'midnight';
  if (minutes === 720) return 'midday';
  const hour24 = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const suffix = hour24 < 12 ? 'am' : 'pm';
  return minute === 0 ? `${hour12}${suffix}` : `${hour12}:${String(minute).padStart(2, '0')}${suffix}`;
}

function toEpochMs(at: Instant): number {
  return typeof at === 'number' ? at : at.getTime();
}

function weekdayName(date: string): string {
  return DAY_NAMES[weekdayOf(date)];
}

/** "today", "tomorrow", a weekday within the coming week, or a full date further off. */
function dayPhrase(date: string, today: string): string {
  const daysAhead = dayNumber(date) - dayNumber(today);
  if (daysAhead === 0) return 'today';
  if (daysAhead === 1) return 'tomorrow';
  if (daysAhead > 1 && daysAhead < 7) return weekdayName(date);
  const { year, month, day } = parseCalendarDate(date);
  const sameYear = year === parseCalendarDate(today).year;
  return `${weekdayName(date)} ${day} ${MONTH_NAMES[month - 1]}${sameYear ? '' : ` ${year}`}`;
}

/** The day and time an instant falls on, counting a closing at midnight as the end of the day before. */
function dayAndTime(instant: Date, endOfDay: boolean): { date: string; time: string } {
  const wall = londonWallClock(instant.getTime());
  if (endOfDay && wall.minutes === 0) {
    return { date: londonWallClock(instant.getTime() - 1).date, time: 'midnight' };
  }
  return { date: wall.date, time: formatClockMinutes(wall.minutes) };
}

function whenItOpens(opensAt: Date, today: string): string {
  const { date, time } = dayAndTime(opensAt, false);
  return `opens ${dayPhrase(date, today)} at ${time}`;
}

function untilItCloses(closesAt: Date, today: string): string {
  const { date, time } = dayAndTime(closesAt, true);
  if (date === today) return `until ${time}`;
  const day = dayPhrase(date, today);
  if (day === 'tomorrow') return `until ${time} tomorrow`;
  return time === 'midnight' ? `until midnight on ${day}` : `until ${day} at ${time}`;
}

function closedPrefix(status: OpeningStatus, opensLaterToday: boolean): string {
  if (opensLaterToday) return 'Closed';
  if (status.reason === 'bank-holiday') return 'Closed for the bank holiday';
  if (status.reason === 'exception' && status.reasonLabel) return `Closed for ${status.reasonLabel}`;
  return 'Closed';
}

/**
 * One sentence for an OpeningStatus worked out at `at`, e.g. "Open now until 4pm",
 * "Closed — opens Wednesday at 1pm", "Closed for the bank holiday — opens Tuesday at 9:30am".
 */
export function describeOpeningStatus(status: OpeningStatus, at: Instant): string {
  if (status.alwaysOpen) return ALWAYS_OPEN;
  const today = londonWallClock(toEpochMs(at)).date;
  if (status.open) return status.closesAt ? `Open now ${untilItCloses(status.closesAt, today)}` : 'Open now';
  if (status.opensAt) {
    const opensLaterToday = dayAndTime(status.opensAt, false).date === today;
    return `${closedPrefix(status, opensLaterToday)} — ${whenItOpens(status.opensAt, today)}`;
  }
  if (status.nextChangeUnknown === 'bank-holidays-not-covered') {
    return `${closedPrefix(status, false)} — check the opening hours`;
  }
  return closedPrefix(status, false);
}

/**
 * describeOpeningStatus for the service at `at`. Where the bank holiday data does not cover today, it says it
 * cannot tell rather than guess.
 */
export function describeOpeningNow(hours: OpeningHours, at: Instant): string {
  try {
    return describeOpeningStatus(openingStatus(hours, at), at);
  } catch (error) {
    if (error instanceof BankHolidayCoverageError) {
      return 'We cannot say whether it is open today: check the opening hours';
    }
    throw error;
  }
}

/** "a", "a and b", "a, b and c" */
function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function describeSessions(sessions: readonly Session[]): string {
  const sorted = [...sessions].sort((a, b) => parseClockTime(a.opens) - parseClockTime(b.opens));
  return listInWords(
    sorted.map((session) => {
      const opens = parseClockTime(session.opens);
      const closes = parseClockTime(session.closes);
      if (opens === 0 && closes === 1440) return '24 hours';
      return `${formatClockMinutes(opens)} to ${formatClockMinutes(closes)}`;
    }),
  );
}

/** "Every day", "Monday to Friday", "Monday, Tuesday, Thursday, Friday": runs of three or more become ranges. */
function describeDays(days: readonly Weekday[]): string {
  if (days.length === 7) return 'Every day';
  const indexes = days.map((day) => WEEKDAYS.indexOf(day)).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const index of indexes) {
    const run = runs.at(-1);
    if (run && run.at(-1) === index - 1) run.push(index);
    else runs.push([index]);
  }
  const name = (index: number | undefined): string => DAY_NAMES[WEEKDAYS[index ?? 0] as Weekday];
  return runs.map((run) => (run.length >= 3 ? `${name(run[0])} to ${name(run.at(-1))}` : run.map(name).join(', '))).join(', ');
}

function closedLine(closedDays: readonly Weekday[], closedOnBankHolidays: boolean): string | undefined {
  const weekend = closedDays.includes('sat') && closedDays.includes('sun');
  const others = closedDays.filter((day) => !weekend || (day !== 'sat' && day !== 'sun'));
  const onDays = others.map((day) => `${DAY_NAMES[day]}s`);
  const parts: string[] = [];
  if (weekend) {
    if (onDays.length > 0) parts.push(`on ${listInWords(onDays)}`);
    parts.push('at weekends');
    if (closedOnBankHolidays) parts.push('on bank holidays');
  } else {
    const items = closedOnBankHolidays ? [...onDays, 'bank holidays'] : onDays;
    if (items.length > 0) parts.push(`on ${listInWords(items)}`);
  }
  return parts.length > 0 ? `Closed ${listInWords(parts)}` : undefined;
}

/**
 * Short lines for the usual week, days with the same sessions grouped, e.g.
 * ["Monday, Tuesday, Thursday, Friday: 9:30am to 4pm", "Wednesday: 1pm to 4pm",
 *  "Closed at weekends and on bank holidays"]. Dated exceptions are not included.
 */
export function describeWeeklyHours(hours: OpeningHours): string[] {
  if (hours.alwaysOpen) return [ALWAYS_OPEN];
  const groups = new Map<string, Weekday[]>();
  const closedDays: Weekday[] = [];
  for (const day of WEEKDAYS) {
    const sessions = hours.weekly?.[day] ?? [];
    if (sessions.length === 0) {
      closedDays.push(day);
      continue;
    }
    const text = describeSessions(sessions);
    groups.set(text, [...(groups.get(text) ?? []), day]);
  }
  if (groups.size === 0) return ['No regular opening hours'];
  const lines = [...groups].map(([sessions, days]) => `${describeDays(days)}: ${sessions}`);
  const closed = closedLine(closedDays, hours.closedOnBankHolidaysOf !== undefined);
  return closed ? [...lines, closed] : lines;
}
