import { describe, expect, it } from 'vitest';
import { newIncident, newPerson, newPlace, newQuickNote } from './create.ts';
import { parseIncident, parsePerson, parsePlace } from './parse.ts';
import type { Incident } from './schema.ts';
import { diaryKindOf } from './schema.ts';
import { attachment, sketch } from './test-support.ts';
import { LIMITS } from './vocabulary.ts';

function full(): Incident {
  return {
    ...sketch({
      on: '2026-03-03',
      at: '18:30',
      by: 'p1',
      witnesses: ['p2'],
      behaviours: ['following', 'loitering'],
      fear: true,
      distress: true,
      changes: ['changed-route', 'sleep'],
      attachments: ['a1'],
    }),
    where: 'Outside the gym on King Street',
    placeId: 'place-1',
    methods: [{ kind: 'in-person' }, { kind: 'social-media', platform: 'Instagram' }, { kind: 'other', detail: 'drone' }],
    reports: [
      { to: 'police', crimeReference: '43/12345/26', officerName: 'PC Jones 1234', date: '2026-03-04' },
      { to: 'platform', name: 'Instagram' },
    ],
    effects: {
      fearOfViolence: true,
      alarmOrDistress: true,
      dailyLifeChanges: ['changed-route'],
      otherChange: 'Walk with a friend',
      notes: 'I was shaking.\nI could not sleep.',
    },
  };
}

