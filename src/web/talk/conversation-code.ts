// The conversation code: words a person can write on paper and type back, and everything their browser derives
// from them. Nine words from the BIP39 English list (2,048 words, so 11 bits each: 99 bits), chosen with the
// browser's CSPRNG. From the words, HKDF-SHA-256 derives two independent secrets: the access token the server
// recognises (it stores only an HMAC of it) and the person's X25519 private key, which the server never sees.
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { type Bytes, utf8Encode } from '../../crypto/encoding.ts';
import { hkdfSha256 } from '../../crypto/kdf.ts';
import { x25519PublicKeyOf } from '../../crypto/team-keys.ts';

export const CODE_WORDS = 9;
export const CODE_BITS = CODE_WORDS * 11;

const WORDS: readonly string[] = wordlist;
const INDEX = new Map(WORDS.map((word, i) => [word, i] as const));
// Every BIP39 English word is identified by its first four letters, so a person may write only those.
const BY_PREFIX = new Map(WORDS.map((word) => [word.slice(0, 4), word] as const));

export function generateCode(): string[] {
  const random = new Uint16Array(CODE_WORDS);
  crypto.getRandomValues(random);
  // 65,536 is a multiple of 2,048, so taking the low 11 bits is uniform.
  return Array.from(random, (n) => WORDS[n & 2047]!);
}

/** Why a typed code was refused, for the page to say in its own language; `message` says it in English. */
export type CodeProblem = { kind: 'empty' } | { kind: 'unknown-word'; number: number; word: string } | { kind: 'length'; entered: number };
export type ParsedCode = { ok: true; words: string[] } | { ok: false; message: string; problem: CodeProblem };

/** What a person typed → the code's words, forgiving case, spacing, punctuation and four-letter abbreviations. */
export function parseCode(input: string): ParsedCode {
  const typed = input
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^a-z]+/)
    .filter(Boolean);
  if (typed.length === 0) return { ok: false, message: 'Enter your conversation code', problem: { kind: 'empty' } };
  const words: string[] = [];
  for (const [i, word] of typed.entries()) {
    const known = INDEX.has(word) ? word : word.length >= 4 ? BY_PREFIX.get(word.slice(0, 4)) : undefined;
    if (!known)
      return {
        ok: false,
        message: `Word ${i + 1} ("${word}") is not one of the code words. Check how it is spelt`,
        problem: { kind: 'unknown-word', number: i + 1, word },
      };
    words.push(known);
  }
  if (words.length !== CODE_WORDS)
    return {
      ok: false,
      message: `Your code has ${CODE_WORDS} words. You entered ${words.length}`,
      problem: { kind: 'length', entered: words.length },
    };
  return { ok: true, words };
}

export interface ConversationKeys {
  /** Sent as a bearer token; the server keeps only its HMAC. */
  readonly token: Bytes;
  readonly privateKey: Bytes;
  readonly publicKey: Bytes;
}

export async function deriveConversationKeys(words: readonly string[]): Promise<ConversationKeys> {
  const material = utf8Encode(words.join(' '));
  const salt = utf8Encode('casebook/talk/v1');
  const token = await hkdfSha256(material, salt, 'casebook/talk/v1/access-token', 32);
  const privateKey = await hkdfSha256(material, salt, 'casebook/talk/v1/x25519-private-key', 32);
  material.fill(0);
  return { token, privateKey, publicKey: x25519PublicKeyOf(privateKey) };
}
