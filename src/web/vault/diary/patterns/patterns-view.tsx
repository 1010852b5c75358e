// The diary's patterns: how often, what, and when, as charts people would rather look at than read, each with
// its numbers in words and as a table. Everything is worked out here in the browser from decrypted incidents;
// nothing is stored or sent.
import { useId, useMemo, useState } from 'preact/hooks';
import type { Incident, Person } from '../../../../domain/incidents/index.ts';
import { behavioursOverTime, calendarHeatMap, dayOfWeek, escalationSignal, incidentsPerWeek, timeOfDay } from '../../../../domain/patterns/index.ts';
import type { DataTable, WeeklyCounts } from '../../../../domain/patterns/index.ts';
import { whenStartDate } from '../../../../domain/incidents/index.ts';
import { BehavioursChart } from './behaviours-chart.tsx';
import { CalendarChart } from './calendar-chart.tsx';
import { ChartFigure } from './chart-figure.tsx';
import type { HeadingLevel } from './chart-figure.tsx';
import { ContactPanel } from './contact-panel.tsx';
import { EscalationPanel } from './escalation-panel.tsx';
import { DEFAULT_PERIOD, EVERYONE, NOT_NAMED, PERIODS, inRange, incidentsOf, londonDate, namedPeople, rangeFor } from './period.ts';
import type { PeriodId } from './period.ts';
import {
  behavioursSummary,
  calendarSummary,
  dayOfWeekSummary,
  hourName,
  longDate,
  monthName,
  plural,
  timeOfDaySummary,
  weeklySummary,
} from './summaries.ts';
import { BarList, ColumnChart } from './svg-charts.tsx';
import type { AxisLabel, Column } from './svg-charts.tsx';

/** A pattern needs more than one incident. */
export const MIN_INCIDENTS_FOR_CHARTS = 2;
/** Beyond about 18 months, weekly bars get too thin to see on a phone, so the counts go by month. */
export const MAX_WEEKLY_BARS = 78;

const WHAT_YOU_WILL_SEE = [
  'whether it is happening more often than before',
  'how many incidents there are each week',
  'which behaviours happen, month by month',
  'a calendar of the days when things happened',
  'which days of the week and times of day they happen',
];

