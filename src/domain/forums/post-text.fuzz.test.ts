// Fuzzing the scanners that read every forum post anyone writes (links, moderators' filters, identifying details,
// crisis words): regular expressions over outside text must not throw or take super-linear time on a post of the
// largest allowed size, and what they find must lie inside the text.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters, outcomeOf } from '../../../test/support/fuzz.ts';
import { detectCrisis } from './crisis.ts';
import { applyFilters, countLinks, linkHosts } from './filters.ts';
import { findIdentifyingDetails, highlightSegments } from './identifying-details.ts';
import { LIMITS } from './limits.ts';

/** Pieces that make the scanners work hardest: near-links, near-phone numbers, near-postcodes, long runs. */
const piece = fc.oneof(
  fc.constantFrom(
    'http://',
    'https://www.',
    'www.',
    '.co.uk',
    '.',
    '/',
    '@',
    'me@mail.com',
    '07700 900',
    '+44 ',
    '0',
    ' ',
    '\n',
    'SW1A 1A',
    'flat 3',
    'road',
    'kill',
    'myself',
    'yourself',
    '-',
    '_',
    ':',
    '(',
    ')',
  ),
  fc.string({ maxLength: 12 }),
);
/** A post up to the body limit: pieces, sometimes one piece repeated to the limit. */
const post = fc.oneof(
  fc.array(piece, { maxLength: 200 }).map((parts) => parts.join('').slice(0, LIMITS.bodyMax)),
  fc.tuple(piece, piece).map(([a, b]) => `${a}${b.repeat(Math.ceil(LIMITS.bodyMax / Math.max(1, b.length)))}`.slice(0, LIMITS.bodyMax)),
);

const filters = fc.array(
  fc.oneof(
    fc.record({
      kind: fc.constant('word' as const),
      pattern: fc.oneof(fc.constantFrom('kill yourself', 'scam', '.*', '(a+)+'), fc.string({ minLength: 1, maxLength: 12 })),
    }),
    fc.record({
      kind: fc.constant('link' as const),
      pattern: fc.oneof(
        fc.constantFrom('https://www.bad.example/', 'bad.example', 'http://[::1]/'),
        fc.string({ minLength: 1, maxLength: 20 }),
      ),
    }),
  ),
  { maxLength: 5 },
);

describe('forum post scanners, fuzzed', () => {
  it(
    'links, filters, identifying details and crisis words, on any post up to the size limit',
    async () => {
      await fc.assert(
        fc.asyncProperty(post, filters, async (text, chosen) => {
          const thrown = await outcomeOf(() => {
            countLinks(text);
            linkHosts(text);
            applyFilters(text, chosen);
            detectCrisis(text);
            const findings = findIdentifyingDetails(text);
            // The highlighted segments put the post back together exactly, whatever was found.
            if (
              highlightSegments(text, findings)
                .map((s) => s.text)
                .join('') !== text
            )
              throw new Error('the highlighted segments do not make up the post');
          });
          if (thrown !== undefined) throw thrown;
        }),
        fuzzParameters(300, 2_500),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
