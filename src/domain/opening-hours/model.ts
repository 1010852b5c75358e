// The shape of a service's opening hours, shared by the hours engine, the support directory data and the
// helpline pages. Times are wall-clock times in Europe/London; the engine handles the clock changes.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';

/**
 * One opening period within a day, 'HH:MM' 24-hour clock; closes is after opens ('24:00' means midnight).
 * Overnight opening is two sessions: '18:00'–'24:00' and the next day's '00:00'–'02:00' (the engine joins them).
 * On the nights the clocks change, a time means the first moment London clocks show it or later: the first of
 * the two 01:30s in October, and 02:00 BST for a time in the missing hour in March.
 */
export interface Session {
  opens: string;
  closes: string;
}

export interface DateException {
  /** 'YYYY-MM-DD' in Europe/London. */
  date: string;
  /** Replaces that day's usual sessions, bank holiday or not; an empty list means closed all day. */
  sessions: Session[];
  /** Shown to people after "Closed for", e.g. "Christmas Eve" or "staff training". */
  reason?: string;
}

export interface OpeningHours {
  /** Open around the clock, every day (bank holidays and exceptions do not apply). */
  alwaysOpen?: boolean;
  weekly?: Partial<Record<Weekday, Session[]>>;
  /** Closed on the bank holidays of this nation (a dated exception for the day overrides this). */
  closedOnBankHolidaysOf?: Nation;
  exceptions?: DateException[];
}
