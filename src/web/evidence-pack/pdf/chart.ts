// Incidents over time as vector bars: by day for a short record, by week up to about six months, else by month.
// Solid black bars on white with grey rules, so it prints the same in black and white.

import type { Incident } from '../../../domain/incidents/index.ts';
import { whenStartDate } from '../../../domain/incidents/index.ts';
import type { Flow } from './flow.ts';
import { CONTENT_WIDTH, INK, MARGIN, MUTED, need, RULE } from './flow.ts';
import { box, line } from './ink.ts';
import { drawLine, widthOf } from './typeset.ts';

export interface Bucket {
  readonly label: string;
  readonly count: number;
}

const DAY_MS = 86_400_000;
// The English short months, for callers that do not say: the chart passes its language's (text/*.ts chart.months).
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

function isoOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

function dayLabel(iso: string, months: readonly string[]): string {
  return `${Number(iso.slice(8, 10))} ${months[Number(iso.slice(5, 7)) - 1]}`;
}

/** Counts incidents by the London day they started, in buckets that keep the chart between a few and ~40 bars. */
export function bucketsOf(
  incidents: readonly Incident[],
  months: readonly string[] = MONTHS,
): { unit: 'day' | 'week' | 'month'; buckets: Bucket[] } {
  const days = incidents.map((incident) => dayNumber(whenStartDate(incident.when))).filter(Number.isFinite);
  if (days.length === 0) return { unit: 'day', buckets: [] };
  const first = Math.min(...days);
  const last = Math.max(...days);
  const span = last - first + 1;
  if (span <= 31) {
    const counts = new Array<number>(span).fill(0);
    for (const d of days) counts[d - first]!++;
    return { unit: 'day', buckets: counts.map((count, i) => ({ label: dayLabel(isoOf(first + i), months), count })) };
  }
  if (span <= 26 * 7) {
    // Weeks start on Monday; day 0 (1 January 1970) was a Thursday.
    const monday = (d: number) => d - ((((d + 3) % 7) + 7) % 7);
    const start = monday(first);
    const weeks = Math.floor((monday(last) - start) / 7) + 1;
    const counts = new Array<number>(weeks).fill(0);
    for (const d of days) counts[Math.floor((monday(d) - start) / 7)]!++;
    return { unit: 'week', buckets: counts.map((count, i) => ({ label: dayLabel(isoOf(start + i * 7), months), count })) };
  }
  const monthIndex = (d: number) => {
    const iso = isoOf(d);
    return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
  };
  const firstMonth = monthIndex(first);
  const monthCount = monthIndex(last) - firstMonth + 1;
  const counts = new Array<number>(monthCount).fill(0);
  for (const d of days) counts[monthIndex(d) - firstMonth]!++;
  return {
    unit: 'month',
    buckets: counts.map((count, i) => {
      const m = firstMonth + i;
      return { label: `${months[m % 12]} ${String(Math.floor(m / 12)).slice(2)}`, count };
    }),
  };
}

/** Draws the chart at the flow's position and moves below it. */
export function drawChart(flow: Flow, incidents: readonly Incident[]): void {
  const w = flow.words;
  const { unit, buckets } = bucketsOf(incidents, w.say('chart.months').split(' '));
  if (buckets.length === 0) return;
  const height = 120;
  const axisWidth = 22;
  const labelSpace = 26;
  need(flow, height + labelSpace + 10);
  const page = flow.page;
  const top = flow.y - 6;
  const bottom = top - height;
  const left = MARGIN + axisWidth;
  const width = CONTENT_WIDTH - axisWidth;
  const max = Math.max(...buckets.map((b) => b.count));
  const step = niceStep(max);
  const scaleMax = Math.ceil(max / step) * step;
  const tick = { size: 7, color: MUTED };

  for (let value = 0; value <= scaleMax; value += step) {
    const y = bottom + (value / scaleMax) * height;
    line(page, left, y, left + width, y, value === 0 ? 0.8 : 0.3, value === 0 ? INK : RULE);
    const text = String(value);
    drawLine(page, flow.faces, text, left - 4 - widthOf(flow.faces, text, tick), y - 2.5, tick);
  }
  const slot = width / buckets.length;
  const barWidth = Math.max(1, slot * 0.7);
  // Label every nth bar so labels never overlap.
  const labelWidth = Math.max(...buckets.map((b) => widthOf(flow.faces, b.label, tick)));
  const every = Math.max(1, Math.ceil((labelWidth + 4) / slot));
  buckets.forEach((bucket, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    if (bucket.count > 0) box(page, x, bottom, barWidth, (bucket.count / scaleMax) * height, { fill: INK });
    if (i % every === 0) {
      const w = widthOf(flow.faces, bucket.label, tick);
      drawLine(page, flow.faces, bucket.label, x + barWidth / 2 - w / 2, bottom - 10, tick);
    }
  });
  drawLine(page, flow.faces, w.say(`chart.caption.${unit}`), left, bottom - 22, tick);
  flow.y = bottom - labelSpace - 4;
}

function niceStep(max: number): number {
  if (max <= 5) return 1;
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const f of [1, 2, 5, 10]) if (f * power >= rough) return f * power;
  return 10 * power;
}
