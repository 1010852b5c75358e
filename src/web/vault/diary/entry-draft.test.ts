import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../domain/incidents/index.ts';
import { newIncident, newQuickNote } from '../../../domain/incidents/index.ts';
import { attachment, sketch } from '../../../domain/incidents/test-support.ts';
import { draftFromIncident, fieldOfProblem, incidentFromDraft, problemsForStep, stepOfProblem, whenFromDraft } from './entry-draft.ts';

function full(): Incident {
  return {
    ...sketch({
      id: 'e1',
      on: '2026-07-03',
      at: '18:30',
      by: 'p1',
      witnesses: ['p2'],
      behaviours: ['following', 'loitering'],
      fear: true,
      distress: true,
      changes: ['changed-route', 'other'],
      attachments: ['a1'],
    }),
    where: 'Outside the gym',
    placeId: 'pl1',
    methods: [{ kind: 'in-person' }, { kind: 'social-media', platform: 'Instagram' }, { kind: 'other', detail: 'drone' }],
    reports: [
      { to: 'police', crimeReference: '43/12345/26', officerName: 'PC Jones 1234' },
      { to: 'platform', name: 'Instagram' },
    ],
    effects: {
      fearOfViolence: true,
      alarmOrDistress: true,
      dailyLifeChanges: ['changed-route', 'other'],
      otherChange: 'Walk with a friend',
      notes: 'I was shaking.',
    },
  };
}

describe('the entry draft', () => {
  it('round-trips a full incident unchanged (the vault commits to the exact values)', () => {
    const incident = full();
    expect(incidentFromDraft(draftFromIncident(incident))).toEqual({ ok: true, incident });
  });

  it('round-trips each kind of time', () => {
    for (const when of [
      { precision: 'day', date: '2026-03-03' },
      { precision: 'range', from: '2026-03-01', to: '2026-03-05' },
      { precision: 'range', from: '2026-07-01T21:00:00+01:00', to: '2026-07-01T23:30:00+01:00' },
      { precision: 'exact', at: '2026-01-10T08:05:00Z' },
    ] as const) {
      const incident = { ...newIncident('x', when, 'text') };
      const back = incidentFromDraft(draftFromIncident(incident));
      expect(back.ok && back.incident.when, JSON.stringify(when)).toEqual(
        when.precision === 'exact' ? { precision: 'exact', at: '2026-01-10T08:05:00+00:00' } : when,
      );
    }
  });

  it('completing a quick note keeps its text and time and stops it being a quick note', () => {
    const note = newQuickNote('q1', 'He was at the bus stop', Date.UTC(2026, 6, 1, 7, 5));
    const draft = draftFromIncident(note);
    expect(draft.wasQuickNote).toBe(true);
    expect([draft.date, draft.time]).toEqual(['2026-07-01', '08:05']);
    const result = incidentFromDraft({ ...draft, behaviours: ['loitering'] });
    expect(result.ok && result.incident).toMatchObject({
      id: 'q1',
      quickNote: false,
      whatHappened: 'He was at the bus stop',
      when: note.when,
      behaviours: ['loitering'],
    });
  });

  it('adds files uploaded on save after the ones already there', () => {
    const draft = draftFromIncident(full());
    const result = incidentFromDraft(draft, [attachment('a2')]);
    expect(result.ok && result.incident.attachments.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('leaves out empty optional answers rather than storing empty strings', () => {
    const draft = draftFromIncident(newIncident('x', { precision: 'day', date: '2026-03-03' }, 'text'));
    const result = incidentFromDraft({
      ...draft,
      methods: ['other'],
      reports: { ...draft.reports, police: { made: true, name: '', crimeReference: ' ', officerName: '', date: '' } },
    });
    expect(result.ok && result.incident.methods).toEqual([{ kind: 'other' }]);
    expect(result.ok && result.incident.reports).toEqual([{ to: 'police' }]);
    expect(result.ok && result.incident.effects).toEqual({ fearOfViolence: false, alarmOrDistress: false, dailyLifeChanges: [] });
  });

  it('says what is missing, on the step and field that asks for it', () => {
    const draft = draftFromIncident(newIncident('x', { precision: 'exact', at: '2026-03-03T18:30:00Z' }, ''));
    expect(whenFromDraft({ ...draft, time: '' })).toEqual({ path: 'time', message: expect.stringMatching(/^Enter the time/) });
    expect(whenFromDraft({ ...draft, whenKind: 'range', fromDate: '2026-03-01', toDate: '' })).toEqual({
      path: 'toDate',
      message: 'Enter the end date',
    });
    expect(problemsForStep(draft, 'when')).toEqual([]);
    const what = problemsForStep(draft, 'what');
    expect(what).toEqual([{ path: 'whatHappened', message: 'What happened: must not be empty' }]);
    expect(fieldOfProblem(what[0]!)).toBe('what-happened');
    const ended = problemsForStep({ ...draft, whatHappened: 'x', whenKind: 'range', fromDate: '2026-03-05', toDate: '2026-03-01' }, 'when');
    expect(ended.map((p) => [stepOfProblem(p), fieldOfProblem(p), p.message])).toEqual([
      ['when', 'when-to-date', 'When, end: the end must come after the start'],
    ]);
    const platform = problemsForStep({ ...draft, whatHappened: 'x', methods: ['social-media'] }, 'how');
    expect(platform.map(fieldOfProblem)).toEqual(['method-platform']);
    expect(fieldOfProblem({ path: 'when.time', message: '' })).toBe('when-time');
    expect(fieldOfProblem({ path: 'when.fromTime', message: '' })).toBe('when-from-time');
  });
});
