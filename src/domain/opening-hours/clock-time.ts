// Session times are 'HH:MM' on the 24-hour clock; '24:00' is the midnight that ends the day.
const CLOCK_TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes since midnight, 0–1440. @throws RangeError for anything but 'HH:MM' from '00:00' to '24:00'. */
export function parseClockTime(time: string): number {
  const match = CLOCK_TIME.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!(minutes <= 1440)) {
    throw new RangeError(`Not a time in the form HH:MM (00:00 to 24:00): ${JSON.stringify(time)}`);
  }
  return minutes;
}
