import { describe, expect, it } from 'vitest';
import { person, sketch } from '../../../../domain/incidents/test-support.ts';
import type { DataTable } from '../../../../domain/patterns/index.ts';
import {
  behavioursOverTime,
  calendarHeatMap,
  dayOfWeek,
  escalationSignal,
  incidentsPerWeek,
  timeOfDay,
} from '../../../../domain/patterns/index.ts';
import { niceMax } from './chart-scale.ts';
import { PatternsView } from './patterns-view.tsx';
import { inRange, rangeFor } from './period.ts';
import { SAMPLE_PEOPLE, sampleRecord } from './sample-record.ts';
import { attribute, element, elements, render, tableOf, textOf } from './test-html.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
const TODAY = '2026-11-23';
const record = sampleRecord({ now: NOW });
const html = render(PatternsView, { incidents: record, people: SAMPLE_PEOPLE, now: NOW });
const range = rangeFor('12-months', record, TODAY);

function figure(name: string): string {
  return element(html, 'figure', new RegExp(`aria-labelledby="[^"]*-${name}-title"`));
}

function expectTable(figureHtml: string, table: DataTable): void {
  expect(tableOf(figureHtml)).toEqual({ caption: table.caption, columns: table.columns, rows: table.rows.map((row) => row.map(String)) });
}

/** Bar titles, in order: "Week starting …: 3 incidents". */
function barTitles(figureHtml: string): string[] {
  return elements(figureHtml, 'rect', /casebook-chart__bar/).map((rect) => textOf(element(rect, 'title', /./)));
}

