// Axis arithmetic for the hand-drawn charts: a top value people can read at a glance, and tick marks on it.

/** The smallest "round" number at or above `max`: 1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100… */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  if (max <= 6) return Math.ceil(max);
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
    const candidate = step * magnitude;
    if (candidate >= max) return candidate;
  }
  return 10 * magnitude;
}

/** 1, 2, 2.5 or 5 times a power of ten, and whole: steps a reader can count along. */
function isRoundStep(step: number): boolean {
  if (!Number.isInteger(step) || step < 1) return false;
  return [1, 2, 2.5, 5].includes(step / 10 ** Math.floor(Math.log10(step)));
}

/** Evenly spaced ticks from 0 to `top` (a niceMax): 2 to 5 round steps when they fit, else whole ones. */
export function ticks(top: number): number[] {
  const choices = [4, 5, 3, 2];
  const parts = choices.find((n) => isRoundStep(top / n)) ?? choices.find((n) => Number.isInteger(top / n) && top / n >= 1) ?? 1;
  return Array.from({ length: parts + 1 }, (_, i) => (top / parts) * i);
}

/** Shading level 0–4 for a heat-map cell: 0 is none; the rest split the range up to the busiest day. */
export function shadeLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0 || max <= 0) return 0;
  if (max <= 4) return Math.min(4, count) as 1 | 2 | 3 | 4;
  return Math.min(4, Math.max(1, Math.ceil((count / max) * 4))) as 1 | 2 | 3 | 4;
}
