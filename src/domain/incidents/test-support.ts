// Builders for tests in the domain folders: short to write, valid by construction.

import type { BehaviourId } from './behaviours.ts';
import { newIncident, newPerson } from './create.ts';
import type { Attachment, Incident, IncidentWhen, Person } from './schema.ts';
import type { DailyLifeChange, PersonRole } from './vocabulary.ts';
import { exactWhenFromLondon } from './when.ts';

let counter = 0;

export interface IncidentSketch {
  id?: string;
  /** 'YYYY-MM-DD' (London); with `at` an exact time, without it an approximate day. */
  on?: string;
  at?: string;
  when?: IncidentWhen;
  what?: string;
  where?: string;
  by?: string | string[];
  witnesses?: string[];
  behaviours?: BehaviourId[];
  fear?: boolean;
  distress?: boolean;
  changes?: DailyLifeChange[];
  crimeReference?: string;
  reportedTo?: 'police' | 'platform' | 'employer' | 'other';
  /** Attachment ids; each becomes a small made-up file. */
  attachments?: string[];
  quickNote?: boolean;
}

export function sketch(s: IncidentSketch = {}): Incident {
  counter += 1;
  const on = s.on ?? '2026-03-03';
  const when = s.when ?? (s.at ? exactWhenFromLondon(on, s.at) : { precision: 'day' as const, date: on });
  const incident = newIncident(s.id ?? `i${counter}`, when, s.what ?? 'Something happened.');
  const by = s.by === undefined ? [] : Array.isArray(s.by) ? s.by : [s.by];
  const reports: Incident['reports'] = [];
  if (s.crimeReference) reports.push({ to: 'police', crimeReference: s.crimeReference });
  else if (s.reportedTo) reports.push({ to: s.reportedTo });
  return {
    ...incident,
    where: s.where ?? '',
    behaviours: s.behaviours ?? [],
    people: [
      ...by.map((personId) => ({ personId, role: 'stalker' as const })),
      ...(s.witnesses ?? []).map((personId) => ({ personId, role: 'witness' as const })),
    ],
    effects: { fearOfViolence: s.fear ?? false, alarmOrDistress: s.distress ?? false, dailyLifeChanges: s.changes ?? [] },
    reports,
    attachments: (s.attachments ?? []).map(attachment),
    quickNote: s.quickNote ?? false,
  };
}

export function person(id: string, name: string, role: PersonRole = 'stalker'): Person {
  return newPerson(id, name, role);
}

/** A made-up file with a well-formed hash, for tests that only need an incident to have attachments. */
export function attachment(id: string): Attachment {
  return { id, name: `${id}.jpg`, type: 'image/jpeg', size: 1_000, sha256: 'ab'.repeat(32) };
}
