// UK bank holidays by nation and year.
//
// Source: gov.uk/bank-holidays (also published there as JSON), for the years it lists. Later years follow the
// rules of the Banking and Financial Dealings Act 1971 (Schedule 1) and the annual royal proclamations:
// - England and Wales: New Year's Day, Good Friday, Easter Monday, the first and last Mondays in May, the last
//   Monday in August, Christmas Day and Boxing Day.
// - Scotland: New Year's Day, 2 January, Good Friday, the first and last Mondays in May, the first Monday in
//   August, St Andrew's Day (30 November, St Andrew's Day Bank Holiday (Scotland) Act 2007), Christmas Day and
//   Boxing Day. Easter Monday is not a bank holiday in Scotland.
// - Northern Ireland: as England and Wales, plus St Patrick's Day (17 March) and the Battle of the Boyne
//   (12 July, by proclamation).
// A holiday on a Saturday or Sunday moves to the next weekday that is not already a holiday ("substitute day"),
// so Christmas Day on a Saturday and Boxing Day on a Sunday become Monday 27 and Tuesday 28 December.
//
// One-off holidays (a coronation, a jubilee) are announced a year or so ahead and must be added by hand when
// gov.uk publishes them. None are known for these years. Extending the covered years means adding a year to
// every nation and moving BANK_HOLIDAY_YEARS.last; the tests check every year against the rules.
import type { Nation } from './model.ts';

export interface BankHoliday {
  /** 'YYYY-MM-DD' */
  date: string;
  /** As gov.uk names it, e.g. "Early May bank holiday". */
  name: string;
  /** True when the holiday's own date falls at a weekend and this is the weekday that replaces it. */
  substitute?: true;
}

export const BANK_HOLIDAY_YEARS = { first: 2025, last: 2030 } as const;

const NEW_YEAR = 'New Year’s Day';
const GOOD_FRIDAY = 'Good Friday';
const EASTER_MONDAY = 'Easter Monday';
const EARLY_MAY = 'Early May bank holiday';
const SPRING = 'Spring bank holiday';
const SUMMER = 'Summer bank holiday';
const CHRISTMAS = 'Christmas Day';
const BOXING_DAY = 'Boxing Day';
const SECOND_JANUARY = '2nd January';
const ST_ANDREW = 'St Andrew’s Day';
const ST_PATRICK = 'St Patrick’s Day';
const BOYNE = 'Battle of the Boyne (Orangemen’s Day)';

