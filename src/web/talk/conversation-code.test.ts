import { wordlist } from '@scure/bip39/wordlists/english.js';
import { describe, expect, it } from 'vitest';
import { base64urlEncode } from '../../crypto/encoding.ts';
import { CODE_BITS, CODE_WORDS, deriveConversationKeys, generateCode, parseCode } from './conversation-code.ts';

describe('conversation codes', () => {
  it('are nine BIP39 words: 99 bits, more than the 88 asked for', () => {
    expect(CODE_WORDS).toBe(9);
    expect(CODE_BITS).toBeGreaterThanOrEqual(88);
    const code = generateCode();
    expect(code).toHaveLength(9);
    for (const word of code) expect(wordlist).toContain(word);
    expect(new Set(Array.from({ length: 50 }, () => generateCode().join(' '))).size).toBe(50);
  });

  it('read back forgivingly: case, spacing, punctuation and four-letter abbreviations', () => {
    const code = generateCode();
    expect(parseCode(code.join(' '))).toEqual({ ok: true, words: code });
    expect(parseCode(`  ${code.map((w) => w.toUpperCase()).join(', ')}. `)).toEqual({ ok: true, words: code });
    expect(parseCode(code.map((w) => w.slice(0, 4)).join('-'))).toEqual({ ok: true, words: code });
  });

  it('say which word is wrong, or how many are missing', () => {
    const code = generateCode();
    expect(parseCode('')).toEqual({ ok: false, message: 'Enter your conversation code', problem: { kind: 'empty' } });
    const wrong = parseCode([...code.slice(0, 3), 'qqqq', ...code.slice(4)].join(' '));
    expect(wrong.ok === false && wrong.message).toMatch(/^Word 4 \("qqqq"\) is not one of the code words/);
    const short = parseCode(code.slice(0, 8).join(' '));
    expect(short.ok === false && short.message).toBe('Your code has 9 words. You entered 8');
    // The same problems, for the page to say in its own language (src/web/talk/words.ts).
    expect(wrong.ok === false && wrong.problem).toEqual({ kind: 'unknown-word', number: 4, word: 'qqqq' });
    expect(short.ok === false && short.problem).toEqual({ kind: 'length', entered: 8 });
  });

  it('derive the same token and key pair from the same words, and independent ones from different words', async () => {
    const code = generateCode();
    const a = await deriveConversationKeys(code);
    const b = await deriveConversationKeys(parseCode(code.map((w) => w.slice(0, 4)).join(' ')).ok ? code : []);
    expect(base64urlEncode(a.token)).toBe(base64urlEncode(b.token));
    expect(base64urlEncode(a.publicKey)).toBe(base64urlEncode(b.publicKey));
    expect(base64urlEncode(a.token)).not.toBe(base64urlEncode(a.privateKey));
    const other = await deriveConversationKeys(generateCode());
    expect(base64urlEncode(other.token)).not.toBe(base64urlEncode(a.token));
  });
});
