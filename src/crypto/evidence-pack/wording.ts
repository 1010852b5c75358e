// Dates and numbers the way a UK officer reads them: "3 March 2026 at 14:02 (UK time)". Receipt times are
// milliseconds since the epoch in UTC; the log never sees a time zone.

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export function ukTime(ms: number): string {
  if (!Number.isFinite(ms)) return 'an unreadable time';
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'an unreadable time';
  return `${DAY.format(date)} at ${TIME.format(date)} (UK time)`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
