// Small questions the pattern and legal views ask of every incident.
import type { Incident } from './schema.ts';
import type { PersonRole, ReportTarget } from './vocabulary.ts';

export function personIdsWithRole(incident: Incident, role: PersonRole): string[] {
  return incident.people.filter((link) => link.role === role).map((link) => link.personId);
}

/** The people named as the one stalking or harassing; empty means the record does not say who. */
export function stalkerIds(incident: Incident): string[] {
  return personIdsWithRole(incident, 'stalker');
}

export function isReported(incident: Incident, to?: ReportTarget): boolean {
  return incident.reports.some((report) => to === undefined || report.to === to);
}

export function hasCrimeReference(incident: Incident): boolean {
  return incident.reports.some((report) => report.to === 'police' && report.crimeReference !== undefined);
}

/** Any recorded effect on the person: fear, alarm or distress, or a change to daily life. */
export function recordsHarm(incident: Incident): boolean {
  const { effects } = incident;
  return effects.fearOfViolence || effects.alarmOrDistress || effects.dailyLifeChanges.length > 0;
}
