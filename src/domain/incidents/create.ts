// Starting points for new records. The browser supplies ids (crypto.randomUUID) and the instant.

import type { Incident, IncidentWhen, Person, Place } from './schema.ts';
import { SCHEMA_VERSION } from './schema.ts';
import type { PersonRole } from './vocabulary.ts';
import { exactWhenAt } from './when.ts';

/** An incident with nothing filled in but its id, time and text. */
export function newIncident(id: string, when: IncidentWhen, whatHappened: string): Incident {
  return {
    kind: 'incident',
    schemaVersion: SCHEMA_VERSION,
    id,
    when,
    where: '',
    whatHappened,
    behaviours: [],
    methods: [],
    people: [],
    effects: { fearOfViolence: false, alarmOrDistress: false, dailyLifeChanges: [] },
    reports: [],
    attachments: [],
    quickNote: false,
  };
}

/** A quick note: what happened, at the moment it is written unless the person says otherwise; finished later. */
export function newQuickNote(id: string, whatHappened: string, now: number, when: IncidentWhen = exactWhenAt(now)): Incident {
  return { ...newIncident(id, when, whatHappened), quickNote: true };
}

export function newPerson(id: string, name: string, role: PersonRole): Person {
  return { kind: 'person', schemaVersion: SCHEMA_VERSION, id, name, role, aliases: [] };
}

export function newPlace(id: string, name: string): Place {
  return { kind: 'place', schemaVersion: SCHEMA_VERSION, id, name };
}
