import { describe, expect, it } from 'vitest';
import { describeOpeningNow } from './describe.ts';
import { describeOpeningNowCy, describeOpeningStatusCy } from './describe-cy.ts';
import { NATIONAL_STALKING_HELPLINE_HOURS } from './helpline.ts';
import { london } from './test-support.ts';

const helpline = (at: string) => describeOpeningNowCy(NATIONAL_STALKING_HELPLINE_HOURS, london(at));

describe('the helpline in Welsh, over a week', () => {
  // Monday 16 to Sunday 22 November 2026: no bank holidays.
  it.each([
    ['2026-11-16T08:00', 'Ar gau — yn agor heddiw am 09:30'],
    ['2026-11-16T09:30', 'Ar agor nawr tan 16:00'],
    ['2026-11-16T15:59', 'Ar agor nawr tan 16:00'],
    ['2026-11-16T16:00', 'Ar gau — yn agor yfory am 09:30'],
    ['2026-11-17T20:00', 'Ar gau — yn agor yfory am 13:00'],
    // Wednesday: the helpline opens at 1pm.
    ['2026-11-18T10:00', 'Ar gau — yn agor heddiw am 13:00'],
    ['2026-11-18T13:00', 'Ar agor nawr tan 16:00'],
    ['2026-11-18T14:30', 'Ar agor nawr tan 16:00'],
    ['2026-11-18T16:30', 'Ar gau — yn agor yfory am 09:30'],
    ['2026-11-19T12:00', 'Ar agor nawr tan 16:00'],
    // Friday evening and the weekend: the next opening is Monday, a soft-mutated day name.
    ['2026-11-20T17:00', 'Ar gau — yn agor ddydd Llun am 09:30'],
    ['2026-11-21T11:00', 'Ar gau — yn agor ddydd Llun am 09:30'],
    ['2026-11-22T23:59', 'Ar gau — yn agor yfory am 09:30'],
  ])('%s: %s', (at, sentence) => {
    expect(helpline(at)).toBe(sentence);
  });

  it('is open exactly when the English sentence says so, every half hour of the week', () => {
    for (let day = 16; day <= 22; day += 1) {
      for (let minutes = 0; minutes < 1440; minutes += 30) {
        const at = london(`2026-11-${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`);
        const english = describeOpeningNow(NATIONAL_STALKING_HELPLINE_HOURS, at);
        const welsh = describeOpeningNowCy(NATIONAL_STALKING_HELPLINE_HOURS, at);
        expect(welsh.startsWith('Ar agor'), `${at.toISOString()}: ${english} / ${welsh}`).toBe(english.startsWith('Open'));
        expect(welsh).not.toMatch(/\d[ap]m\b|AM|PM|undefined/); // "am" alone is Welsh for "at"
      }
    }
  });
});

describe('bank holidays in Welsh', () => {
  it('Christmas Day and the substitute Boxing Day 2026', () => {
    expect(helpline('2026-12-24T17:00')).toBe('Ar gau — yn agor ddydd Mawrth am 09:30');
    expect(helpline('2026-12-25T11:00')).toBe('Ar gau dros ŵyl y banc — yn agor ddydd Mawrth am 09:30');
    expect(helpline('2026-12-28T11:00')).toBe('Ar gau dros ŵyl y banc — yn agor yfory am 09:30');
  });

  it('Good Friday and Easter Monday 2027, then a Wednesday', () => {
    expect(helpline('2027-03-25T16:30')).toBe('Ar gau — yn agor ddydd Mawrth am 09:30');
    expect(helpline('2027-03-26T10:00')).toBe('Ar gau dros ŵyl y banc — yn agor ddydd Mawrth am 09:30');
    expect(helpline('2027-03-29T10:00')).toBe('Ar gau dros ŵyl y banc — yn agor yfory am 09:30');
    expect(helpline('2027-03-30T17:00')).toBe('Ar gau — yn agor yfory am 13:00');
  });
});

describe('describeOpeningStatusCy', () => {
  const now = london('2026-11-16T10:00'); // a Monday

  it('names days and dates in Welsh from Intl, mutated after "yn agor" and "tan"', () => {
    const closed = (opensAt: string) => describeOpeningStatusCy({ open: false, reason: 'outside-hours', opensAt: london(opensAt) }, now);
    expect(closed('2026-11-18T13:00')).toBe('Ar gau — yn agor ddydd Mercher am 13:00');
    expect(closed('2026-11-19T12:00')).toBe('Ar gau — yn agor ddydd Iau am hanner dydd');
    expect(closed('2026-11-20T09:00')).toBe('Ar gau — yn agor ddydd Gwener am 09:00');
    expect(closed('2026-11-21T09:00')).toBe('Ar gau — yn agor ddydd Sadwrn am 09:00');
    expect(closed('2026-11-22T13:00')).toBe('Ar gau — yn agor ddydd Sul am 13:00');
    expect(closed('2026-11-23T09:00')).toBe('Ar gau — yn agor ddydd Llun 23 Tachwedd am 09:00');
    expect(closed('2027-01-04T09:00')).toBe('Ar gau — yn agor ddydd Llun 4 Ionawr 2027 am 09:00');
    const open = (closesAt: string) => describeOpeningStatusCy({ open: true, closesAt: london(closesAt) }, now);
    expect(open('2026-11-17T02:00')).toBe('Ar agor nawr tan 02:00 yfory');
    expect(open('2026-11-17T00:00')).toBe('Ar agor nawr tan hanner nos');
    expect(open('2026-11-19T18:00')).toBe('Ar agor nawr tan ddydd Iau am 18:00');
    expect(open('2026-11-20T00:00')).toBe('Ar agor nawr tan hanner nos ddydd Iau');
  });

  it('says when it cannot tell, and a service that never closes', () => {
    expect(describeOpeningStatusCy({ open: true, nextChangeUnknown: 'search-limit' }, now)).toBe('Ar agor nawr');
    expect(describeOpeningStatusCy({ open: false, reason: 'weekend', nextChangeUnknown: 'bank-holidays-not-covered' }, now)).toBe(
      'Ar gau — edrychwch ar yr oriau agor',
    );
    expect(describeOpeningNowCy({ alwaysOpen: true }, now)).toBe('Ar agor 24 awr, bob dydd');
  });
});
