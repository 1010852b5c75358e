// Fuzzing the evidence pack reader through its public functions: an officer opens a pack that anyone may have
// edited. Whatever the ZIP holds, verifyEvidencePack returns a report (ok only for the untouched pack) or throws
// its own PackFormatError, in bounded time; packTreeHead returns a head or undefined.
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { beforeAll, describe, it } from 'vitest';
import { expectClearError, FUZZ_TEST_TIMEOUT_MS, fuzzParameters, mutated, outcomeOf } from '../../../test/support/fuzz.ts';
import { utf8Decode, utf8Encode } from '../encoding.ts';
import { buildEvidencePack } from './build.ts';
import { sha256Hex } from './digest.ts';
import { incident, newTestLog, packInputFor } from './test-support.ts';
import { PackFormatError, packTreeHead, verifyEvidencePack } from './verify.ts';
import { deterministicZip } from './zip.ts';

let pack: Uint8Array;
let files: Map<string, Uint8Array>;

beforeAll(async () => {
  const log = await newTestLog();
  const photo = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff);
  const input = await packInputFor(
    log,
    [
      {
        id: 'entry-a',
        versions: [
          incident('entry-a', '2026-03-01', '18:30', 'He followed me home.', { behaviours: ['following'] }),
          incident('entry-a', '2026-03-01', '18:30', 'He followed me home and waited.', {
            behaviours: ['following', 'loitering'],
            attachments: [{ id: 'photo-1', name: 'door.jpg', type: 'image/jpeg', size: photo.length, sha256: await sha256Hex(photo) }],
          }),
        ],
      },
      { id: 'entry-b', versions: [{ type: 'note', v: 1, text: 'A note.', writtenAt: '2026-03-04T08:00:00.000Z', attachments: [] }] },
    ],
    [{ id: 'photo-1', bytes: photo, name: 'door.jpg', type: 'image/jpeg' }],
  );
  pack = await buildEvidencePack(input);
  files = new Map(Object.entries(unzipSync(pack)));
});

/** Values an editor of the pack's JSON might put anywhere. */
const hostile = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    2 ** 53,
    1e308,
    Number.NaN,
    '',
    '../../etc/passwd',
    '__proto__',
    'entry-a',
    'photo-1',
    'AAAA',
    '2026-13-45T99:99:99Z',
    [],
    {},
    [[[[[]]]]],
  ),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.jsonValue({ maxDepth: 3 }),
);

type Json = unknown;
/** Replaces the value at a path chosen by `picks` (each pick chooses one child, modulo how many there are). */
function replaceAt(value: Json, picks: number[], replacement: Json): Json {
  if (picks.length === 0 || value === null || typeof value !== 'object') return replacement;
  const [pick, ...rest] = picks as [number, ...number[]];
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = pick % value.length;
    return value.map((child, j) => (j === i ? replaceAt(child, rest, replacement) : child));
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[pick % keys.length]!;
  return { ...(value as Record<string, Json>), [key]: replaceAt((value as Record<string, Json>)[key], rest, replacement) };
}

/** The pack with one JSON file edited at a random place (or a file dropped), the manifest recomputed or not. */
const editedPack = fc
  .record({
    file: fc.nat(),
    edits: fc.array(fc.tuple(fc.array(fc.nat(), { maxLength: 6 }), hostile), { minLength: 1, maxLength: 3 }),
    drop: fc.boolean(),
    fixManifest: fc.boolean(),
  })
  .map(async ({ file, edits, drop, fixManifest }) => {
    const copy = new Map(files);
    const jsonPaths = [...copy.keys()].filter((path) => path.endsWith('.json')).sort();
    const path = jsonPaths[file % jsonPaths.length]!;
    if (drop) copy.delete(path);
    else {
      let value = JSON.parse(utf8Decode(copy.get(path)!)) as Json;
      for (const [picks, replacement] of edits) value = replaceAt(value, picks, replacement);
      copy.set(path, utf8Encode(JSON.stringify(value) ?? 'undefined'));
    }
    if (fixManifest && path !== 'manifest.json' && copy.has('manifest.json')) {
      const manifest = JSON.parse(utf8Decode(copy.get('manifest.json')!)) as Record<string, unknown>;
      const hashes: Record<string, string> = {};
      for (const [p, bytes] of [...copy].sort(([a], [b]) => (a < b ? -1 : 1)))
        if (p !== 'manifest.json') hashes[p] = await sha256Hex(bytes);
      copy.set('manifest.json', utf8Encode(JSON.stringify({ ...manifest, files: hashes })));
    }
    return deterministicZip([...copy].map(([p, bytes]) => ({ path: p, bytes })));
  });

async function checkVerifies(zip: Uint8Array): Promise<void> {
  const thrown = await outcomeOf(() => verifyEvidencePack(zip));
  expectClearError(thrown, (error) => error instanceof PackFormatError && error.message.length > 0);
  const head = await outcomeOf(() => packTreeHead(zip));
  if (head !== undefined) throw head instanceof Error ? head : new Error(String(head));
}

describe('evidence pack reader, fuzzed', () => {
  it(
    'packs whose JSON files were edited anywhere, with or without a recomputed manifest',
    async () => {
      await fc.assert(
        fc.asyncProperty(editedPack, async (zip) => checkVerifies(await zip)),
        fuzzParameters(400, 3_000),
      );
    },
    FUZZ_TEST_TIMEOUT_MS,
  );

  it(
    'ZIP bytes flipped, cut, repeated or spliced',
    async () => {
      await fc.assert(fc.asyncProperty(mutated(pack), checkVerifies), fuzzParameters(300, 3_000));
    },
    FUZZ_TEST_TIMEOUT_MS,
  );
});
