// The opening-hours engine: whether a service is open at an instant, when that changes, and how to say so.

export type { BankHoliday } from './bank-holidays.ts';
export {
  BANK_HOLIDAY_YEARS,
  BankHolidayCoverageError,
  bankHolidayName,
  bankHolidayOn,
  bankHolidaysIn,
  isBankHoliday,
  isBankHolidayDataAvailable,
  isYearCovered,
  NATIONS,
} from './bank-holidays.ts';
export type { DaySchedule, DaySource } from './day-schedule.ts';
export { dayScheduleOn } from './day-schedule.ts';
export {
  describeOpeningNow,
  describeOpeningStatus,
  describeWeeklyHours,
  formatClockMinutes,
} from './describe.ts';
export { describeOpeningNowCy, describeOpeningStatusCy } from './describe-cy.ts';
export type { ClosedReason, Instant, NextChangeUnknown, OpeningStatus, OpeningStatusOptions } from './engine.ts';
export { DEFAULT_SEARCH_DAYS, isOpenAt, openingStatus } from './engine.ts';
export { NATIONAL_STALKING_HELPLINE_HOURS } from './helpline.ts';
export type { LondonWallClock } from './london-time.ts';
export { instantOfLondonWallClock, LONDON_TIME_ZONE, londonWallClock } from './london-time.ts';
export type { DateException, Nation, OpeningHours, Session, Weekday } from './model.ts';
export { openingHoursProblems } from './validate.ts';
