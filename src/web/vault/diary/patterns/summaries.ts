// One or two plain sentences under each chart, so the point of it is clear without reading the bars, and so a
// screen reader hears what a sighted person sees at a glance. Short words, numbers as digits.
import { DateTime } from 'luxon';
import type { BehaviourId } from '../../../../domain/incidents/index.ts';
import { behaviourById } from '../../../../domain/incidents/index.ts';
import type { BehavioursOverTime, CalendarHeatMap, DayOfWeek, TimeOfDay, Trend, WeeklyCounts } from '../../../../domain/patterns/index.ts';

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function longDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat('cccc d MMMM yyyy');
}

export function monthName(month: string, format = 'MMMM yyyy'): string {
  return DateTime.fromISO(`${month}-01`, { zone: 'utc' }).toFormat(format);
}

/** "midnight", "6am", "midday", "6pm". */
export function hourName(hour: number): string {
  if (hour % 24 === 0) return 'midnight';
  if (hour === 12) return 'midday';
  return hour < 12 ? `${hour}am` : `${hour - 12}pm`;
}

/** The indexes holding the largest value, when it is above zero. */
function peaks(values: readonly number[]): number[] {
  const top = Math.max(0, ...values);
  return top === 0 ? [] : values.flatMap((value, index) => (value === top ? [index] : []));
}

function oneDecimal(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

export function weeklySummary(weekly: WeeklyCounts): string {
  const counts = weekly.weeks.map((week) => week.count);
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return 'There are no incidents in these weeks.';
  const average = total / counts.length;
  const busiest = peaks(counts);
  const top = counts[busiest[0]!]!;
  const opening = `${plural(total, 'incident')} in ${plural(counts.length, 'week')}${average >= 1 ? `, about ${oneDecimal(average)} a week` : ''}.`;
  if (counts.length === 1) return opening;
  const latest = weekly.weeks[busiest.at(-1)!]!;
  const busy =
    busiest.length === 1
      ? `The busiest week began on ${longDate(latest.weekStart)}, with ${top}.`
      : `${busiest.length} weeks had ${top}, the most in a week. The latest began on ${longDate(latest.weekStart)}.`;
  return `${opening} ${busy}`;
}

function label(id: BehaviourId): string {
  return behaviourById(id).label.toLowerCase();
}

export function behavioursSummary(data: BehavioursOverTime): string {
  if (data.behaviours.length === 0) {
    return 'No behaviours are ticked on these incidents yet. Tick them on each incident to see how they change over time.';
  }
  const totals = data.behaviours
    .map((id) => ({ id, total: data.months.reduce((sum, month) => sum + (month.counts[id] ?? 0), 0) }))
    .sort((a, b) => b.total - a.total);
  const [first, second] = totals;
  const most = second
    ? `Recorded most often: ${label(first!.id)} (${plural(first!.total, 'time')}), then ${label(second.id)} (${plural(second.total, 'time')}).`
    : `Recorded: ${label(first!.id)} (${plural(first!.total, 'time')}).`;
  // Something new in the last two months is how a change of pattern shows, say from messages to turning up.
  if (data.months.length < 4) return most;
  const recent = new Set(data.months.slice(-2).map((month) => month.month));
  const fresh = data.behaviours.filter((id) => {
    const firstMonth = data.months.find((month) => (month.counts[id] ?? 0) > 0);
    return firstMonth !== undefined && recent.has(firstMonth.month);
  });
  if (fresh.length === 0) return most;
  return `${most} New in the last 2 months: ${listing(fresh.map(label))}.`;
}

export function calendarSummary(calendar: CalendarHeatMap): string {
  const busy = calendar.days.filter((day) => day.count > 0);
  const unknown =
    calendar.dayNotKnown > 0
      ? ` ${plural(calendar.dayNotKnown, 'incident')} ${calendar.dayNotKnown === 1 ? 'is' : 'are'} not on the calendar because the day is not known exactly.`
      : '';
  if (busy.length === 0) return `No days in this calendar have incidents.${unknown}`;
  const busiest = busy.filter((day) => day.count === calendar.max);
  const which =
    busiest.length === 1
      ? `The busiest day was ${longDate(busiest[0]!.date)}, with ${plural(calendar.max, 'incident')}.`
      : `${busiest.length} days had ${plural(calendar.max, 'incident')}, the most in a day. The latest was ${longDate(busiest.at(-1)!.date)}.`;
  return `Something happened on ${busy.length} of the ${calendar.days.length} days shown. ${which}${unknown}`;
}

function weekdayNames(data: DayOfWeek, indexes: readonly number[], each: boolean): string {
  const names = indexes.map((index) => `${data.days[index]!.label}s`);
  const count = data.days[indexes[0]!]!.count;
  return `${listing(names)} (${count}${each && indexes.length > 1 ? ' each' : ''})`;
}

export function dayOfWeekSummary(data: DayOfWeek): string {
  const counts = data.days.map((day) => day.count);
  const known = counts.reduce((a, b) => a + b, 0);
  const unknown =
    data.dayNotKnown > 0
      ? ` ${plural(data.dayNotKnown, 'incident')} without a known day ${data.dayNotKnown === 1 ? 'is' : 'are'} not shown.`
      : '';
  if (known === 0) return `None of these incidents has a known day yet.${unknown}`;
  const most = peaks(counts);
  if (most.length === 7) return `The same number on every day of the week (${counts[0]}).${unknown}`;
  const least = counts.flatMap((count, index) => (count === Math.min(...counts) ? [index] : []));
  return `Most on ${weekdayNames(data, most, true)}. Fewest on ${weekdayNames(data, least, true)}.${unknown}`;
}

const PARTS_OF_DAY = [
  { name: 'at night', from: 0, to: 6 },
  { name: 'in the morning', from: 6, to: 12 },
  { name: 'in the afternoon', from: 12, to: 18 },
  { name: 'in the evening', from: 18, to: 24 },
] as const;

export function timeOfDaySummary(data: TimeOfDay): string {
  const known = data.hours.reduce((a, b) => a + b, 0);
  const unknown =
    data.timeNotKnown > 0
      ? ` ${plural(data.timeNotKnown, 'incident')} without an exact time ${data.timeNotKnown === 1 ? 'is' : 'are'} not shown.`
      : '';
  if (known === 0)
    return `None of these incidents has an exact time yet. When you know the time, add it, and this chart will fill in.${unknown}`;
  const parts = PARTS_OF_DAY.map((part) => ({ ...part, count: data.hours.slice(part.from, part.to).reduce((a, b) => a + b, 0) }));
  const part = parts.reduce((a, b) => (b.count > a.count ? b : a));
  const hours = peaks(data.hours);
  const hour =
    hours.length === 1 ? ` The busiest hour was ${hourName(hours[0]!)} to ${hourName(hours[0]! + 1)} (${data.hours[hours[0]!]}).` : '';
  return `Most were ${part.name} (${hourName(part.from)} to ${hourName(part.to)}): ${part.count} of ${known}.${hour}${unknown}`;
}

export const TREND_TITLES: Readonly<Record<Trend, string>> = {
  rising: 'Happening more often',
  falling: 'Happening less often',
  steady: 'About the same',
  'too-few': 'Not enough to compare yet',
};
