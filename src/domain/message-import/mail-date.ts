// The Date header of an email or saved page (RFC 5322 3.3, with the obsolete zone names of 4.3), read the same on
// every machine: Date.parse would read a date without a zone in the browser's own time zone, so the same file
// could give different times on two computers, and the evidence pack verifier would see a different message.
import { londonWallClockToMs } from './london-time.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  BST: 60,
};
const DATE =
  /^\s*(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(?:([+-])(\d{2}):?(\d{2})|([A-Za-z]{1,5}))?/;

export interface MailDate {
  ms: number;
  /** False when the header gave no zone and the time was read as UK time. */
  zoned: boolean;
}

export function parseMailDate(value: string | undefined): MailDate | undefined {
  if (!value) return undefined;
  const m = DATE.exec(value);
  if (!m) return undefined;
  const day = Number(m[1]);
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? 0);
  if (month < 1 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60 || year < 1990 || year > 2199) return undefined;
  const local = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59));
  if (m[7]) return { ms: local - (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) * 60_000, zoned: true };
  const zone = m[10]?.toUpperCase();
  if (zone !== undefined && zone in ZONES) return { ms: local - ZONES[zone]! * 60_000, zoned: true };
  return { ms: londonWallClockToMs(year, month, day, hour, minute, Math.min(second, 59)), zoned: false };
}
