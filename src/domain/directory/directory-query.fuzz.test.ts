// Fuzzing the directory's query parsing (postcodes, counties, filters), which reads any URL anyone types: whatever
// the query holds, the answer is filters plus clear errors, never a throw, in bounded time.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters, outcomeOf } from '../../../test/support/fuzz.ts';
import { lookupPostcode } from './area.ts';
import { parseDirectoryQuery, QUERY_KEYS } from './filters.ts';

/** Postcode-like text: real shapes, near misses, odd spaces and characters. */
const postcodeish = fc.oneof(
  fc.constantFrom(
    'SW1A 1AA',
    'sw1a1aa',
    'SW1A',
    'GY1 1AA',
    'JE2',
    'IM1 1AA',
    'BF1 1AA',
    'XX1 1XX',
    'ZE1 0AA',
    'BT1 1AA',
    'LL11 1AA',
    'A1',
    '  e1  6an ',
    'GIR 0AA',
    'EC1A1BB1',
  ),
  fc.stringMatching(/^[A-Za-z]{0,3}[0-9]{0,3}[A-Za-z]? ?[0-9]?[A-Za-z]{0,3}$/),
  fc.string({ maxLength: 24 }),
);

const value = fc.oneof(
  postcodeish,
  fc.constantFrom('now', 'Kent', 'Gwynedd', 'phone', 'women', ''),
  fc.array(fc.oneof(postcodeish, fc.constantFrom('now', 'Kent', 'phone')), { maxLength: 4 }),
  fc.array(fc.string(), { minLength: 30, maxLength: 60 }),
  fc.jsonValue({ maxDepth: 2 }),
);

const query = fc.dictionary(
  fc.oneof(fc.constantFrom(...Object.values(QUERY_KEYS)), fc.string({ maxLength: 8 }), fc.constant('__proto__')),
  value,
  { maxKeys: 6 },
);

describe('directory query parsing, fuzzed', () => {
  it(
    'any query: filters and clear errors, never a throw',
    async () => {
      await fc.assert(
        fc.asyncProperty(query, async (q) => {
          let result: ReturnType<typeof parseDirectoryQuery> | undefined;
          const thrown = await outcomeOf(() => {
            result = parseDirectoryQuery(q);
          });
          if (thrown !== undefined) throw thrown;
          if (!result!.ok && result!.errors.some((e) => typeof e.message !== 'string' || e.message.length === 0))
            throw new Error('an error without a message');
        }),
        fuzzParameters(1_500, 2_000),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'any postcode text or value: found, outside the UK police areas, or invalid with a message',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(postcodeish, fc.anything()), async (input) => {
          let lookup: ReturnType<typeof lookupPostcode> | undefined;
          const thrown = await outcomeOf(() => {
            lookup = lookupPostcode(input);
          });
          if (thrown !== undefined) throw thrown;
          if (lookup!.kind === 'invalid' && lookup!.message.length === 0) throw new Error('invalid without a message');
        }),
        fuzzParameters(1_500, 1_500),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
