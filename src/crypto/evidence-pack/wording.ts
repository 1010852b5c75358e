// Dates and numbers the way a UK officer reads them: "3 March 2026 at 14:02 (UK time)". Receipt times are
// milliseconds since the epoch in UTC; the log never sees a time zone.

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function ukTime(ms: number): string {
  const bare = ukTimeBare(ms);
  return bare === undefined ? 'an unreadable time' : `${bare} (UK time)`;
}

/** "3 March 2026 at 14:02", for sentences that say "UK time" once for several times. */
export function ukTimeBare(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return undefined;
  return `${DAY.format(date)} at ${TIME.format(date)}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
