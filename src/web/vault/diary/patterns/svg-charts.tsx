// Two hand-drawn SVG charts: upright columns (weeks, hours) and labelled horizontal bars (weekdays). Sized in
// viewBox units for a phone's width, so on a phone one unit is about one pixel and the text is as big as the
// labels around it; wider screens scale the whole picture up. Colours come from the stylesheet (classes), so a
// strict Content-Security-Policy needs no inline styles. Each picture is one image to assistive technology,
// named by the figure's summary; the table under it carries the numbers.
import { niceMax, ticks } from './chart-scale.ts';

const WIDTH = 360;
const FONT = 13;

export interface Column {
  value: number;
  /** Shown on hover, e.g. "Week starting Monday 2 March 2026: 5 incidents". */
  title: string;
}

export interface AxisLabel {
  /** The column the label sits under. */
  index: number;
  text: string;
}

export function ColumnChart({
  columns,
  labels,
  labelledBy,
  height = 190,
}: {
  columns: readonly Column[];
  labels: readonly AxisLabel[];
  labelledBy: string;
  height?: number;
}) {
  const left = 34;
  const right = 8;
  const top = 10;
  const bottom = 26;
  const plotWidth = WIDTH - left - right;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(0, ...columns.map((column) => column.value)));
  const step = plotWidth / Math.max(1, columns.length);
  const barWidth = Math.max(1, step * (columns.length > 30 ? 0.78 : 0.66));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const center = (index: number) => left + index * step + step / 2;

  return (
    <svg class="casebook-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={labelledBy} focusable="false">
      <g class="casebook-chart__grid">
        {ticks(max).map((tick) => (
          <g key={tick}>
            <line
              x1={left}
              x2={WIDTH - right}
              y1={y(tick)}
              y2={y(tick)}
              class={tick === 0 ? 'casebook-chart__baseline' : 'casebook-chart__gridline'}
            />
            <text x={left - 6} y={y(tick) + FONT * 0.35} text-anchor="end" class="casebook-chart__tick" font-size={FONT}>
              {tick}
            </text>
          </g>
        ))}
      </g>
      <g class="casebook-chart__bars">
        {columns.map((column, index) =>
          column.value > 0 ? (
            <rect
              key={index}
              class="casebook-chart__bar"
              x={left + index * step + (step - barWidth) / 2}
              y={y(column.value)}
              width={barWidth}
              height={y(0) - y(column.value)}
            >
              <title>{column.title}</title>
            </rect>
          ) : null,
        )}
      </g>
      <g class="casebook-chart__labels">
        {labels.map((label) => {
          const x = center(label.index);
          // Labels at the ends would be cut off if centred under their column.
          const anchor = x < left + 16 ? 'start' : x > WIDTH - right - 16 ? 'end' : 'middle';
          const at = anchor === 'start' ? left + label.index * step : anchor === 'end' ? left + (label.index + 1) * step : x;
          return (
            <text key={label.index} x={at} y={height - 8} text-anchor={anchor} class="casebook-chart__label" font-size={FONT}>
              {label.text}
            </text>
          );
        })}
      </g>
    </svg>
  );
}

export interface Bar {
  label: string;
  value: number;
  title: string;
}

/** Horizontal bars with their names at the left and their numbers at the end: readable on the narrowest phone. */
export function BarList({ bars, labelledBy }: { bars: readonly Bar[]; labelledBy: string }) {
  const row = 30;
  const barHeight = 18;
  const labelWidth = Math.ceil(Math.max(...bars.map((bar) => bar.label.length)) * FONT * 0.6) + 10;
  const numberWidth = 36;
  const max = niceMax(Math.max(0, ...bars.map((bar) => bar.value)));
  const room = WIDTH - labelWidth - numberWidth;
  const height = bars.length * row + 4;
  return (
    <svg class="casebook-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={labelledBy} focusable="false">
      <line x1={labelWidth} x2={labelWidth} y1={0} y2={height} class="casebook-chart__baseline" />
      {bars.map((bar, index) => {
        const width = (bar.value / max) * room;
        const middle = index * row + row / 2 + 2;
        return (
          <g key={bar.label}>
            <text x={0} y={middle + FONT * 0.35} class="casebook-chart__label" font-size={FONT}>
              {bar.label}
            </text>
            {bar.value > 0 ? (
              <rect class="casebook-chart__bar" x={labelWidth} y={middle - barHeight / 2} width={width} height={barHeight}>
                <title>{bar.title}</title>
              </rect>
            ) : null}
            <text x={labelWidth + width + 6} y={middle + FONT * 0.35} class="casebook-chart__value" font-size={FONT}>
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
