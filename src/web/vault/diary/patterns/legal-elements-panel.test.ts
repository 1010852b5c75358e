import { describe, expect, it } from 'vitest';
import { person, sketch } from '../../../../domain/incidents/test-support.ts';
import { analyseLegalElements, ELEMENT_IDS, GUIDANCE_NOTICE } from '../../../../domain/legal-elements/index.ts';
import { GUIDANCE_LABEL, LegalElementsPanel } from './legal-elements-panel.tsx';
import { attribute, element, elements, render, textOf } from './test-html.ts';

const NOW = new Date('2026-04-30T12:00:00Z');
const people = [person('sam', 'Sam'), person('alex', 'Alex'), person('zoe', 'Zoe', 'witness')];

function card(html: string, id: string): string {
  return element(html, 'li', new RegExp(`data-element="${id}"`));
}

function statuses(html: string): Record<string, string | undefined> {
  return Object.fromEntries(
    elements(html, 'li', /data-element=/).map((li) => [attribute(li, 'data-element'), attribute(li, 'data-status')]),
  );
}

describe('LegalElementsPanel', () => {
  it('is labelled as guidance, not legal advice, at the top and on every element', () => {
    const html = render(LegalElementsPanel, { incidents: [], people, now: NOW });
    const notice = element(html, 'div', /casebook-legal__notice/);
    expect(textOf(notice)).toContain(GUIDANCE_LABEL);
    expect(GUIDANCE_LABEL).toBe('Guidance, not legal advice');
    expect(textOf(notice)).toContain(GUIDANCE_NOTICE.text);
    expect(notice).toContain(`href="${GUIDANCE_NOTICE.link!.href}"`);
    for (const id of ELEMENT_IDS) expect(textOf(card(html, id))).toContain('This is guidance, not legal advice.');
    expect(textOf(html)).not.toMatch(/\blegal advice\b(?<!not legal advice)/);
  });

  it('shows nothing supported for an empty record, and says what to add', () => {
    const html = render(LegalElementsPanel, { incidents: [], people, now: NOW });
    expect(Object.values(statuses(html))).toEqual(ELEMENT_IDS.map(() => 'not-yet'));
    expect(textOf(card(html, 'harassment'))).toContain('Your record does not show this yet');
    expect(textOf(card(html, 'fear-of-violence'))).toContain('What is missing');
  });

  it('gives each element the status the rules give, in their words, with links to the guidance', () => {
    const incidents = [
      sketch({ on: '2026-03-03', by: 'sam', behaviours: ['following'], distress: true }),
      sketch({ on: '2026-03-10', by: 'sam', behaviours: ['loitering'], fear: true, witnesses: ['zoe'] }),
    ];
    const html = render(LegalElementsPanel, { incidents, people, now: NOW });
    expect(statuses(html)).toEqual({
      harassment: 'supported',
      stalking: 'supported',
      'fear-of-violence': 'partly',
      'stalking-fear-or-distress': 'partly',
      'stalking-protection-order': 'supported',
    });
    const report = analyseLegalElements({ incidents, people, now: NOW.getTime() });
    // At a glance, then each element in full, in the same order.
    expect(elements(element(html, 'ul', /casebook-legal__glance/), 'li').map(textOf)).toEqual(
      report.elements.map((finding) => `${finding.title}: ${finding.statusText}`),
    );
    for (const finding of report.elements) {
      const text = textOf(card(html, finding.id));
      expect(text).toContain(finding.title);
      expect(text).toContain(finding.statusText);
      for (const point of [...finding.shows, ...finding.missing]) expect(text).toContain(point.text);
      expect(card(html, finding.id)).toContain(`href="${finding.link.href}"`);
    }
    const fear = card(html, 'fear-of-violence');
    expect(textOf(fear)).toContain(
      'What is missing The law needs fear of violence on at least two occasions. Your record shows it on one so far.',
    );
    expect(textOf(card(html, 'harassment'))).toContain('Your record has 2 incidents involving Sam, between 3 March and 10 March 2026.');
    expect(textOf(card(html, 'stalking-protection-order'))).toContain('An order might be relevant. Ask the police about one');
    // A supported element says what would make it clearer rather than what is missing.
    expect(textOf(card(html, 'harassment'))).not.toContain('What is missing');
  });

  it('ticks off what makes a record stronger', () => {
    const incidents = [
      sketch({ on: '2026-03-03', at: '18:30', by: 'sam', crimeReference: 'CR/123/26' }),
      sketch({ on: '2026-03-04', by: 'sam', witnesses: ['zoe'], quickNote: true }),
    ];
    const html = render(LegalElementsPanel, { incidents, people, now: NOW });
    const items = Object.fromEntries(
      elements(html, 'li', /data-strengthener=/).map((li) => [attribute(li, 'data-strengthener'), textOf(li)]),
    );
    expect(items['crime-reference']).toMatch(/^Done: 1 incident was reported to the police with a crime reference\./);
    expect(items.witnesses).toMatch(/^Done: 1 incident has a witness\./);
    expect(items['exact-times']).toMatch(/^To do: 1 of your 2 incidents has an exact date and time\./);
    expect(items['quick-notes']).toMatch(/^To do: 1 quick note still needs finishing\./);
  });

  it('says when the record names more than one person', () => {
    const incidents = [sketch({ on: '2026-03-03', by: 'sam' }), sketch({ on: '2026-03-04', by: 'alex' })];
    const html = render(LegalElementsPanel, { incidents, people, now: NOW });
    expect(textOf(element(html, 'p', /govuk-inset-text/))).toContain('Your record names 2 different people as the one doing this.');
  });

  it('uses no inline styles', () => {
    const html = render(LegalElementsPanel, { incidents: [sketch({ by: 'sam' })], people, now: NOW });
    expect(html).not.toMatch(/\sstyle=/);
  });
});
