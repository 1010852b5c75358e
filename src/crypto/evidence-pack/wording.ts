// Dates and numbers the way a UK officer reads them: "3 March 2026 at 14:02 (UK time)". Receipt times are
// milliseconds since the epoch in UTC; the log never sees a time zone. The words are the report catalogue's
// (report-text/), so the Welsh pack and verifier say them the same way.
export { ukTime, ukTimeBare } from './report-text/render.ts';

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
