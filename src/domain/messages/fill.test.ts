import { describe, expect, it } from 'vitest';
import { fill } from './fill.ts';

describe('fill', () => {
  it('fills every hole, numbers included, and leaves a hole with no value as written', () => {
    expect(fill('{shown} o {total} gwasanaeth', { shown: 2, total: 21 })).toBe('2 o 21 gwasanaeth');
    expect(fill('Gair {number}, {number} eto', { number: 3 })).toBe('Gair 3, 3 eto');
    expect(fill('{missing} here', {})).toBe('{missing} here');
    expect(fill('{a}', { a: '{b}', b: 'x' })).toBe('{b}');
  });
});
