// The numbers behind the diary's charts and timeline, each computed from incidents and an explicit "now" and
// time zone, each chart with a table alternative.

export type { BehavioursOverTime, MonthBehaviours, MonthlyOptions } from './behaviours-over-time.ts';
export { behavioursOverTime } from './behaviours-over-time.ts';
export type { CalendarHeatMap, CalendarOptions, DayCount } from './calendar-heat-map.ts';
export { calendarHeatMap, MAX_CALENDAR_DAYS } from './calendar-heat-map.ts';
export type { Escalation, EscalationOptions, Trend } from './escalation.ts';
export { classifyTrend, escalationSignal } from './escalation.ts';
export type { WeekCount, WeeklyCounts, WeeklyOptions } from './incidents-per-week.ts';
export { incidentsPerWeek } from './incidents-per-week.ts';
export { foldForSearch, queryWords } from './search-text.ts';
export type { DataTable } from './table.ts';
export type { DayOfWeek, DayOfWeekCount, TimeOfDay, ZoneOptions } from './time-patterns.ts';
export { dayOfWeek, timeOfDay } from './time-patterns.ts';
export type { TimelineFilter, TimelineIndex, TimelineOrder } from './timeline.ts';
export { filterTimeline, indexTimeline, searchTimeline } from './timeline.ts';
