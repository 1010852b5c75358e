// Parsing with messages a person can act on: "What happened: must not be empty", not a zod issue dump.
import type { z } from 'zod';
import type { Incident, Person, Place } from './schema.ts';
import { incidentSchema, personSchema, placeSchema } from './schema.ts';

export interface Problem {
  /** Where the problem is, e.g. "people.2.role", for forms to highlight the field. */
  path: string;
  /** A sentence to show, e.g. "Person 3, role: must be one of: …". */
  message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const FIELD_LABELS: Readonly<Record<string, string>> = {
  schemaVersion: 'Format version',
  id: 'Id',
  when: 'When',
  at: 'date and time',
  date: 'date',
  from: 'start',
  to: 'end',
  precision: 'kind of time',
  where: 'Where',
  placeId: 'Place',
  whatHappened: 'What happened',
  behaviours: 'Behaviour',
  methods: 'How it was done',
  platform: 'platform name',
  detail: 'details',
  kind: 'kind',
  people: 'Person',
  personId: 'person',
  role: 'role',
  effects: 'How it affected you',
  fearOfViolence: 'fear of violence',
  alarmOrDistress: 'alarm or distress',
  dailyLifeChanges: 'changes to daily life',
  otherChange: 'other change',
  notes: 'notes',
  reports: 'Report',
  name: 'Name',
  crimeReference: 'crime reference',
  officerName: "officer's name",
  attachments: 'Attachment',
  quickNote: 'Quick note',
  relationship: 'Relationship',
  aliases: 'Other name',
  description: 'Description',
  contact: 'Contact details',
  address: 'Address',
  type: 'file type',
  size: 'size',
  sha256: 'SHA-256',
  toldToStopOn: 'told to stop',
  imported: 'Brought in from',
  source: 'original file',
  messages: 'Message',
  locator: 'place in the file',
  channel: 'channel',
  sender: 'sender',
  timeSource: 'where the time came from',
  direction: 'direction',
  text: 'text',
  call: 'call',
  durationSeconds: 'duration',
  key: 'duplicate key',
  attachmentId: 'file',
  format: 'format',
};

function describePath(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === 'number') {
      // Lists read as "Person 3" rather than "people[2]".
      const last = parts.pop() ?? 'Item';
      parts.push(`${last} ${segment + 1}`);
    } else {
      parts.push(FIELD_LABELS[String(segment)] ?? String(segment));
    }
  }
  return parts.join(', ');
}

function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `has fields this version does not know: ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  return issue.message;
}

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const where = describePath(issue.path);
    return { path: issue.path.map(String).join('.'), message: where ? `${where}: ${messageOf(issue)}` : messageOf(issue) };
  });
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): ParseResult<T> {
  // reportInput lets a missing field read "is missing" rather than the field's type message.
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error) };
}

export function parseIncident(input: unknown): ParseResult<Incident> {
  return parseWith(incidentSchema, input);
}

export function parsePerson(input: unknown): ParseResult<Person> {
  return parseWith(personSchema, input);
}

export function parsePlace(input: unknown): ParseResult<Place> {
  return parseWith(placeSchema, input);
}
