// Checks OpeningHours written by hand (the support directory data) before the engine meets them, so a typo
// such as '9:30' or a 'monday' key fails a data test rather than showing a service as closed.
import { isCalendarDate, WEEKDAYS } from './calendar-date.ts';
import { parseClockTime } from './clock-time.ts';
import type { OpeningHours, Session } from './model.ts';

function minutesOrProblem(time: string, where: string, problems: string[]): number | undefined {
  try {
    return parseClockTime(time);
  } catch {
    problems.push(`${where}: ${JSON.stringify(time)} is not a time from 00:00 to 24:00 in the form HH:MM`);
    return undefined;
  }
}

function sessionProblems(sessions: readonly Session[], where: string, problems: string[]): void {
  const valid: { opens: number; closes: number }[] = [];
  sessions.forEach((session, index) => {
    const place = `${where} session ${index + 1}`;
    const opens = minutesOrProblem(session.opens, `${place} opens`, problems);
    const closes = minutesOrProblem(session.closes, `${place} closes`, problems);
    if (opens === undefined || closes === undefined) return;
    if (closes <= opens) problems.push(`${place}: closes (${session.closes}) must be after opens (${session.opens})`);
    else valid.push({ opens, closes });
  });
  valid.sort((a, b) => a.opens - b.opens);
  for (let i = 1; i < valid.length; i += 1) {
    const previous = valid[i - 1];
    const current = valid[i];
    if (previous && current && current.opens < previous.closes) problems.push(`${where}: sessions overlap`);
  }
}

/** Everything wrong with a set of opening hours, as sentences for a developer; empty when they are fine. */
export function openingHoursProblems(hours: OpeningHours): string[] {
  const problems: string[] = [];
  if (hours.alwaysOpen) {
    if (hours.weekly || hours.exceptions || hours.closedOnBankHolidaysOf) {
      problems.push('alwaysOpen ignores weekly, exceptions and closedOnBankHolidaysOf: leave them out');
    }
    return problems;
  }
  const weekly = hours.weekly ?? {};
  for (const key of Object.keys(weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      problems.push(`weekly: ${JSON.stringify(key)} is not a weekday (use mon, tue, wed, thu, fri, sat, sun)`);
    }
  }
  for (const day of WEEKDAYS) sessionProblems(weekly[day] ?? [], `weekly.${day}`, problems);
  const seen = new Set<string>();
  for (const exception of hours.exceptions ?? []) {
    if (!isCalendarDate(exception.date)) {
      problems.push(`exceptions: ${JSON.stringify(exception.date)} is not a date in the form YYYY-MM-DD`);
    } else if (seen.has(exception.date)) {
      problems.push(`exceptions: ${exception.date} is listed more than once`);
    }
    seen.add(exception.date);
    sessionProblems(exception.sessions, `exceptions ${exception.date}`, problems);
  }
  const anySessions = WEEKDAYS.some((day) => (weekly[day] ?? []).length > 0);
  if (!anySessions) problems.push('no weekly sessions: the service would never be open (use alwaysOpen for 24/7)');
  return problems;
}
