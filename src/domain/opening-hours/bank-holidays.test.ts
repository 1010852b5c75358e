import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAY_YEARS,
  BankHolidayCoverageError,
  bankHolidayName,
  bankHolidaysIn,
  isBankHoliday,
  isBankHolidayDataAvailable,
  NATIONS,
} from './bank-holidays.ts';
import { BANK_HOLIDAYS } from './bank-holidays-data.ts';
import type { Nation } from './model.ts';

const YEARS = Array.from({ length: BANK_HOLIDAY_YEARS.last - BANK_HOLIDAY_YEARS.first + 1 }, (_, i) => BANK_HOLIDAY_YEARS.first + i);

// The rules are worked out here from scratch (not with the module's own date helpers) so that a mistake in
// the hand-written data has to be made twice, in two different ways, to go unnoticed.
const DAY_MS = 86_400_000;
const utc = (year: number, month: number, day: number): number => Date.UTC(year, month - 1, day);
const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayOfWeek = (ms: number): number => new Date(ms).getUTCDay(); // 0 Sunday … 6 Saturday
const isWeekend = (ms: number): boolean => dayOfWeek(ms) === 0 || dayOfWeek(ms) === 6;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

function firstMonday(year: number, month: number): number {
  let ms = utc(year, month, 1);
  while (dayOfWeek(ms) !== 1) ms += DAY_MS;
  return ms;
}

function lastMonday(year: number, month: number): number {
  let ms = utc(year, month + 1, 1) - DAY_MS;
  while (dayOfWeek(ms) !== 1) ms -= DAY_MS;
  return ms;
}

interface Expected {
  name: string;
  date: string;
  substitute: boolean;
}