/** `whose` finishes "There is 1 incident…", e.g. " involving Sam", or is empty for everyone's. */
function EmptyState({ count, whose }: { count: number; whose: string }) {
  return (
    <div class="casebook-patterns__empty">
      <p class="govuk-body">
        {count === 0
          ? `There are no incidents${whose} in your record yet.`
          : `There is 1 incident${whose} in your record. A pattern needs more than one, so the charts start from the second.`}
      </p>
      <p class="govuk-body">When you have recorded {MIN_INCIDENTS_FOR_CHARTS} or more, you will see:</p>
      <ul class="govuk-list govuk-list--bullet">
        {WHAT_YOU_WILL_SEE.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p class="govuk-body">Each chart also says what it shows in words, and has a table of the numbers.</p>
    </div>
  );
}

/** A month under its first column: "Mar", or the year in January, as wall charts do. At most 7 fit a phone. */
function monthLabels(starts: readonly { index: number; month: string }[]): AxisLabel[] {
  if (starts.length > 24) {
    // Over two years: the years alone.
    const years = starts.filter(({ month }) => month.endsWith('-01'));
    const everyYear = Math.ceil(years.length / 7);
    return years.filter((_, i) => i % everyYear === 0).map(({ index, month }) => ({ index, text: month.slice(0, 4) }));
  }
  const every = Math.ceil(starts.length / 7);
  return starts.filter((_, i) => i % every === 0).map(({ index, month }) => ({ index, text: monthName(month, month.endsWith('-01') ? 'yyyy' : 'MMM') }));
}

function weekLabels(weekly: WeeklyCounts): AxisLabel[] {
  return monthLabels(
    weekly.weeks.flatMap((week, index) => {
      const month = week.weekStart.slice(0, 7);
      return index === 0 || weekly.weeks[index - 1]!.weekStart.slice(0, 7) !== month ? [{ index, month }] : [];
    }),
  );
}

interface HowOften {
  title: string;
  summary: string;
  table: DataTable;
  columns: Column[];
  labels: AxisLabel[];
}

function howOftenByWeek(weekly: WeeklyCounts): HowOften {
  return {
    title: 'Incidents each week',
    summary: weeklySummary(weekly),
    table: weekly.table,
    columns: weekly.weeks.map((week) => ({ value: week.count, title: `Week starting ${longDate(week.weekStart)}: ${plural(week.count, 'incident')}` })),
    labels: weekLabels(weekly),
  };
}

function howOftenByMonth(months: ReturnType<typeof behavioursOverTime>['months']): HowOften {
  const total = months.reduce((sum, month) => sum + month.incidents, 0);
  const top = Math.max(...months.map((month) => month.incidents));
  const busiest = months.filter((month) => month.incidents === top).at(-1)!;
  return {
    title: 'Incidents each month',
    summary: `${plural(total, 'incident')} in ${plural(months.length, 'month')}. The busiest month was ${monthName(busiest.month)}, with ${top}.`,
    table: { caption: 'Incidents each month', columns: ['Month', 'Incidents'], rows: months.map((month) => [monthName(month.month), month.incidents]) },
    columns: months.map((month) => ({ value: month.incidents, title: `${monthName(month.month)}: ${plural(month.incidents, 'incident')}` })),
    labels: monthLabels(months.map((month, index) => ({ index, month: month.month }))),
  };
}

const HOUR_LABELS: AxisLabel[] = [0, 6, 12, 18].map((hour) => ({ index: hour, text: hourName(hour) }));

export function PatternsView({ incidents, people, now, headingLevel = 2, onPerson }: { incidents: readonly Incident[]; people: readonly Person[]; now: Date; headingLevel?: HeadingLevel; onPerson?: (id: string) => void }) {
  const id = useId();
  const [period, setPeriod] = useState<PeriodId>(DEFAULT_PERIOD);
  const [who, setWho] = useState<string>(EVERYONE);
  const level = headingLevel;

  const named = useMemo(() => namedPeople(incidents, people), [incidents, people]);
  // A person removed from the list, or a choice that no longer exists, falls back to everyone.
  const whoNow = who === EVERYONE || who === NOT_NAMED || named.some((person) => person.id === who) ? who : EVERYONE;
  const whose = whoNow === EVERYONE ? '' : whoNow === NOT_NAMED ? ' that does not say who did it' : ` involving ${named.find((person) => person.id === whoNow)?.name ?? ''}`;

  const view = useMemo(() => {
    const at = now.getTime();
    const today = londonDate(now);
    const chosen = incidentsOf(incidents, whoNow);
    const range = rangeFor(period, chosen, today);
    const shown = chosen.filter((incident) => inRange(incident, range.from, range.to));
    const future = chosen.filter((incident) => whenStartDate(incident.when) > today).length;
    const options = { now: at, from: range.from, to: range.to };
    const weekly = incidentsPerWeek(chosen, options);
    const monthly = behavioursOverTime(chosen, options);
    return {
      chosen,
      shown,
      future,
      escalation: escalationSignal(chosen, { now: at }),
      howOften: weekly.weeks.length > MAX_WEEKLY_BARS ? howOftenByMonth(monthly.months) : howOftenByWeek(weekly),
      monthly,
      calendar: calendarHeatMap(chosen, { from: range.calendarFrom, to: range.to }),
      weekdays: dayOfWeek(shown),
      hours: timeOfDay(shown),
    };
  }, [incidents, whoNow, period, now.getTime()]);

  const periodLabel = PERIODS.find((p) => p.id === period)!.label.replace(/^The l/, 'l').replace(/^All/, 'all');

  return (
    <div class="casebook-patterns">
      {incidents.length >= MIN_INCIDENTS_FOR_CHARTS ? (
        <div class="casebook-patterns__controls">
          <div class="govuk-form-group casebook-patterns__control">
            <label class="govuk-label govuk-label--s" for={`${id}-period`}>
              Show
            </label>
            <select class="govuk-select" id={`${id}-period`} value={period} onChange={(event) => setPeriod(event.currentTarget.value as PeriodId)}>
              {PERIODS.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
          {named.length > 1 ? (
            <div class="govuk-form-group casebook-patterns__control">
              <label class="govuk-label govuk-label--s" for={`${id}-who`}>
                Person
              </label>
              <select class="govuk-select" id={`${id}-who`} value={whoNow} onChange={(event) => setWho(event.currentTarget.value)}>
                <option value={EVERYONE}>Everyone</option>
                {named.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
                {incidentsOf(incidents, NOT_NAMED).length > 0 ? <option value={NOT_NAMED}>Not named</option> : null}
              </select>
            </div>
          ) : null}
        </div>
      ) : null}

      {view.chosen.length < MIN_INCIDENTS_FOR_CHARTS ? (
        <EmptyState count={view.chosen.length} whose={whose} />
      ) : (
        <>
          <EscalationPanel escalation={view.escalation} level={level} id={`${id}-signal`} />
          {view.future > 0 ? (
            <p class="govuk-inset-text">
              {view.future === 1 ? '1 incident has a date after today, so it is not in these charts. Check its date.' : `${view.future} incidents have dates after today, so they are not in these charts. Check their dates.`}
            </p>
          ) : null}
          {view.shown.length === 0 ? (
            <p class="govuk-body">There are no incidents in {periodLabel}. Choose a longer time to see more.</p>
          ) : (
            <div class="casebook-patterns__charts">
              <ChartFigure id={`${id}-often`} level={level} title={view.howOften.title} summary={view.howOften.summary} table={view.howOften.table}>
                <ColumnChart columns={view.howOften.columns} labels={view.howOften.labels} labelledBy={`${id}-often-summary`} />
              </ChartFigure>
              <ChartFigure id={`${id}-recent`} level={level} title="The last 4 weeks and the 4 before" summary={view.escalation.text} table={view.escalation.table}>
                <BarList
                  labelledBy={`${id}-recent-summary`}
                  bars={[
                    { label: 'The 4 weeks before', value: view.escalation.previous, title: view.escalation.table.rows[0]!.join(': ') },
                    { label: 'The last 4 weeks', value: view.escalation.recent, title: view.escalation.table.rows[1]!.join(': ') },
                  ]}
                />
              </ChartFigure>
              <ChartFigure id={`${id}-behaviours`} level={level} title="Behaviours each month" summary={behavioursSummary(view.monthly)} table={view.monthly.table} wide>
                {view.monthly.behaviours.length > 0 ? <BehavioursChart data={view.monthly} labelledBy={`${id}-behaviours-title`} /> : null}
              </ChartFigure>
              <ChartFigure id={`${id}-calendar`} level={level} title="Calendar of incidents" summary={calendarSummary(view.calendar)} table={view.calendar.table} wide>
                <CalendarChart calendar={view.calendar} labelledBy={`${id}-calendar-summary`} />
              </ChartFigure>
              <ChartFigure id={`${id}-weekdays`} level={level} title="Days of the week" summary={dayOfWeekSummary(view.weekdays)} table={view.weekdays.table}>
                <BarList
                  labelledBy={`${id}-weekdays-summary`}
                  bars={view.weekdays.days.map((day) => ({ label: day.label, value: day.count, title: `${day.label}: ${plural(day.count, 'incident')}` }))}
                />
              </ChartFigure>
              <ChartFigure id={`${id}-hours`} level={level} title="Times of day" summary={timeOfDaySummary(view.hours)} table={view.hours.table}>
                <ColumnChart
                  labelledBy={`${id}-hours-summary`}
                  labels={HOUR_LABELS}
                  columns={view.hours.hours.map((count, hour) => ({ value: count, title: `${hourName(hour)} to ${hourName(hour + 1)}: ${plural(count, 'incident')}` }))}
                />
              </ChartFigure>
            </div>
          )}
        </>
      )}
      <ContactPanel incidents={incidents} people={people} level={level} {...(onPerson ? { onPerson } : {})} />
    </div>
  );
}
