import { describe, expect, it } from 'vitest';
import { sketch } from '../../../domain/incidents/test-support.ts';
import { filterTimeline, indexTimeline } from '../../../domain/patterns/index.ts';
import { excerpt, filterOf, inOrder, NO_FILTER } from './timeline-screen.tsx';

describe('the timeline before its search index is ready', () => {
  it('lists entries in the same order as the indexed timeline, both ways', () => {
    const incidents = [
      sketch({ id: 'b', on: '2026-03-03' }),
      sketch({ id: 'a', on: '2026-03-03' }),
      sketch({ id: 'c', on: '2026-03-03', at: '00:00' }),
      sketch({ id: 'd', on: '2025-12-31', at: '23:59' }),
      sketch({ id: 'e', when: { precision: 'range', from: '2026-03-01', to: '2026-03-05' } }),
      sketch({ id: 'f', on: '2026-07-01', at: '08:05' }),
    ];
    const index = indexTimeline(incidents);
    for (const order of ['newest', 'oldest'] as const) {
      expect(inOrder(incidents, order).map((i) => i.id)).toEqual(filterTimeline(index, {}, order).map((i) => i.id));
    }
  });
});

describe('timeline helpers', () => {
  it('turns the choices into the domain filter, leaving out what is not chosen', () => {
    expect(filterOf(NO_FILTER)).toEqual({});
    expect(filterOf({ ...NO_FILTER, text: '  ', behaviour: 'following', person: 'p1', method: 'email', reported: 'not-reported' })).toEqual(
      {
        behaviours: ['following'],
        personIds: ['p1'],
        methods: ['email'],
        reported: 'not-reported',
      },
    );
  });

  it('shortens long text on a word and keeps short text whole', () => {
    expect(excerpt('He was\n\noutside.')).toBe('He was outside.');
    expect(excerpt('word '.repeat(100), 20)).toBe('word word word word…');
  });
});
