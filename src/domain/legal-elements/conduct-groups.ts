// Who is behind the incidents. PHA 1997 s.7(3)(a): a course of conduct must involve conduct on at least two
// occasions in relation to one person (you). The conduct must also be one person's. So the record is read as
// one group of incidents per person it names as the one stalking or harassing you:
//   - incidents that name the same person are in that person's group;
//   - incidents that name nobody could be anyone's, so they join every named person's group, and also form a
//     group of their own (a stranger you cannot name can still be stalking you);
//   - incidents that name different people are never put together: one incident by Sam and one by Alex do not
//     show one course of conduct. (The Act can treat one person's conduct as another's when they got them to do
//     it, s.7(3A); the record cannot show that, so the police must judge it.)
// An incident that names two people counts in both groups. Adding an incident only ever adds to groups or adds
// a group, which is what keeps every status from going down when the record grows.

import type { Incident } from '../incidents/index.ts';
import { stalkerIds } from '../incidents/index.ts';

export interface ConductGroup {
  /** The person named, or null for the incidents that name nobody. */
  personId: string | null;
  incidents: Incident[];
  /** How many incidents name this person. */
  named: number;
  /** How many name nobody. */
  unnamed: number;
}

export function conductGroups(incidents: readonly Incident[]): ConductGroup[] {
  const unnamed = incidents.filter((incident) => stalkerIds(incident).length === 0);
  const byPerson = new Map<string, Incident[]>();
  for (const incident of incidents) {
    for (const personId of new Set(stalkerIds(incident))) {
      const list = byPerson.get(personId) ?? [];
      list.push(incident);
      byPerson.set(personId, list);
    }
  }
  const groups: ConductGroup[] = [...byPerson].map(([personId, named]) => ({
    personId,
    incidents: [...named, ...unnamed],
    named: named.length,
    unnamed: unnamed.length,
  }));
  if (unnamed.length > 0 || groups.length === 0) groups.push({ personId: null, incidents: unnamed, named: 0, unnamed: unnamed.length });
  return groups;
}

/** PHA 1997 s.7(3)(a): conduct on at least two occasions. Each incident in the diary is one occasion. */
export function isCourseOfConduct(group: ConductGroup): boolean {
  return group.incidents.length >= 2;
}

/** The same group with only some of its incidents, e.g. those after the stalking offences began. */
export function narrowGroup(group: ConductGroup, keep: (incident: Incident) => boolean): ConductGroup {
  const incidents = group.incidents.filter(keep);
  const unnamed = incidents.filter((incident) => stalkerIds(incident).length === 0).length;
  return { personId: group.personId, incidents, named: incidents.length - unnamed, unnamed };
}
