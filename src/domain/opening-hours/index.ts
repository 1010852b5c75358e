// The opening-hours engine: whether a service is open at an instant, when that changes, and how to say so.
export type { DateException, Nation, OpeningHours, Session, Weekday } from './model.ts';
export {
  BANK_HOLIDAY_YEARS,
  BankHolidayCoverageError,
  NATIONS,
  bankHolidayName,
  bankHolidayOn,
  bankHolidaysIn,
  isBankHoliday,
  isBankHolidayDataAvailable,
  isYearCovered,
} from './bank-holidays.ts';
export type { BankHoliday } from './bank-holidays.ts';
export { DEFAULT_SEARCH_DAYS, isOpenAt, openingStatus } from './engine.ts';
export type { ClosedReason, Instant, NextChangeUnknown, OpeningStatus, OpeningStatusOptions } from './engine.ts';
export { dayScheduleOn } from './day-schedule.ts';
export type { DaySchedule, DaySource } from './day-schedule.ts';
export {
  describeOpeningNow,
  describeOpeningStatus,
  describeWeeklyHours,
  formatClockMinutes,
} from './describe.ts';
export { describeOpeningNowCy, describeOpeningStatusCy } from './describe-cy.ts';
export { NATIONAL_STALKING_HELPLINE_HOURS } from './helpline.ts';
export { instantOfLondonWallClock, LONDON_TIME_ZONE, londonWallClock } from './london-time.ts';
export type { LondonWallClock } from './london-time.ts';
export { openingHoursProblems } from './validate.ts';
