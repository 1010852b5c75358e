// The numbers behind the diary's charts and timeline, each computed from incidents and an explicit "now" and
// time zone, each chart with a table alternative.
export { incidentsPerWeek } from './incidents-per-week.ts';
export type { WeekCount, WeeklyCounts, WeeklyOptions } from './incidents-per-week.ts';
export { behavioursOverTime } from './behaviours-over-time.ts';
export type { BehavioursOverTime, MonthBehaviours, MonthlyOptions } from './behaviours-over-time.ts';
export { MAX_CALENDAR_DAYS, calendarHeatMap } from './calendar-heat-map.ts';
export type { CalendarHeatMap, CalendarOptions, DayCount } from './calendar-heat-map.ts';
export { dayOfWeek, timeOfDay } from './time-patterns.ts';
export type { DayOfWeek, DayOfWeekCount, TimeOfDay, ZoneOptions } from './time-patterns.ts';
export { classifyTrend, escalationSignal } from './escalation.ts';
export type { Escalation, EscalationOptions, Trend } from './escalation.ts';
export { filterTimeline, indexTimeline, searchTimeline } from './timeline.ts';
export type { TimelineFilter, TimelineIndex, TimelineOrder } from './timeline.ts';
export { foldForSearch, queryWords } from './search-text.ts';
export type { DataTable } from './table.ts';
