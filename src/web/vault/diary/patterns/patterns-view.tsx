// The diary's patterns: how often, what, and when, as charts people would rather look at than read, each with
// its numbers in words and as a table. Everything is worked out here in the browser from decrypted incidents;
// nothing is stored or sent.
import { useId, useMemo, useState } from 'preact/hooks';
import type { Incident, Person } from '../../../../domain/incidents/index.ts';
import { whenStartDate } from '../../../../domain/incidents/index.ts';
import type { DataTable, WeeklyCounts } from '../../../../domain/patterns/index.ts';
import {
  behavioursOverTime,
  calendarHeatMap,
  dayOfWeek,
  escalationSignal,
  incidentsPerWeek,
  timeOfDay,
} from '../../../../domain/patterns/index.ts';
import { plural as pluralPhrase, t } from '../../i18n/i18n.ts';
import { BehavioursChart } from './behaviours-chart.tsx';
import { CalendarChart } from './calendar-chart.tsx';
import type { HeadingLevel } from './chart-figure.tsx';
import { ChartFigure } from './chart-figure.tsx';
import { ContactPanel } from './contact-panel.tsx';
import { EscalationPanel } from './escalation-panel.tsx';
import type { PeriodId } from './period.ts';
import { DEFAULT_PERIOD, EVERYONE, incidentsOf, inRange, londonDate, NOT_NAMED, namedPeople, PERIODS, rangeFor } from './period.ts';
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
import type { AxisLabel, Column } from './svg-charts.tsx';
import { BarList, ColumnChart } from './svg-charts.tsx';

/** A pattern needs more than one incident. */
export const MIN_INCIDENTS_FOR_CHARTS = 2;
/** Beyond about 18 months, weekly bars get too thin to see on a phone, so the counts go by month. */
export const MAX_WEEKLY_BARS = 78;

const WHAT_YOU_WILL_SEE = ['moreOften', 'eachWeek', 'behaviours', 'calendar', 'daysAndTimes'] as const;

/** Whose incidents are shown: everyone's, those naming one person, or those that do not say who. */
type Whose = { kind: 'everyone' | 'person' | 'notNamed'; name: string };

function EmptyState({ count, whose }: { count: number; whose: Whose }) {
  return (
    <div class="casebook-patterns__empty">
      <p class="govuk-body">{t(`patterns.empty.${count === 0 ? 'none' : 'one'}.${whose.kind}`, { name: whose.name })}</p>
      <p class="govuk-body">{t('patterns.empty.willSee', { minimum: MIN_INCIDENTS_FOR_CHARTS })}</p>
      <ul class="govuk-list govuk-list--bullet">
        {WHAT_YOU_WILL_SEE.map((line) => (
          <li key={line}>{t(`patterns.empty.list.${line}`)}</li>
        ))}
      </ul>
      <p class="govuk-body">{t('patterns.empty.words')}</p>
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
  return starts
    .filter((_, i) => i % every === 0)
    .map(({ index, month }) => ({ index, text: monthName(month, month.endsWith('-01') ? 'yyyy' : 'MMM') }));
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
    title: t('patterns.charts.eachWeek'),
    summary: weeklySummary(weekly),
    table: weekly.table,
    columns: weekly.weeks.map((week) => ({
      value: week.count,
      title: `Week starting ${longDate(week.weekStart)}: ${plural(week.count, 'incident')}`,
    })),
    labels: weekLabels(weekly),
  };
}

function howOftenByMonth(months: ReturnType<typeof behavioursOverTime>['months']): HowOften {
  const total = months.reduce((sum, month) => sum + month.incidents, 0);
  const top = Math.max(...months.map((month) => month.incidents));
  const busiest = months.filter((month) => month.incidents === top).at(-1)!;
  return {
    title: t('patterns.charts.eachMonth'),
    summary: `${plural(total, 'incident')} in ${plural(months.length, 'month')}. The busiest month was ${monthName(busiest.month)}, with ${top}.`,
    table: {
      caption: 'Incidents each month',
      columns: ['Month', 'Incidents'],
      rows: months.map((month) => [monthName(month.month), month.incidents]),
    },
    columns: months.map((month) => ({
      value: month.incidents,
      title: `${monthName(month.month)}: ${plural(month.incidents, 'incident')}`,
    })),
    labels: monthLabels(months.map((month, index) => ({ index, month: month.month }))),
  };
}

const HOUR_LABELS: AxisLabel[] = [0, 6, 12, 18].map((hour) => ({ index: hour, text: hourName(hour) }));

