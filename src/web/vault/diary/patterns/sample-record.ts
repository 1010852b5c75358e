// A realistic year of a diary, for tests and screenshots only (never imported by the app): messages at first,
// then watching and following, then turning up and threats, more often as the weeks go on. Deterministic, so a
// screenshot changes only when the view does.
import { DateTime } from 'luxon';
import type { BehaviourId, DailyLifeChange, Incident, Person } from '../../../../domain/incidents/index.ts';
import { LONDON } from '../../../../domain/incidents/index.ts';
import { person, sketch } from '../../../../domain/incidents/test-support.ts';

/** Mulberry32: a tiny seeded generator, good enough to scatter test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const STAGES: { until: number; behaviours: BehaviourId[] }[] = [
  { until: 0.35, behaviours: ['contacting', 'contacting', 'contacting', 'publishing', 'fake-profiles', 'contacting-others'] },
  { until: 0.7, behaviours: ['contacting', 'loitering', 'following', 'watching-or-spying', 'gathering-information', 'unwanted-gifts'] },
  {
    until: 1,
    behaviours: [
      'turning-up',
      'loitering',
      'following',
      'contacting',
      'watching-or-spying',
      'threat-of-violence',
      'interfering-with-property',
    ],
  },
];

const WHAT: Partial<Record<BehaviourId, string>> = {
  contacting: 'Texts and calls from a new number after I blocked the last one.',
  publishing: 'Posted about me on a public page.',
  'fake-profiles': 'A new account with no photo sent me a follow request and messages.',
  'contacting-others': 'Messaged my sister asking where I am living.',
  loitering: 'Waiting near the bus stop outside work.',
  following: 'Followed me from the station to the shop.',
  'watching-or-spying': 'Parked across the road, watching the house.',
  'gathering-information': 'Asked a colleague what shifts I am on.',
  'unwanted-gifts': 'Flowers left on the doorstep with a note.',
  'turning-up': 'Knocked on the door and would not leave.',
  'threat-of-violence': 'Said I would regret it if I did not answer.',
  'interfering-with-property': 'My post had been opened.',
};

export const SAMPLE_PEOPLE: readonly Person[] = [
  person('sam', 'Sam Taylor'),
  person('alex', 'Alex Reed'),
  person('zoe', 'Zoe Adams', 'witness'),
];

export interface SampleOptions {
  now: Date;
  count?: number;
  days?: number;
  seed?: number;
}

/** `count` incidents over the `days` before `now`, getting more frequent towards now. */
export function sampleRecord({ now, count = 300, days = 365, seed = 2026 }: SampleOptions): Incident[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const today = DateTime.fromJSDate(now, { zone: LONDON }).startOf('day');
  const incidents: Incident[] = [];
  while (incidents.length < count) {
    // Rejection sampling: about four times as likely near now as a year ago.
    const ago = Math.floor(next() * days);
    const progress = 1 - ago / days;
    if (next() > (1 + 3 * progress * progress) / 4) continue;
    const day = today.minus({ days: ago });
    const on = day.toISODate()!;
    const stage = STAGES.find((s) => progress <= s.until)!;
    const first = pick(stage.behaviours);
    const behaviours = [...new Set<BehaviourId>([first, ...(next() < 0.3 ? [pick(stage.behaviours)] : [])])];
    const weekend = day.weekday >= 6;
    // Commutes and evenings on weekdays; any time at weekends.
    const hour = weekend ? 9 + Math.floor(next() * 13) : next() < 0.35 ? 7 + Math.floor(next() * 2) : 17 + Math.floor(next() * 6);
    const at = `${String(hour).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}`;
    const exact = next() < 0.75 && (ago > 0 || hour <= DateTime.fromJSDate(now, { zone: LONDON }).hour);
    // Now and then only a stretch of days is known, such as damage found after a weekend away.
    const range =
      !exact && ago > 3 && next() < 0.1 ? { precision: 'range' as const, from: on, to: day.plus({ days: 2 }).toISODate()! } : undefined;
    const roll = next();
    const by = roll < 0.08 ? undefined : roll < 0.1 ? 'alex' : 'sam';
    const fear = behaviours.includes('threat-of-violence') || (behaviours.includes('turning-up') && next() < 0.3);
    const changes: DailyLifeChange[] = progress > 0.6 && next() < 0.15 ? ['changed-route'] : [];
    incidents.push(
      sketch({
        id: `sample-${incidents.length + 1}`,
        on,
        ...(exact ? { at } : {}),
        ...(range ? { when: range } : {}),
        what: WHAT[first] ?? 'Something happened.',
        where: first === 'contacting' ? '' : pick(['Outside home', 'Work car park', 'High Street', 'The station']),
        ...(by ? { by } : {}),
        witnesses: next() < 0.08 ? ['zoe'] : [],
        behaviours,
        fear,
        distress: next() < 0.6,
        changes,
        ...(next() < 0.03 ? { crimeReference: `CR/${String(incidents.length).padStart(5, '0')}/26` } : {}),
        quickNote: ago < 3 && next() < 0.5,
      }),
    );
  }
  return incidents;
}