function expectedHolidays(year: number, nation: Nation): Expected[] {
  const easter = easterSunday(year);
  const nominal: { name: string; ms: number }[] = [
    { name: 'New Year’s Day', ms: utc(year, 1, 1) },
    { name: 'Good Friday', ms: easter - 2 * DAY_MS },
    { name: 'Early May bank holiday', ms: firstMonday(year, 5) },
    { name: 'Spring bank holiday', ms: lastMonday(year, 5) },
    { name: 'Christmas Day', ms: utc(year, 12, 25) },
    { name: 'Boxing Day', ms: utc(year, 12, 26) },
  ];
  if (nation === 'scotland') {
    nominal.push(
      { name: '2nd January', ms: utc(year, 1, 2) },
      { name: 'Summer bank holiday', ms: firstMonday(year, 8) },
      { name: 'St Andrew’s Day', ms: utc(year, 11, 30) },
    );
  } else {
    nominal.push({ name: 'Easter Monday', ms: easter + DAY_MS }, { name: 'Summer bank holiday', ms: lastMonday(year, 8) });
  }
  if (nation === 'northern-ireland') {
    nominal.push(
      { name: 'St Patrick’s Day', ms: utc(year, 3, 17) },
      { name: 'Battle of the Boyne (Orangemen’s Day)', ms: utc(year, 7, 12) },
    );
  }
  // Holidays on weekdays keep their dates; each one at a weekend, earliest first, takes the next weekday that
  // is not already a holiday (Christmas Saturday/Boxing Day Sunday → Monday and Tuesday).
  const taken = new Set(nominal.filter((h) => !isWeekend(h.ms)).map((h) => h.ms));
  const result: Expected[] = [];
  for (const holiday of [...nominal].sort((a, b) => a.ms - b.ms)) {
    let ms = holiday.ms;
    if (isWeekend(ms)) {
      while (isWeekend(ms) || taken.has(ms)) ms += DAY_MS;
      taken.add(ms);
    }
    result.push({ name: holiday.name, date: iso(ms), substitute: ms !== holiday.ms });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}

describe('bank holiday data', () => {
  it('covers at least 2025 to 2030 for every nation', () => {
    expect(BANK_HOLIDAY_YEARS.first).toBeLessThanOrEqual(2025);
    expect(BANK_HOLIDAY_YEARS.last).toBeGreaterThanOrEqual(2030);
    for (const nation of NATIONS) {
      expect(Object.keys(BANK_HOLIDAYS[nation]).map(Number)).toEqual(YEARS);
    }
  });

  it('matches FACTS.md for England and Wales in 2026 exactly', () => {
    expect(bankHolidaysIn(2026, 'england-and-wales').map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(bankHolidayName('2026-12-28', 'england-and-wales')).toBe('Boxing Day (substitute day)');
  });

  it('matches FACTS.md for England and Wales in 2027 exactly', () => {
    expect(bankHolidaysIn(2027, 'england-and-wales').map((h) => h.date)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
    expect(bankHolidayName('2027-12-27', 'england-and-wales')).toBe('Christmas Day (substitute day)');
    expect(bankHolidayName('2027-12-28', 'england-and-wales')).toBe('Boxing Day (substitute day)');
  });

  for (const nation of NATIONS) {
    for (const year of YEARS) {
      it(`follows the rules for ${nation} in ${year}`, () => {
        const actual = bankHolidaysIn(year, nation).map((h) => ({
          name: h.name,
          date: h.date,
          substitute: h.substitute === true,
        }));
        expect(actual).toEqual(expectedHolidays(year, nation));
      });
    }
  }

  it('lists each year in date order, on weekdays, within that year', () => {
    for (const nation of NATIONS) {
      for (const year of YEARS) {
        const dates = bankHolidaysIn(year, nation).map((h) => h.date);
        expect(dates).toEqual([...dates].sort());
        expect(new Set(dates).size).toBe(dates.length);
        for (const date of dates) {
          expect(date.startsWith(`${year}-`)).toBe(true);
          expect(isWeekend(Date.parse(`${date}T00:00:00Z`))).toBe(false);
        }
      }
    }
  });

  it('checks its own rule engine against dates gov.uk published before the covered years', () => {
    // 2022: Christmas on Sunday, so Boxing Day keeps Monday and Christmas moves to Tuesday; New Year's Day on
    // Saturday and 2 January on Sunday in Scotland. 2023: New Year's Day on Sunday.
    const dates = (year: number, nation: Nation) => expectedHolidays(year, nation).map((h) => h.date);
    expect(dates(2022, 'england-and-wales')).toEqual(
      expect.arrayContaining(['2022-01-03', '2022-04-15', '2022-04-18', '2022-12-26', '2022-12-27']),
    );
    expect(dates(2022, 'scotland')).toEqual(expect.arrayContaining(['2022-01-03', '2022-01-04', '2022-08-01']));
    expect(dates(2023, 'scotland')).toEqual(expect.arrayContaining(['2023-01-02', '2023-01-03']));
    expect(dates(2023, 'northern-ireland')).toEqual(expect.arrayContaining(['2023-03-17', '2023-07-12']));
  });

  it('is refreshed before it runs out', () => {
    // Deliberately uses the real clock: this fails about a year before the data ends, as a reminder to add
    // the next years from gov.uk/bank-holidays.
    expect(BANK_HOLIDAY_YEARS.last, 'extend bank-holidays-data.ts with the next years from gov.uk/bank-holidays').toBeGreaterThan(
      new Date().getUTCFullYear(),
    );
  });
});

describe('isBankHoliday and bankHolidayName', () => {
  it('answers for each nation', () => {
    expect(isBankHoliday('2026-04-06', 'england-and-wales')).toBe(true);
    expect(isBankHoliday('2026-04-06', 'scotland')).toBe(false);
    expect(isBankHoliday('2026-04-06', 'northern-ireland')).toBe(true);
    expect(isBankHoliday('2026-01-02', 'scotland')).toBe(true);
    expect(isBankHoliday('2026-01-02', 'england-and-wales')).toBe(false);
    expect(isBankHoliday('2026-08-03', 'scotland')).toBe(true);
    expect(isBankHoliday('2026-08-31', 'scotland')).toBe(false);
    expect(isBankHoliday('2026-07-13', 'northern-ireland')).toBe(true);
    expect(isBankHoliday('2026-07-13', 'england-and-wales')).toBe(false);
    expect(isBankHoliday('2026-04-07', 'england-and-wales')).toBe(false);
  });

  it('names holidays, marking substitute days', () => {
    expect(bankHolidayName('2026-04-03', 'england-and-wales')).toBe('Good Friday');
    expect(bankHolidayName('2025-12-01', 'scotland')).toBe('St Andrew’s Day (substitute day)');
    expect(bankHolidayName('2030-03-18', 'northern-ireland')).toBe('St Patrick’s Day (substitute day)');
    expect(bankHolidayName('2026-04-07', 'england-and-wales')).toBeUndefined();
  });

  it('refuses to answer outside the covered years instead of saying "not a holiday"', () => {
    expect(() => isBankHoliday('2031-01-01', 'england-and-wales')).toThrow(BankHolidayCoverageError);
    expect(() => bankHolidayName('2024-12-25', 'scotland')).toThrow(BankHolidayCoverageError);
    expect(() => bankHolidaysIn(2031, 'northern-ireland')).toThrow(BankHolidayCoverageError);
    try {
      isBankHoliday('2031-06-01', 'scotland');
    } catch (error) {
      expect(error).toMatchObject({ name: 'BankHolidayCoverageError', date: '2031-06-01', nation: 'scotland' });
    }
    expect(isBankHolidayDataAvailable('2030-12-31')).toBe(true);
    expect(isBankHolidayDataAvailable('2031-01-01')).toBe(false);
  });

  it('rejects malformed dates', () => {
    expect(() => isBankHoliday('2026-4-6', 'england-and-wales')).toThrow(RangeError);
    expect(() => isBankHoliday('2026-02-30', 'england-and-wales')).toThrow(RangeError);
  });
});
