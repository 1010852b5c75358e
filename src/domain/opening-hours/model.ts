// The shape of a service's opening hours, shared by the hours engine, the support directory data and the
// helpline pages. Times are wall-clock times in Europe/London; the engine handles the clock changes.

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export type Nation = 'england-and-wales' | 'scotland' | 'northern-ireland';

/** One opening period within a day, 'HH:MM' 24-hour clock; closes is after opens ('24:00' means midnight). */
export interface Session {
  opens: string;
  closes: string;
}

export interface DateException {
  /** 'YYYY-MM-DD' in Europe/London. */
  date: string;
  /** Replaces that day's usual sessions; an empty list means closed all day. */
  sessions: Session[];
  /** Shown to people, e.g. "Christmas Eve". */
  reason?: string;
}

export interface OpeningHours {
  /** Open around the clock, every day (bank holidays and exceptions do not apply). */
  alwaysOpen?: boolean;
  weekly?: Partial<Record<Weekday, Session[]>>;
  /** Closed on the bank holidays of this nation. */
  closedOnBankHolidaysOf?: Nation;
  exceptions?: DateException[];
}
