import { describe, expect, it } from 'vitest';
import type { Incident } from '../incidents/index.ts';
import { BEHAVIOUR_IDS } from '../incidents/index.ts';
import { person, sketch } from '../incidents/test-support.ts';
import { foldForSearch, queryWords } from './search-text.ts';
import { filterTimeline, indexTimeline, searchTimeline } from './timeline.ts';

const people = [
  { ...person('sam', 'Samuel Okonkwo-Brown'), aliases: ['@sammy_b'] },
  person('zoe', 'Zoë Müller', 'witness'),
  person('pc', 'PC Amira Khan', 'police-officer'),
];

const incidents: Incident[] = [
  {
    ...sketch({
      id: 'a',
      on: '2026-03-01',
      at: '08:00',
      by: 'sam',
      behaviours: ['following'],
      what: 'He followed me from the café to work.',
    }),
    methods: [{ kind: 'in-person' }],
  },
  {
    ...sketch({
      id: 'b',
      on: '2026-03-05',
      by: 'sam',
      witnesses: ['zoe'],
      behaviours: ['loitering'],
      what: 'Waiting outside.',
      where: 'Outside the GYM',
    }),
    methods: [{ kind: 'in-person' }],
  },
  {
    ...sketch({ id: 'c', on: '2026-03-10', behaviours: ['contacting'], what: 'Messages from a new account.', crimeReference: '43/123/26' }),
    methods: [{ kind: 'social-media', platform: 'Instagram' }],
  },
  { ...sketch({ id: 'd', on: '2026-03-10', what: 'A note on my car: “don’t ignore me”.', reportedTo: 'platform' }) },
  {
    ...sketch({ id: 'e', when: { precision: 'range', from: '2026-02-27', to: '2026-03-02' }, what: 'Post taken from the box.' }),
    people: [{ personId: 'pc', role: 'police-officer' }],
  },
];

const ids = (list: Incident[]) => list.map((incident) => incident.id);
const index = indexTimeline(incidents, people, [
  { kind: 'place', schemaVersion: 1, id: 'home', name: 'Home', address: '12 Rue de la Paix' },
]);

describe('filterTimeline', () => {
  it('orders newest or oldest first, placing a range at its start and breaking ties by id', () => {
    expect(ids(filterTimeline(index, {}, 'oldest'))).toEqual(['e', 'a', 'b', 'c', 'd']);
    expect(ids(filterTimeline(index))).toEqual(['d', 'c', 'b', 'a', 'e']);
  });

  it('filters by behaviour, person (any role) and method, each matching any of the chosen values', () => {
    expect(ids(filterTimeline(index, { behaviours: ['following', 'contacting'] }, 'oldest'))).toEqual(['a', 'c']);
    expect(ids(filterTimeline(index, { personIds: ['zoe'] }))).toEqual(['b']);
    expect(ids(filterTimeline(index, { personIds: ['sam', 'pc'] }, 'oldest'))).toEqual(['e', 'a', 'b']);
    expect(ids(filterTimeline(index, { methods: ['social-media'] }))).toEqual(['c']);
  });

  it('filters by reported or not, and by who it was reported to', () => {
    expect(ids(filterTimeline(index, { reported: 'reported' }, 'oldest'))).toEqual(['c', 'd']);
    expect(ids(filterTimeline(index, { reported: 'not-reported' }, 'oldest'))).toEqual(['e', 'a', 'b']);
    expect(ids(filterTimeline(index, { reported: 'police' }))).toEqual(['c']);
  });

  it('combines filters: every one must match', () => {
    expect(ids(filterTimeline(index, { personIds: ['sam'], behaviours: ['loitering'], methods: ['in-person'] }))).toEqual(['b']);
    expect(ids(filterTimeline(index, { personIds: ['sam'], reported: 'reported' }))).toEqual([]);
  });

  it('searches what happened, where and people’s names, ignoring case and accents', () => {
    expect(ids(filterTimeline(index, { text: 'CAFE' }))).toEqual(['a']);
    expect(ids(filterTimeline(index, { text: 'gym' }))).toEqual(['b']);
    expect(ids(filterTimeline(index, { text: 'zoe muller' }))).toEqual(['b']);
    expect(ids(filterTimeline(index, { text: 'okonkwo' }))).toEqual(['b', 'a']);
    expect(ids(filterTimeline(index, { text: 'SAMMY' }))).toEqual(['b', 'a']);
    expect(ids(filterTimeline(index, { text: 'amira' }))).toEqual(['e']);
    expect(ids(filterTimeline(index, { text: "don't ignore" }))).toEqual(['d']);
    expect(ids(filterTimeline(index, { text: 'followed work' }))).toEqual(['a']);
    expect(ids(filterTimeline(index, { text: 'followed gym' }))).toEqual([]);
    expect(ids(filterTimeline(index, { text: '   ' }))).toHaveLength(5);
  });

  it('keeps incidents that may have happened within a date range', () => {
    expect(ids(filterTimeline(index, { from: '2026-03-02', to: '2026-03-05' }, 'oldest'))).toEqual(['e', 'b']);
    expect(ids(filterTimeline(index, { to: '2026-02-28' }))).toEqual(['e']);
  });

  it('gives the same answer in one call', () => {
    expect(ids(searchTimeline(incidents, people, { text: 'sam' }, 'oldest'))).toEqual(['a', 'b']);
  });

  // Issue 6 asks for filtering under 100 ms with 2,000 entries. Measured on this machine (see the bench note in
  // timeline.ts): building this index took about 22–31 ms and each filter 0.3–1 ms. No timing assert here:
  // shared CI machines are too noisy for one.
  it('handles 2,000 incidents with long texts', () => {
    const many: Incident[] = Array.from({ length: 2_000 }, (_, i) => ({
      ...sketch({
        id: `n${i}`,
        on: `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
        at: i % 3 === 0 ? '21:15' : undefined,
        by: `p${i % 20}`,
        behaviours: [BEHAVIOUR_IDS[i % BEHAVIOUR_IDS.length]!],
        what: `Entry ${i}. ${'He was outside again and sent messages, saying he would wait. '.repeat(10)}${i % 100 === 0 ? 'Renée saw it.' : ''}`,
      }),
    }));
    const manyPeople = Array.from({ length: 20 }, (_, i) => person(`p${i}`, `Person ${i}`));
    const big = indexTimeline(many, manyPeople);
    const found = filterTimeline(big, { text: 'renee saw outside', behaviours: [...BEHAVIOUR_IDS] });
    expect(found).toHaveLength(20);
    expect(filterTimeline(big, { personIds: ['p3'], reported: 'not-reported' })).toHaveLength(100);
  });
});

describe('foldForSearch', () => {
  it('folds case, accents, curly quotes and spacing', () => {
    expect(foldForSearch('Zoë  ÉLODIE\tDon’t “x”')).toBe('zoe elodie don\'t "x"');
    expect(queryWords('  Café   Nero ')).toEqual(['cafe', 'nero']);
  });
});
