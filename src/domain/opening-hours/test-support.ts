// Shared by the tests: instants written as London wall-clock times, built with luxon so the tests do not
// depend on the engine's own conversion.
import { DateTime } from 'luxon';

/** 'YYYY-MM-DDTHH:MM' in Europe/London (avoid the repeated hour in October: use `utc` there). */
export function london(localDateTime: string): Date {
  const dateTime = DateTime.fromISO(localDateTime, { zone: 'Europe/London' });
  if (!dateTime.isValid || dateTime.toFormat("yyyy-MM-dd'T'HH:mm") !== localDateTime) {
    throw new Error(`Not a single London wall-clock time: ${localDateTime}`);
  }
  return dateTime.toJSDate();
}

export function utc(isoDateTime: string): Date {
  return new Date(`${isoDateTime}Z`);
}
