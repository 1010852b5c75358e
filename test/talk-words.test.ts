import { describe, expect, it } from 'vitest';
import { loadMessages } from '../src/server/setup/messages.ts';
import { codeProblemText, dateTimeFormatter, fill, TALK_WORD_KEYS, type TalkWords } from '../src/web/talk/words.ts';

// The talk page's script takes every word from the page (the `talk` catalogue's `app`): the catalogue must
// have exactly the keys the script reads, in both languages.
describe('the talk page words', () => {
  const talk = loadMessages('talk');
  it.each(['en', 'cy'] as const)('%s has every key the script reads, and no other', (language) => {
    expect(Object.keys(talk[language].app as object).sort()).toEqual([...TALK_WORD_KEYS].sort());
  });

  it('says a refused code in the page language', () => {
    const cy = talk.cy.app as unknown as TalkWords;
    expect(codeProblemText(cy, { kind: 'unknown-word', number: 4, word: 'qqqq' }, 9)).toBe(
      'Dydy gair 4 ("qqqq") ddim yn un o eiriau\'r cod. Gwiriwch y sillafu',
    );
    expect(codeProblemText(cy, { kind: 'length', entered: 8 }, 9)).toBe('Mae 9 gair yn eich cod. Rhoesoch chi 8');
    expect(fill(cy.word, { number: 3 })).toBe('Gair 3');
  });

  it('dates a message in Welsh, from the platform or, where it has no Welsh, from the catalogue', () => {
    const cy = talk.cy.app as unknown as TalkWords;
    const at = Date.parse('2026-11-25T10:05:00Z');
    expect(dateTimeFormatter(cy, 'cy')(at)).toMatch(/^Mer,? 25 Tach, 10:05$/);
    const supported = Intl.DateTimeFormat.supportedLocalesOf;
    Intl.DateTimeFormat.supportedLocalesOf = () => [];
    try {
      expect(dateTimeFormatter(cy, 'cy')(at)).toBe('Mer 25 Tach, 10:05');
      expect(dateTimeFormatter(cy, 'cy')(Date.parse('2026-07-05T20:30:00Z'))).toBe('Sul 5 Gorff, 21:30');
    } finally {
      Intl.DateTimeFormat.supportedLocalesOf = supported;
    }
  });
});
