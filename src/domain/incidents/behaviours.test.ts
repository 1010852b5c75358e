import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../server/features/guidance/markdown.ts';
import { BEHAVIOUR_IDS, BEHAVIOURS, behaviourById, isBehaviourId } from './behaviours.ts';

const content = join(import.meta.dirname, '../../server/content/en');

describe('BEHAVIOURS', () => {
  it('has one entry per id, in the same order', () => {
    expect(BEHAVIOURS.map((behaviour) => behaviour.id)).toEqual([...BEHAVIOUR_IDS]);
  });

  it('lists each of the seven s.2A(3) examples exactly once, (a) to (g)', () => {
    const listed = BEHAVIOURS.flatMap((behaviour) => (behaviour.listedIn ? [behaviour.listedIn] : []));
    expect(listed).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((letter) => `s.2A(3)(${letter})`));
    expect(behaviourById('following').listedIn).toBe('s.2A(3)(a)');
    expect(behaviourById('watching-or-spying').listedIn).toBe('s.2A(3)(g)');
  });

  it('names a source for every behaviour the law does not list', () => {
    for (const behaviour of BEHAVIOURS) {
      if (behaviour.listedIn) expect(behaviour.source).toContain(`section ${behaviour.listedIn.slice(2)}`);
      else expect(behaviour.source).toMatch(/^(Seeds|S-DASH|Guidance)/);
    }
  });

  it('covers the behaviours the brief and the seeds name', () => {
    for (const id of [
      'following',
      'contacting',
      'publishing',
      'monitoring-communications',
      'loitering',
      'interfering-with-property',
      'watching-or-spying',
      'unwanted-gifts',
      'threat-of-violence',
      'sexual-threat',
      'threat-to-others',
      'threat-of-self-harm',
      'turning-up',
      'contacting-others',
      'damaging-property',
      'breaking-in',
      'pretending-to-be-you',
      'tracking-location',
      'gathering-information',
      'fake-profiles',
      'violence',
    ]) {
      expect(isBehaviourId(id), id).toBe(true);
    }
  });

  it('keeps labels and hints short and plain', () => {
    for (const behaviour of BEHAVIOURS) {
      expect(behaviour.label.length, behaviour.id).toBeLessThanOrEqual(60);
      expect(behaviour.hint.length, behaviour.id).toBeLessThanOrEqual(120);
      expect(behaviour.hint, behaviour.id).toMatch(/\.$/);
    }
  });

  it('marks as risk of harm only threats to people, violence, damage and breaking in', () => {
    const risky = BEHAVIOURS.filter((behaviour) => behaviour.riskOfHarm).map((behaviour) => behaviour.id);
    expect(risky.sort()).toEqual([
      'breaking-in',
      'damaging-property',
      'sexual-threat',
      'threat-of-violence',
      'threat-to-others',
      'violence',
    ]);
  });

  it('links each behaviour to a heading that exists on the guidance page', () => {
    const page = readFileSync(join(content, 'understand/stalking-behaviours.md'), 'utf8');
    const anchors = new Set([...page.matchAll(/^#{2,4} (.+)$/gm)].map((match) => slugify(match[1]!)));
    for (const behaviour of BEHAVIOURS) {
      const [path, anchor] = behaviour.guidance.split('#');
      expect(path).toBe('/understand/stalking-behaviours');
      expect(anchors.has(anchor!), `${behaviour.id} → #${anchor}`).toBe(true);
    }
  });

  it('throws on an unknown id, so a typo cannot pass silently', () => {
    expect(() => behaviourById('nonsense' as never)).toThrow(/unknown behaviour/);
  });
});
