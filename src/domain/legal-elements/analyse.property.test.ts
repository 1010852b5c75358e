import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Incident } from '../incidents/index.ts';
import { BEHAVIOUR_IDS, DAILY_LIFE_CHANGES } from '../incidents/index.ts';
import { person, sketch } from '../incidents/test-support.ts';
import { analyseLegalElements } from './analyse.ts';
import type { LegalElementsReport } from './model.ts';
import { statusRank } from './model.ts';

const PEOPLE = [person('p1', 'Sam'), person('p2', 'Alex'), person('p3', 'Jo')];

const incidentArbitrary: fc.Arbitrary<Incident> = fc
  .record({
    day: fc.integer({ min: 0, max: 800 }),
    by: fc.subarray(['p1', 'p2', 'p3']),
    behaviours: fc.subarray([...BEHAVIOUR_IDS], { maxLength: 4 }),
    fear: fc.boolean(),
    distress: fc.boolean(),
    changes: fc.subarray([...DAILY_LIFE_CHANGES], { maxLength: 3 }),
    witness: fc.boolean(),
    crimeReference: fc.boolean(),
    quickNote: fc.boolean(),
  })
  .map((r) =>
    sketch({
      // From 2011, so some incidents fall before the stalking offences began on 25 November 2012.
      on: new Date(Date.UTC(2012, 0, 1) + r.day * 86_400_000).toISOString().slice(0, 10),
      by: r.by,
      behaviours: r.behaviours,
      fear: r.fear,
      distress: r.distress,
      changes: r.changes,
      witnesses: r.witness ? ['p3'] : [],
      crimeReference: r.crimeReference ? '43/1/26' : undefined,
      quickNote: r.quickNote,
    }),
  );

function allText(report: LegalElementsReport): string[] {
  return [
    report.notice.text,
    ...report.notes.map((note) => note.text),
    ...report.elements.flatMap((element) => [
      element.title,
      element.statusText,
      element.notice,
      ...element.shows.map((p) => p.text),
      ...element.missing.map((p) => p.text),
    ]),
    ...report.strengtheners.map((s) => s.text),
  ];
}

describe('analyseLegalElements properties', () => {
  it('adding an incident never lowers any status', () => {
    fc.assert(
      fc.property(fc.array(incidentArbitrary, { maxLength: 12 }), incidentArbitrary, fc.nat(), (incidents, extra, at) => {
        const before = analyseLegalElements({ incidents, people: PEOPLE, now: Date.UTC(2014, 0, 1) });
        const grown = [...incidents];
        grown.splice(at % (incidents.length + 1), 0, extra);
        const after = analyseLegalElements({ incidents: grown, people: PEOPLE, now: Date.UTC(2014, 0, 1) });
        before.elements.forEach((element, i) => {
          expect(statusRank(after.elements[i]!.status), element.id).toBeGreaterThanOrEqual(statusRank(element.status));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('never says "guilty" or "committed", and always says it is guidance', () => {
    fc.assert(
      fc.property(fc.array(incidentArbitrary, { maxLength: 12 }), (incidents) => {
        const report = analyseLegalElements({ incidents, people: PEOPLE, now: Date.UTC(2013, 5, 1) });
        const text = allText(report).join('\n');
        expect(text).not.toMatch(/guilty|committed/i);
        expect(report.notice.text).toContain('guidance, not legal advice');
        for (const element of report.elements) expect(element.notice).toBe('This is guidance, not legal advice.');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps sentences short enough for a reading age of about 9 to 11', () => {
    fc.assert(
      fc.property(fc.array(incidentArbitrary, { maxLength: 12 }), (incidents) => {
        for (const text of allText(analyseLegalElements({ incidents, people: PEOPLE, now: Date.UTC(2013, 5, 1) }))) {
          for (const sentence of text.split(/(?<=[.!?])\s+/)) {
            expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(25);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is the same whatever order the incidents are in', () => {
    fc.assert(
      fc.property(fc.array(incidentArbitrary, { maxLength: 10 }), (incidents) => {
        const forward = analyseLegalElements({ incidents, people: PEOPLE });
        const backward = analyseLegalElements({ incidents: [...incidents].reverse(), people: PEOPLE });
        expect(backward.elements.map((e) => e.status)).toEqual(forward.elements.map((e) => e.status));
      }),
      { numRuns: 200 },
    );
  });
});
