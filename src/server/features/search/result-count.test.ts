import { describe, expect, it } from 'vitest';
import { loadMessages } from '../../setup/messages.ts';
import { resultCount } from './result-count.ts';

const messages = loadMessages('search');

describe('resultCount', () => {
  it('says a Welsh count in each of its six plural forms, with the mutation the number causes', () => {
    const said = [0, 1, 2, 3, 4, 5, 6, 7, 11, 20, 31].map((n) => resultCount(messages.cy, 'cy', n));
    expect(said).toEqual([
      '0 canlyniad ar gyfer', // zero
      '1 canlyniad ar gyfer', // one
      '2 ganlyniad ar gyfer', // two: soft mutation after "dau"
      '3 chanlyniad ar gyfer', // few: aspirate mutation after "tri"
      '4 canlyniad ar gyfer', // other
      '5 canlyniad ar gyfer',
      '6 chanlyniad ar gyfer', // many: aspirate mutation after "chwe"
      '7 canlyniad ar gyfer',
      '11 canlyniad ar gyfer',
      '20 canlyniad ar gyfer',
      '31 canlyniad ar gyfer',
    ]);
  });

  it('says an English count in its two forms', () => {
    expect([0, 1, 2, 3, 6].map((n) => resultCount(messages.en, 'en', n))).toEqual([
      '0 results for',
      '1 result for',
      '2 results for',
      '3 results for',
      '6 results for',
    ]);
  });
});
