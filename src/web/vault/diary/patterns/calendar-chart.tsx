// The calendar heat map as small month calendars, Monday first, as on a wall calendar: easier to read on a phone
// than one long strip of weeks. Busier days are darker (lightness alone, so it survives greyscale), and a busy
// day shows its count as a number, so nothing depends on telling shades apart.
import { daysInMonth } from '../../../../domain/incidents/iso-calendar.ts';
import type { CalendarHeatMap, DayCount } from '../../../../domain/patterns/index.ts';
import { t } from '../../i18n/i18n.ts';
import { shadeLevel } from './chart-scale.ts';
import { longDate, monthName, plural } from './summaries.ts';

const CELL = 20;
const GAP = 2;
const PITCH = CELL + GAP;
const HEADER = 16;
const WEEKDAY_LETTERS = ['M', 'T', 'W', 'T', 'F', 'S', 'S'];

interface Month {
  month: string;
  days: DayCount[];
}

function byMonth(days: readonly DayCount[]): Month[] {
  const months: Month[] = [];
  for (const day of days) {
    const month = day.date.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === month) last.days.push(day);
    else months.push({ month, days: [day] });
  }
  return months;
}

function MonthGrid({ month, max }: { month: Month; max: number }) {
  // Rows are the weeks of the month; the first row starts on the weekday of the 1st.
  const firstWeekday = weekdayOfFirst(month);
  const [year, number] = month.month.split('-').map(Number) as [number, number];
  const rows = Math.ceil((firstWeekday - 1 + daysInMonth(year, number)) / 7);
  const height = HEADER + rows * PITCH;
  return (
    <div class="casebook-patterns__month">
      <p class="govuk-body-s casebook-patterns__month-name">{monthName(month.month)}</p>
      <svg
        class="casebook-chart casebook-patterns__month-grid"
        viewBox={`0 0 ${7 * PITCH - GAP} ${height}`}
        aria-hidden="true"
        focusable="false"
      >
        {WEEKDAY_LETTERS.map((letter, index) => (
          <text key={index} x={index * PITCH + CELL / 2} y={11} text-anchor="middle" class="casebook-chart__tick" font-size={10}>
            {letter}
          </text>
        ))}
        {month.days.map((day) => {
          const dayOfMonth = Number(day.date.slice(8, 10));
          const slot = firstWeekday - 1 + dayOfMonth - 1;
          const x = (slot % 7) * PITCH;
          const y = HEADER + Math.floor(slot / 7) * PITCH;
          const level = shadeLevel(day.count, max);
          return (
            <g key={day.date}>
              <rect x={x} y={y} width={CELL} height={CELL} rx={2} class={`casebook-patterns__cell casebook-patterns__cell--${level}`}>
                <title>{`${longDate(day.date)}: ${day.count === 0 ? 'no incidents' : plural(day.count, 'incident')}`}</title>
              </rect>
              {day.count > 0 ? (
                <text
                  x={x + CELL / 2}
                  y={y + CELL / 2 + 4}
                  text-anchor="middle"
                  font-size={11}
                  class={`casebook-patterns__cell-count casebook-patterns__cell-count--${level}`}
                >
                  {day.count}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** 1 = Monday … 7 = Sunday for the 1st of the month, even when the heat map starts part-way through it. */
function weekdayOfFirst(month: Month): number {
  const first = month.days[0]!;
  const offset = Number(first.date.slice(8, 10)) - 1;
  return ((((first.weekday - 1 - offset) % 7) + 7) % 7) + 1;
}

/** What each shade means, e.g. "1", "2", "3 to 4", "5 to 8". */
export function shadeKey(max: number): { level: number; text: string }[] {
  const key = [{ level: 0, text: t('patterns.calendarNone') }];
  for (let level = 1; level <= 4; level += 1) {
    const counts: number[] = [];
    for (let count = 1; count <= max; count += 1) if (shadeLevel(count, max) === level) counts.push(count);
    if (counts.length === 0) continue;
    const low = counts[0]!;
    const high = counts.at(-1)!;
    key.push({ level, text: low === high ? String(low) : `${low} to ${high}` });
  }
  return key;
}

export function CalendarChart({ calendar, labelledBy }: { calendar: CalendarHeatMap; labelledBy: string }) {
  return (
    <div class="casebook-patterns__calendar">
      <div class="casebook-patterns__months" role="img" aria-labelledby={labelledBy}>
        {byMonth(calendar.days).map((month) => (
          <MonthGrid key={month.month} month={month} max={calendar.max} />
        ))}
      </div>
      <div class="casebook-patterns__key">
        <p class="govuk-body-s casebook-patterns__key-title">{t('patterns.calendarKey')}</p>
        <ul class="casebook-patterns__key-list">
          {shadeKey(calendar.max).map((entry) => (
            <li key={entry.level} class="govuk-body-s casebook-patterns__key-item">
              <svg class="casebook-patterns__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <rect
                  x={0.5}
                  y={0.5}
                  width={15}
                  height={15}
                  rx={2}
                  class={`casebook-patterns__cell casebook-patterns__cell--${entry.level}`}
                />
              </svg>
              {entry.text}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
