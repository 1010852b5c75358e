import { z } from 'zod';

// Mirrors src/domain/opening-hours/model.ts field for field, so data files are checked against the same
// shape the hours engine reads; hours-schema.test.ts has the compiler prove the inferred type equals OpeningHours.

const CLOCK_TIME = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const isoDateSchema = z.string().refine(isCalendarDate, { message: 'must be a real date written YYYY-MM-DD' });

const clockTimeSchema = z.string().regex(CLOCK_TIME, { message: 'must be a 24-hour time written HH:MM' });

export const sessionSchema = z
  .strictObject({ opens: clockTimeSchema, closes: clockTimeSchema })
  .refine((s) => !CLOCK_TIME.test(s.opens) || !CLOCK_TIME.test(s.closes) || minutesOf(s.opens) < minutesOf(s.closes), {
    message: 'opens must be before closes',
    path: ['closes'],
  });

// Overlapping sessions would make "closes at" ambiguous on the page, so each day's list must be in order.
const sessionsSchema = z.array(sessionSchema).superRefine((sessions, ctx) => {
  for (let i = 1; i < sessions.length; i++) {
    const previous = sessions[i - 1];
    const current = sessions[i];
    if (previous && current && minutesOf(current.opens) < minutesOf(previous.closes)) {
      ctx.addIssue({ code: 'custom', path: [i, 'opens'], message: 'sessions must be in time order and must not overlap' });
    }
  }
});

const weeklySchema = z.strictObject({
  mon: sessionsSchema.optional(),
  tue: sessionsSchema.optional(),
  wed: sessionsSchema.optional(),
  thu: sessionsSchema.optional(),
  fri: sessionsSchema.optional(),
  sat: sessionsSchema.optional(),
  sun: sessionsSchema.optional(),
});

export const dateExceptionSchema = z.strictObject({
  date: isoDateSchema,
  sessions: sessionsSchema,
  reason: z.string().min(1).max(80).optional(),
});

export const openingHoursSchema = z
  .strictObject({
    alwaysOpen: z.boolean().optional(),
    weekly: weeklySchema.optional(),
    closedOnBankHolidaysOf: z.enum(['england-and-wales', 'scotland', 'northern-ireland']).optional(),
    exceptions: z.array(dateExceptionSchema).optional(),
  })
  .superRefine((hours, ctx) => {
    // The model says bank holidays and exceptions do not apply to an always-open service, so giving both
    // is a mistake in the data rather than something the engine can honour.
    if (hours.alwaysOpen === true) {
      for (const key of ['weekly', 'closedOnBankHolidaysOf', 'exceptions'] as const) {
        if (hours[key] !== undefined) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'cannot be combined with alwaysOpen: true' });
        }
      }
    } else if (hours.weekly === undefined) {
      ctx.addIssue({ code: 'custom', path: ['weekly'], message: 'is required unless alwaysOpen is true' });
    }
    const seen = new Set<string>();
    hours.exceptions?.forEach((exception, index) => {
      if (seen.has(exception.date)) {
        ctx.addIssue({ code: 'custom', path: ['exceptions', index, 'date'], message: `${exception.date} is listed twice` });
      }
      seen.add(exception.date);
    });
  });