export function PatternsView({
  incidents,
  people,
  now,
  headingLevel = 2,
  onPerson,
}: {
  incidents: readonly Incident[];
  people: readonly Person[];
  now: Date;
  headingLevel?: HeadingLevel;
  onPerson?: (id: string) => void;
}) {
  const id = useId();
  const [period, setPeriod] = useState<PeriodId>(DEFAULT_PERIOD);
  const [who, setWho] = useState<string>(EVERYONE);
  const level = headingLevel;

  const named = useMemo(() => namedPeople(incidents, people), [incidents, people]);
  // A person removed from the list, or a choice that no longer exists, falls back to everyone.
  const whoNow = who === EVERYONE || who === NOT_NAMED || named.some((person) => person.id === who) ? who : EVERYONE;
  const whose: Whose =
    whoNow === EVERYONE
      ? { kind: 'everyone', name: '' }
      : whoNow === NOT_NAMED
        ? { kind: 'notNamed', name: '' }
        : { kind: 'person', name: named.find((person) => person.id === whoNow)?.name ?? '' };

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

  const periodLabel = t(`patterns.periods.${period}.inside`);

  return (
    <div class="casebook-patterns">
      {incidents.length >= MIN_INCIDENTS_FOR_CHARTS ? (
        <div class="casebook-patterns__controls">
          <div class="govuk-form-group casebook-patterns__control">
            <label class="govuk-label govuk-label--s" for={`${id}-period`}>
              {t('patterns.show')}
            </label>
            <select
              class="govuk-select"
              id={`${id}-period`}
              value={period}
              onChange={(event) => setPeriod(event.currentTarget.value as PeriodId)}
            >
              {PERIODS.map((option) => (
                <option key={option.id} value={option.id}>
                  {t(`patterns.periods.${option.id}.option`)}
                </option>
              ))}
            </select>
          </div>
          {named.length > 1 ? (
            <div class="govuk-form-group casebook-patterns__control">
              <label class="govuk-label govuk-label--s" for={`${id}-who`}>
                {t('patterns.person')}
              </label>
              <select class="govuk-select" id={`${id}-who`} value={whoNow} onChange={(event) => setWho(event.currentTarget.value)}>
                <option value={EVERYONE}>{t('patterns.everyone')}</option>
                {named.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.name}
                  </option>
                ))}
                {incidentsOf(incidents, NOT_NAMED).length > 0 ? <option value={NOT_NAMED}>{t('patterns.notNamed')}</option> : null}
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
          {view.future > 0 ? <p class="govuk-inset-text">{pluralPhrase('patterns.future', view.future)}</p> : null}
          {view.shown.length === 0 ? (
            <p class="govuk-body">{t('patterns.noneInPeriod', { period: periodLabel })}</p>
          ) : (
            <div class="casebook-patterns__charts">
              <ChartFigure
                id={`${id}-often`}
                level={level}
                title={view.howOften.title}
                summary={view.howOften.summary}
                table={view.howOften.table}
              >
                <ColumnChart columns={view.howOften.columns} labels={view.howOften.labels} labelledBy={`${id}-often-summary`} />
              </ChartFigure>
              <ChartFigure
                id={`${id}-recent`}
                level={level}
                title={t('patterns.charts.recent')}
                summary={view.escalation.text}
                table={view.escalation.table}
              >
                <BarList
                  labelledBy={`${id}-recent-summary`}
                  bars={[
                    {
                      label: t('patterns.charts.weeksBefore'),
                      value: view.escalation.previous,
                      title: view.escalation.table.rows[0]!.join(': '),
                    },
                    {
                      label: t('patterns.charts.lastWeeks'),
                      value: view.escalation.recent,
                      title: view.escalation.table.rows[1]!.join(': '),
                    },
                  ]}
                />
              </ChartFigure>
              <ChartFigure
                id={`${id}-behaviours`}
                level={level}
                title={t('patterns.charts.behaviours')}
                summary={behavioursSummary(view.monthly)}
                table={view.monthly.table}
                wide
              >
                {view.monthly.behaviours.length > 0 ? <BehavioursChart data={view.monthly} labelledBy={`${id}-behaviours-title`} /> : null}
              </ChartFigure>
              <ChartFigure
                id={`${id}-calendar`}
                level={level}
                title={t('patterns.charts.calendar')}
                summary={calendarSummary(view.calendar)}
                table={view.calendar.table}
                wide
              >
                <CalendarChart calendar={view.calendar} labelledBy={`${id}-calendar-summary`} />
              </ChartFigure>
              <ChartFigure
                id={`${id}-weekdays`}
                level={level}
                title={t('patterns.charts.weekdays')}
                summary={dayOfWeekSummary(view.weekdays)}
                table={view.weekdays.table}
              >
                <BarList
                  labelledBy={`${id}-weekdays-summary`}
                  bars={view.weekdays.days.map((day) => ({
                    label: day.label,
                    value: day.count,
                    title: `${day.label}: ${plural(day.count, 'incident')}`,
                  }))}
                />
              </ChartFigure>
              <ChartFigure
                id={`${id}-hours`}
                level={level}
                title={t('patterns.charts.hours')}
                summary={timeOfDaySummary(view.hours)}
                table={view.hours.table}
              >
                <ColumnChart
                  labelledBy={`${id}-hours-summary`}
                  labels={HOUR_LABELS}
                  columns={view.hours.hours.map((count, hour) => ({
                    value: count,
                    title: `${hourName(hour)} to ${hourName(hour + 1)}: ${plural(count, 'incident')}`,
                  }))}
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
