/**
 * Bookers' personal details are kept only while the event needs them: for questions, certificates and
 * invoices afterwards. Then the bookings are anonymised: name, organisation, role, contact details and access
 * needs are removed and the private link stops working; the counts and certificate codes stay.
 */
export const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

/** The moment a booking's personal details are removed. */
export function anonymiseAt(eventEndsAt: number, retentionDays: number): number {
  return eventEndsAt + retentionDays * DAY_MS;
}

/** Events that ended at or before this moment have had their bookings kept long enough. */
export function anonymiseEventsEndedBy(now: number, retentionDays: number): number {
  return now - retentionDays * DAY_MS;
}