export const BANK_HOLIDAYS: Readonly<Record<Nation, Readonly<Record<number, readonly BankHoliday[]>>>> = {
  'england-and-wales': {
    2025: [
      { date: '2025-01-01', name: NEW_YEAR },
      { date: '2025-04-18', name: GOOD_FRIDAY },
      { date: '2025-04-21', name: EASTER_MONDAY },
      { date: '2025-05-05', name: EARLY_MAY },
      { date: '2025-05-26', name: SPRING },
      { date: '2025-08-25', name: SUMMER },
      { date: '2025-12-25', name: CHRISTMAS },
      { date: '2025-12-26', name: BOXING_DAY },
    ],
    2026: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-04-03', name: GOOD_FRIDAY },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-05-04', name: EARLY_MAY },
      { date: '2026-05-25', name: SPRING },
      { date: '2026-08-31', name: SUMMER },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2026-12-28', name: BOXING_DAY, substitute: true },
    ],
    2027: [
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-26', name: GOOD_FRIDAY },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-05-03', name: EARLY_MAY },
      { date: '2027-05-31', name: SPRING },
      { date: '2027-08-30', name: SUMMER },
      { date: '2027-12-27', name: CHRISTMAS, substitute: true },
      { date: '2027-12-28', name: BOXING_DAY, substitute: true },
    ],
    2028: [
      { date: '2028-01-03', name: NEW_YEAR, substitute: true },
      { date: '2028-04-14', name: GOOD_FRIDAY },
      { date: '2028-04-17', name: EASTER_MONDAY },
      { date: '2028-05-01', name: EARLY_MAY },
      { date: '2028-05-29', name: SPRING },
      { date: '2028-08-28', name: SUMMER },
      { date: '2028-12-25', name: CHRISTMAS },
      { date: '2028-12-26', name: BOXING_DAY },
    ],
    2029: [
      { date: '2029-01-01', name: NEW_YEAR },
      { date: '2029-03-30', name: GOOD_FRIDAY },
      { date: '2029-04-02', name: EASTER_MONDAY },
      { date: '2029-05-07', name: EARLY_MAY },
      { date: '2029-05-28', name: SPRING },
      { date: '2029-08-27', name: SUMMER },
      { date: '2029-12-25', name: CHRISTMAS },
      { date: '2029-12-26', name: BOXING_DAY },
    ],
    2030: [
      { date: '2030-01-01', name: NEW_YEAR },
      { date: '2030-04-19', name: GOOD_FRIDAY },
      { date: '2030-04-22', name: EASTER_MONDAY },
      { date: '2030-05-06', name: EARLY_MAY },
      { date: '2030-05-27', name: SPRING },
      { date: '2030-08-26', name: SUMMER },
      { date: '2030-12-25', name: CHRISTMAS },
      { date: '2030-12-26', name: BOXING_DAY },
    ],
  },
  scotland: {
    2025: [
      { date: '2025-01-01', name: NEW_YEAR },
      { date: '2025-01-02', name: SECOND_JANUARY },
      { date: '2025-04-18', name: GOOD_FRIDAY },
      { date: '2025-05-05', name: EARLY_MAY },
      { date: '2025-05-26', name: SPRING },
      { date: '2025-08-04', name: SUMMER },
      { date: '2025-12-01', name: ST_ANDREW, substitute: true },
      { date: '2025-12-25', name: CHRISTMAS },
      { date: '2025-12-26', name: BOXING_DAY },
    ],
    2026: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-01-02', name: SECOND_JANUARY },
      { date: '2026-04-03', name: GOOD_FRIDAY },
      { date: '2026-05-04', name: EARLY_MAY },
      { date: '2026-05-25', name: SPRING },
      { date: '2026-08-03', name: SUMMER },
      { date: '2026-11-30', name: ST_ANDREW },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2026-12-28', name: BOXING_DAY, substitute: true },
    ],
    2027: [
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-01-04', name: SECOND_JANUARY, substitute: true },
      { date: '2027-03-26', name: GOOD_FRIDAY },
      { date: '2027-05-03', name: EARLY_MAY },
      { date: '2027-05-31', name: SPRING },
      { date: '2027-08-02', name: SUMMER },
      { date: '2027-11-30', name: ST_ANDREW },
      { date: '2027-12-27', name: CHRISTMAS, substitute: true },
      { date: '2027-12-28', name: BOXING_DAY, substitute: true },
    ],
    2028: [
      { date: '2028-01-03', name: NEW_YEAR, substitute: true },
      { date: '2028-01-04', name: SECOND_JANUARY, substitute: true },
      { date: '2028-04-14', name: GOOD_FRIDAY },
      { date: '2028-05-01', name: EARLY_MAY },
      { date: '2028-05-29', name: SPRING },
      { date: '2028-08-07', name: SUMMER },
      { date: '2028-11-30', name: ST_ANDREW },
      { date: '2028-12-25', name: CHRISTMAS },
      { date: '2028-12-26', name: BOXING_DAY },
    ],
    2029: [
      { date: '2029-01-01', name: NEW_YEAR },
      { date: '2029-01-02', name: SECOND_JANUARY },
      { date: '2029-03-30', name: GOOD_FRIDAY },
      { date: '2029-05-07', name: EARLY_MAY },
      { date: '2029-05-28', name: SPRING },
      { date: '2029-08-06', name: SUMMER },
      { date: '2029-11-30', name: ST_ANDREW },
      { date: '2029-12-25', name: CHRISTMAS },
      { date: '2029-12-26', name: BOXING_DAY },
    ],
    2030: [
      { date: '2030-01-01', name: NEW_YEAR },
      { date: '2030-01-02', name: SECOND_JANUARY },
      { date: '2030-04-19', name: GOOD_FRIDAY },
      { date: '2030-05-06', name: EARLY_MAY },
      { date: '2030-05-27', name: SPRING },
      { date: '2030-08-05', name: SUMMER },
      { date: '2030-12-02', name: ST_ANDREW, substitute: true },
      { date: '2030-12-25', name: CHRISTMAS },
      { date: '2030-12-26', name: BOXING_DAY },
    ],
  },
  'northern-ireland': {
    2025: [
      { date: '2025-01-01', name: NEW_YEAR },
      { date: '2025-03-17', name: ST_PATRICK },
      { date: '2025-04-18', name: GOOD_FRIDAY },
      { date: '2025-04-21', name: EASTER_MONDAY },
      { date: '2025-05-05', name: EARLY_MAY },
      { date: '2025-05-26', name: SPRING },
      { date: '2025-07-14', name: BOYNE, substitute: true },
      { date: '2025-08-25', name: SUMMER },
      { date: '2025-12-25', name: CHRISTMAS },
      { date: '2025-12-26', name: BOXING_DAY },
    ],
    2026: [
      { date: '2026-01-01', name: NEW_YEAR },
      { date: '2026-03-17', name: ST_PATRICK },
      { date: '2026-04-03', name: GOOD_FRIDAY },
      { date: '2026-04-06', name: EASTER_MONDAY },
      { date: '2026-05-04', name: EARLY_MAY },
      { date: '2026-05-25', name: SPRING },
      { date: '2026-07-13', name: BOYNE, substitute: true },
      { date: '2026-08-31', name: SUMMER },
      { date: '2026-12-25', name: CHRISTMAS },
      { date: '2026-12-28', name: BOXING_DAY, substitute: true },
    ],
    2027: [
      { date: '2027-01-01', name: NEW_YEAR },
      { date: '2027-03-17', name: ST_PATRICK },
      { date: '2027-03-26', name: GOOD_FRIDAY },
      { date: '2027-03-29', name: EASTER_MONDAY },
      { date: '2027-05-03', name: EARLY_MAY },
      { date: '2027-05-31', name: SPRING },
      { date: '2027-07-12', name: BOYNE },
      { date: '2027-08-30', name: SUMMER },
      { date: '2027-12-27', name: CHRISTMAS, substitute: true },
      { date: '2027-12-28', name: BOXING_DAY, substitute: true },
    ],
    2028: [
      { date: '2028-01-03', name: NEW_YEAR, substitute: true },
      { date: '2028-03-17', name: ST_PATRICK },
      { date: '2028-04-14', name: GOOD_FRIDAY },
      { date: '2028-04-17', name: EASTER_MONDAY },
      { date: '2028-05-01', name: EARLY_MAY },
      { date: '2028-05-29', name: SPRING },
      { date: '2028-07-12', name: BOYNE },
      { date: '2028-08-28', name: SUMMER },
      { date: '2028-12-25', name: CHRISTMAS },
      { date: '2028-12-26', name: BOXING_DAY },
    ],
    2029: [
      { date: '2029-01-01', name: NEW_YEAR },
      { date: '2029-03-19', name: ST_PATRICK, substitute: true },
      { date: '2029-03-30', name: GOOD_FRIDAY },
      { date: '2029-04-02', name: EASTER_MONDAY },
      { date: '2029-05-07', name: EARLY_MAY },
      { date: '2029-05-28', name: SPRING },
      { date: '2029-07-12', name: BOYNE },
      { date: '2029-08-27', name: SUMMER },
      { date: '2029-12-25', name: CHRISTMAS },
      { date: '2029-12-26', name: BOXING_DAY },
    ],
    2030: [
      { date: '2030-01-01', name: NEW_YEAR },
      { date: '2030-03-18', name: ST_PATRICK, substitute: true },
      { date: '2030-04-19', name: GOOD_FRIDAY },
      { date: '2030-04-22', name: EASTER_MONDAY },
      { date: '2030-05-06', name: EARLY_MAY },
      { date: '2030-05-27', name: SPRING },
      { date: '2030-07-12', name: BOYNE },
      { date: '2030-08-26', name: SUMMER },
      { date: '2030-12-25', name: CHRISTMAS },
      { date: '2030-12-26', name: BOXING_DAY },
    ],
  },
};