function problems(input: unknown): string[] {
  const result = parseIncident(input);
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

describe('parseIncident', () => {
  it('accepts a full incident and returns it unchanged (the vault commits to these exact values)', () => {
    const incident = full();
    const result = parseIncident(structuredClone(incident));
    expect(result).toEqual({ ok: true, value: incident });
  });

  it('accepts a quick note: what happened and when, nothing else', () => {
    const note = newQuickNote('q1', 'He was at the bus stop again', Date.UTC(2026, 6, 1, 7, 5));
    expect(note.when).toEqual({ precision: 'exact', at: '2026-07-01T08:05:00+01:00' });
    expect(note.quickNote).toBe(true);
    expect(parseIncident(note).ok).toBe(true);
  });

  it('keeps the three kinds of time with their precision', () => {
    const base = newIncident('x', { precision: 'day', date: '2026-03-03' }, 'text');
    expect(parseIncident(base).ok).toBe(true);
    expect(parseIncident({ ...base, when: { precision: 'range', from: '2026-03-01', to: '2026-03-05' } }).ok).toBe(true);
    expect(parseIncident({ ...base, when: { precision: 'range', from: '2026-03-01T21:00:00Z', to: '2026-03-01T23:00:00Z' } }).ok).toBe(
      true,
    );
    expect(parseIncident({ ...base, when: { precision: 'exact', at: '2026-03-03T18:30:00Z' } }).ok).toBe(true);
  });

  it('explains a missing or empty "what happened"', () => {
    const { whatHappened: _omit, ...rest } = full();
    expect(problems(rest)).toEqual(['What happened: is missing']);
    expect(problems({ ...full(), whatHappened: '  \n ' })).toEqual(['What happened: must not be empty']);
  });

  it('explains times that cannot be right', () => {
    const base = full();
    expect(problems({ ...base, when: { precision: 'day', date: '2026-02-30' } })).toEqual(['When, date: must be a real date']);
    expect(problems({ ...base, when: { precision: 'exact', at: '2026-03-03T18:30:00' } })).toEqual([
      'When, date and time: must be a date and time with its offset, like 2026-03-03T18:30:00Z',
    ]);
    expect(problems({ ...base, when: { precision: 'range', from: '2026-03-05', to: '2026-03-01' } })).toEqual([
      'When, end: the end must come after the start',
    ]);
    expect(problems({ ...base, when: { precision: 'soon' } })).toEqual([
      'When, kind of time: must say whether the time is exact, a day, or a range',
    ]);
    expect(problems({ ...base, when: { precision: 'day', date: '1066-10-14' } })).toEqual(['When, date: must be between 1900 and 2199']);
  });

  it('bounds every text and list', () => {
    const base = full();
    expect(problems({ ...base, whatHappened: 'x'.repeat(LIMITS.whatHappened + 1) })).toEqual([
      'What happened: must be 20,000 characters or fewer',
    ]);
    expect(problems({ ...base, where: 'x'.repeat(LIMITS.where + 1) })).toEqual(['Where: must be 500 characters or fewer']);
    expect(problems({ ...base, attachments: Array.from({ length: LIMITS.attachments + 1 }, (_, i) => attachment(`a${i}`)) })).toEqual([
      'Attachment: can list at most 100 attachments',
    ]);
    expect(
      problems({ ...base, people: Array.from({ length: LIMITS.people + 1 }, (_, i) => ({ personId: `p${i}`, role: 'witness' })) }),
    ).toEqual(['Person: can list at most 50 people']);
    expect(problems({ ...base, reports: [{ to: 'police', crimeReference: 'x'.repeat(65) }] })).toEqual([
      'Report 1, crime reference: must be 64 characters or fewer',
    ]);
  });

  it('names the list item that is wrong', () => {
    const base = full();
    expect(problems({ ...base, behaviours: ['following', 'dancing'] })).toEqual(['Behaviour 2: is not a behaviour on the checklist']);
    expect(problems({ ...base, behaviours: ['following', 'following'] })).toEqual(['Behaviour 2: lists the same behaviour twice']);
    expect(problems({ ...base, people: [{ personId: 'p1', role: 'boss' }] })).toEqual([
      'Person 1, role: must be one of: stalker, witness, police-officer, other',
    ]);
    expect(problems({ ...base, methods: [{ kind: 'social-media', platform: '' }] })).toEqual([
      'How it was done 1, platform name: must not be empty',
    ]);
    expect(problems({ ...base, methods: [{ kind: 'social-media' }] })).toEqual(['How it was done 1, platform name: is missing']);
    expect(problems({ ...base, methods: [{ kind: 'pigeon' }] })[0]).toMatch(/^How it was done 1, kind: must be one of: in-person/);
  });

  it('holds each attachment to a file described by its exact bytes', () => {
    const base = full();
    const file = attachment('a1');
    expect(problems({ ...base, attachments: ['a1'] })).toEqual(['Attachment 1: Invalid input: expected object, received string']);
    expect(problems({ ...base, attachments: [{ ...file, sha256: 'AB'.repeat(32) }] })).toEqual([
      'Attachment 1, SHA-256: must be 64 lower-case hex digits',
    ]);
    expect(problems({ ...base, attachments: [{ ...file, sha256: 'ab' }] })).toEqual([
      'Attachment 1, SHA-256: must be 64 lower-case hex digits',
    ]);
    expect(problems({ ...base, attachments: [{ ...file, size: -1 }] })).toEqual(['Attachment 1, size: must not be negative']);
    expect(problems({ ...base, attachments: [{ ...file, size: LIMITS.fileBytes + 1 }] })).toEqual([
      'Attachment 1, size: is larger than the vault stores',
    ]);
    expect(problems({ ...base, attachments: [{ ...file, type: 'jpeg' }] })).toEqual([
      'Attachment 1, file type: must be a file type like image/jpeg',
    ]);
    expect(problems({ ...base, attachments: [{ ...file, name: 'x'.repeat(LIMITS.fileName + 1) }] })).toEqual([
      'Attachment 1, Name: must be 255 characters or fewer',
    ]);
    expect(problems({ ...base, attachments: [file, { ...file }] })).toEqual(['Attachment 2: lists the same attachment twice']);
    expect(problems({ ...base, attachments: [{ ...file, type: 'text/plain;charset=utf-8' }] })).toEqual([]);
  });

  it('says which kind of record it is, so items of every kind can share the vault', () => {
    expect(problems({ ...full(), kind: 'person' })).toEqual(['kind: must be incident']);
    expect(diaryKindOf(full())).toBe('incident');
    expect(diaryKindOf(newPerson('p1', 'Sam', 'stalker'))).toBe('person');
    expect(diaryKindOf(newPlace('pl1', 'Work'))).toBe('place');
    expect(diaryKindOf({ type: 'note', text: 'hi' })).toBeUndefined();
    expect(diaryKindOf(null)).toBeUndefined();
  });

  it('rejects unknown fields, control characters and line breaks in one-line fields (T7)', () => {
    const base = full();
    expect(problems({ ...base, secret: 1 })).toEqual(['has fields this version does not know: secret']);
    expect(problems({ ...base, where: 'a\u0000b' })).toEqual(['Where: contains characters that cannot be shown']);
    expect(problems({ ...base, where: 'line one\nline two' })).toEqual(['Where: must be on one line']);
    expect(problems({ ...base, id: '../etc' })).toEqual(['Id: must use only letters, digits, - and _']);
    expect(problems({ ...base, schemaVersion: 2 })).toEqual(['Format version: must be 1']);
  });

  it('rejects things that are not incidents at all', () => {
    expect(problems(null)).toHaveLength(1);
    expect(problems('hello')).toHaveLength(1);
    expect(problems({}).length).toBeGreaterThan(5);
  });
});

describe('parsePerson and parsePlace', () => {
  it('accepts reusable records', () => {
    const person = {
      ...newPerson('p1', 'Sam Smith', 'stalker'),
      relationship: 'ex-partner',
      aliases: ['@sam_s'],
      description: 'Tall, blue car AB12 CDE',
    };
    expect(parsePerson(person)).toEqual({ ok: true, value: person });
    const place = { ...newPlace('pl1', 'Work'), address: '1 High Street\nLeeds' };
    expect(parsePlace(place)).toEqual({ ok: true, value: place });
  });

  it('explains what is wrong with them', () => {
    const result = parsePerson({ ...newPerson('p1', ' ', 'neighbour' as never), aliases: ['x'.repeat(121)] });
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'Name: must not be empty',
      'role: must be one of: stalker, witness, police-officer, other',
      'Other name 1: must be 120 characters or fewer',
    ]);
    expect(parsePlace({ kind: 'place', schemaVersion: 1, id: 'x' })).toEqual({
      ok: false,
      problems: [{ path: 'name', message: 'Name: is missing' }],
    });
  });
});