describe('PatternsView with a year of incidents', () => {
  it('draws one bar for each week with incidents, each the right height for its count', () => {
    const weekly = incidentsPerWeek(record, { now: NOW.getTime(), from: range.from, to: range.to });
    const busyWeeks = weekly.weeks.filter((week) => week.count > 0);
    const often = figure('often');
    const bars = elements(often, 'rect', /casebook-chart__bar/);
    expect(bars).toHaveLength(busyWeeks.length);
    expect(barTitles(often).map((title) => Number(/: (\d+) incidents?$/.exec(title)?.[1]))).toEqual(busyWeeks.map((week) => week.count));
    // Heights share one scale: a bar's height over its count is the same for every bar.
    const top = niceMax(Math.max(...busyWeeks.map((week) => week.count)));
    const perIncident = bars.map((bar, i) => Number(attribute(bar, 'height')) / busyWeeks[i]!.count);
    for (const ratio of perIncident) expect(ratio).toBeCloseTo(perIncident[0]!, 6);
    expect(Number(attribute(bars[0]!, 'height')) * (top / busyWeeks[0]!.count)).toBeCloseTo(190 - 10 - 26, 6);
    expectTable(often, weekly.table);
  });

  it('gives each chart a heading, a summary in words, a picture and its table', () => {
    const figures = elements(html, 'figure');
    expect(figures.map((f) => textOf(element(f, 'h2', /./)))).toEqual([
      'Incidents each week',
      'The last 4 weeks and the 4 before',
      'Behaviours each month',
      'Calendar of incidents',
      'Days of the week',
      'Times of day',
    ]);
    for (const f of figures) {
      expect(textOf(element(f, 'p', /casebook-patterns__summary/)).length).toBeGreaterThan(20);
      expect(textOf(element(f, 'summary', /govuk-details__summary/))).toBe('Show as a table');
      const picture = element(f, 'div', /casebook-patterns__picture/);
      expect(picture).toMatch(/<svg/);
    }
  });

  it('shows the same numbers as the domain in every table', () => {
    const options = { now: NOW.getTime(), from: range.from, to: range.to };
    const shown = record.filter((incident) => inRange(incident, range.from, range.to));
    expectTable(figure('recent'), escalationSignal(record, { now: NOW.getTime() }).table);
    expectTable(figure('behaviours'), behavioursOverTime(record, options).table);
    expectTable(figure('calendar'), calendarHeatMap(record, { from: range.calendarFrom, to: range.to }).table);
    expectTable(figure('weekdays'), dayOfWeek(shown).table);
    expectTable(figure('hours'), timeOfDay(shown).table);
  });

  it('draws a calendar cell for every day and writes the count in the busy ones', () => {
    const calendar = calendarHeatMap(record, { from: range.calendarFrom, to: range.to });
    const cal = element(figure('calendar'), 'div', /casebook-patterns__months/);
    const cells = elements(cal, 'rect', /casebook-patterns__cell /);
    expect(cells).toHaveLength(calendar.days.length);
    const counts = elements(cal, 'text', /casebook-patterns__cell-count/).map((text) => Number(textOf(text)));
    expect(counts).toEqual(calendar.days.filter((day) => day.count > 0).map((day) => day.count));
    // The busiest day has the darkest shade, an empty day none.
    const busiest = calendar.days.findIndex((day) => day.count === calendar.max);
    expect(cells[busiest]).toMatch(/casebook-patterns__cell--4/);
    expect(cells[calendar.days.findIndex((day) => day.count === 0)]).toMatch(/casebook-patterns__cell--0/);
    expect(elements(cal, 'div', /casebook-patterns__month"/)).toHaveLength(12);
  });

  it('lists the behaviours with their totals, most first', () => {
    const monthly = behavioursOverTime(record, { now: NOW.getTime(), from: range.from, to: range.to });
    const names = elements(figure('behaviours'), 'p', /casebook-patterns__multiple-name/).map(textOf);
    expect(names).toHaveLength(monthly.behaviours.length);
    const totals = names.map((name) => Number(/(\d+) times?$/.exec(name)?.[1]));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(
      monthly.months.reduce((sum, month) => sum + Object.values(month.counts).reduce((a, b) => a + b, 0), 0),
    );
  });

  it('says in plain words whether it is happening more often', () => {
    const escalation = escalationSignal(record, { now: NOW.getTime() });
    const signal = element(html, 'section', /casebook-patterns__signal/);
    expect(textOf(signal)).toContain('Is it happening more often?');
    expect(textOf(signal)).toContain(escalation.text);
    expect(escalation.trend).toBe('rising');
    expect(textOf(signal)).toContain('Happening more often');
    expect(signal).toContain('href="/get-help/report-to-the-police#what-to-tell-the-police"');
  });

  it('uses no inline styles (the page has a strict Content-Security-Policy) and unique ids', () => {
    expect(html).not.toMatch(/\sstyle=/);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of html.matchAll(/aria-(?:labelledby|describedby)="([^"]+)"/g)) expect(ids).toContain(ref[1]);
  });

  it('offers a choice of person only when more than one person is named', () => {
    expect(textOf(element(html, 'select', /-who"/))).toBe('Everyone Sam Taylor Alex Reed Not named');
    const one = render(PatternsView, {
      incidents: record.filter((i) => !i.people.some((p) => p.personId === 'alex')),
      people: SAMPLE_PEOPLE,
      now: NOW,
    });
    expect(one).not.toMatch(/-who"/);
  });
});

describe('PatternsView with too little to chart', () => {
  const people = [person('sam', 'Sam')];

  it('explains what will appear when the record is empty', () => {
    const empty = render(PatternsView, { incidents: [], people, now: NOW });
    expect(textOf(empty)).toContain('There are no incidents in your record yet.');
    expect(textOf(empty)).toContain('how many incidents there are each week');
    expect(empty).not.toMatch(/<figure|<svg|<select/);
  });

  it('explains that a pattern needs a second incident', () => {
    const one = render(PatternsView, { incidents: [sketch({ on: '2026-11-20', by: 'sam' })], people, now: NOW });
    expect(textOf(one)).toContain('There is 1 incident in your record. A pattern needs more than one');
    expect(one).not.toMatch(/<figure/);
  });

  it('charts two incidents, and says when none have an exact time', () => {
    const two = render(PatternsView, { incidents: [sketch({ on: '2026-11-02' }), sketch({ on: '2026-11-20' })], people, now: NOW });
    expect(elements(two, 'figure')).toHaveLength(6);
    expect(textOf(two)).toContain('None of these incidents has an exact time yet.');
    expect(textOf(two)).toContain('No behaviours are ticked on these incidents yet.');
  });

  it('says when an incident is dated after today', () => {
    const future = render(PatternsView, {
      incidents: [sketch({ on: '2026-11-02' }), sketch({ on: '2026-11-20' }), sketch({ on: '2027-11-20' })],
      people,
      now: NOW,
    });
    expect(textOf(future)).toContain('1 incident has a date after today, so it is not in these charts.');
  });
});
