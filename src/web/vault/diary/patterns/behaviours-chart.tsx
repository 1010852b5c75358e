// Behaviours over time as small multiples: one little bar chart per behaviour, a bar for each month, all on the
// same scale. Each has its name and total in words above it, so no colour or legend is needed to tell them
// apart, and a change (messages giving way to turning up at the door) shows as bars moving along the rows.
import { behaviourById } from '../../../../domain/incidents/index.ts';
import type { BehavioursOverTime } from '../../../../domain/patterns/index.ts';
import { monthName, plural } from './summaries.ts';

const WIDTH = 360;
const HEIGHT = 36;

export function BehavioursChart({ data, labelledBy }: { data: BehavioursOverTime; labelledBy: string }) {
  const rows = data.behaviours
    .map((id) => ({ id, counts: data.months.map((month) => month.counts[id] ?? 0) }))
    .map((row) => ({ ...row, total: row.counts.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total);
  const max = Math.max(1, ...rows.flatMap((row) => row.counts));
  const step = WIDTH / Math.max(1, data.months.length);
  const barWidth = Math.max(1, step * 0.7);
  const first = data.months[0];
  const last = data.months.at(-1);
  return (
    <ul class="casebook-patterns__multiples" aria-labelledby={labelledBy}>
      {rows.map((row) => (
        <li key={row.id} class="casebook-patterns__multiple">
          <p class="govuk-body-s casebook-patterns__multiple-name">
            <span>{behaviourById(row.id).label}</span>
            <span class="casebook-patterns__multiple-total">{plural(row.total, 'time')}</span>
          </p>
          {/* Stretched to the row's width: bars only, no text to distort. */}
          <svg
            class="casebook-chart casebook-patterns__multiple-bars"
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            preserveAspectRatio="none"
            aria-hidden="true"
            focusable="false"
          >
            <line
              x1={0}
              x2={WIDTH}
              y1={HEIGHT - 0.5}
              y2={HEIGHT - 0.5}
              class="casebook-chart__baseline"
              vector-effect="non-scaling-stroke"
            />
            {row.counts.map((count, index) =>
              count > 0 ? (
                <rect
                  key={index}
                  class="casebook-chart__bar"
                  x={index * step + (step - barWidth) / 2}
                  y={HEIGHT - 1 - (count / max) * (HEIGHT - 2)}
                  width={barWidth}
                  height={(count / max) * (HEIGHT - 2)}
                />
              ) : null,
            )}
          </svg>
          {first && last ? (
            <p class="govuk-body-s casebook-patterns__multiple-axis" aria-hidden="true">
              <span>{monthName(first.month, 'MMM yyyy')}</span>
              {last !== first ? <span>{monthName(last.month, 'MMM yyyy')}</span> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
