import { describe, expect, it } from 'vitest';
import { sketch } from '../../../domain/incidents/test-support.ts';
import { analyseLegalElements, ELEMENT_IDS, GUIDANCE_NOTICE, LINKS } from '../../../domain/legal-elements/index.ts';
import { TREND_TITLES } from '../diary/patterns/summaries.ts';
import { t } from './i18n.ts';

describe('"what the law needs" in the catalogues', () => {
  it('has the domain’s own English for every element, status, link and the notice, and Welsh for each', () => {
    const reports = [
      [],
      [
        sketch({ on: '2026-03-03', by: 'sam', behaviours: ['following'] }),
        sketch({ on: '2026-03-10', by: 'sam', behaviours: ['threat-of-violence'], fear: true }),
      ],
    ].map((incidents) => analyseLegalElements({ incidents, people: [], now: Date.parse('2026-04-30T12:00:00Z') }));
    for (const report of reports) {
      for (const element of report.elements) {
        expect(t(`legal.elements.${element.id}.title`, {}, 'en')).toBe(element.title);
        expect(t(`legal.elements.${element.id}.law`, {}, 'en')).toBe(element.law);
        const kind = element.id === 'stalking-protection-order' ? 'order' : 'element';
        expect(t(`legal.status.${kind}.${element.status}`, {}, 'en')).toBe(element.statusText);
        expect(t('legal.notLegalAdvice', {}, 'en')).toBe(element.notice);
      }
    }
    expect(t('legal.notice', {}, 'en')).toBe(GUIDANCE_NOTICE.text);
    for (const [name, link] of Object.entries(LINKS)) {
      expect(t(`legal.links.${name}`, {}, 'en')).toBe(link.text);
      expect(t(`legal.links.${name}`, {}, 'cy')).not.toMatch(/^legal\./);
    }
    for (const [trend, title] of Object.entries(TREND_TITLES)) expect(t(`patterns.escalation.trends.${trend}`, {}, 'en')).toBe(title);
    for (const id of ELEMENT_IDS) expect(t(`legal.elements.${id}.title`, {}, 'cy')).not.toMatch(/^legal\./);
  });
});
