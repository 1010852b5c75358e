// Plain-words helpers shared by the rules. Aimed at a reading age of 9 to 11: short sentences, common words,
// numbers as digits.

import { DateTime } from 'luxon';
import type { Incident, Person } from '../incidents/index.ts';
import { whenStartDate } from '../incidents/index.ts';
import type { ConductGroup } from './conduct-groups.ts';

export const NOTICE = 'This is guidance, not legal advice.';

export function count(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function day(date: string, withYear: boolean): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat(withYear ? 'd MMMM yyyy' : 'd MMMM');
}

/** "on 3 March 2026", "between 3 March and 20 April 2026", "between 3 December 2025 and 20 January 2026". */
export function span(incidents: readonly Incident[]): string {
  const dates = incidents.map((incident) => whenStartDate(incident.when)).sort();
  const first = dates[0];
  const last = dates.at(-1);
  if (!first || !last) return '';
  if (first === last) return `on ${day(first, true)}`;
  return `between ${day(first, first.slice(0, 4) !== last.slice(0, 4))} and ${day(last, true)}`;
}

export type Names = ReadonlyMap<string, string>;

export function namesOf(people: readonly Person[]): Names {
  return new Map(people.map((person) => [person.id, person.name]));
}

export function nameOf(names: Names, personId: string): string {
  return names.get(personId) ?? 'the person you linked';
}

/** The opening sentence of most findings: how many incidents, who, and when. */
export function describeGroup(group: ConductGroup, names: Names): string {
  const n = group.incidents.length;
  if (n === 0) return 'Your record has no incidents yet.';
  const when = span(group.incidents);
  if (group.personId === null) {
    return `Your record has ${count(n, 'incident')} ${when}. ${n === 1 ? 'It does not say' : 'None of them says'} who did it.`;
  }
  const name = nameOf(names, group.personId);
  if (group.unnamed === 0) return `Your record has ${count(n, 'incident')} involving ${name}, ${when}.`;
  return `Your record has ${count(n, 'incident')} ${when}. ${group.named} ${group.named === 1 ? 'names' : 'name'} ${name}, and ${group.unnamed} ${
    group.unnamed === 1 ? 'does' : 'do'
  } not say who it was.`;
}
