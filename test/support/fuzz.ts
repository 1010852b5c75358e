// Shared settings for the fuzz tests (`*.fuzz.test.ts`): fast-check with a fixed seed and a bounded number of runs
// and time in CI, so a failure replays exactly. fast-check's failure message names the seed, the path and the shrunk
// counterexample; replay one with FUZZ_SEED=<seed> FUZZ_PATH=<path>, search longer with FUZZ_RUNS=<n>.
import fc from 'fast-check';
import { concatBytes } from '../../src/crypto/encoding.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_204);
const RUN_FACTOR = process.env.FUZZ_RUNS === undefined ? 1 : Number(process.env.FUZZ_RUNS) / 100;

/** The `it` timeout for a fuzz test: Vitest's own in CI, long enough for a FUZZ_RUNS search. */
export const FUZZ_TEST_TIMEOUT_MS = process.env.FUZZ_RUNS === undefined ? 20_000 : 15 * 60_000;

/**
 * No single input may take more CPU time than this to parse: a parser that does is treated as hanging. CPU time,
 * not wall time, so that a busy machine (CI runs test files in parallel) does not make a fast parser look slow.
 */
export const PER_CASE_CPU_MS = 1_000;

/**
 * Parameters for one property: `runs` cases (scaled by FUZZ_RUNS / 100 when set), stopped early after `budgetMs`
 * so that all the fuzz tests together stay within about 30 seconds of CI time even on a busy machine.
 */
export function fuzzParameters<T>(runs: number, budgetMs = 2_500): fc.Parameters<T> {
  const path = process.env.FUZZ_PATH;
  return {
    seed: SEED,
    numRuns: Math.max(1, Math.round(runs * RUN_FACTOR)),
    ...(path ? { path } : {}),
    interruptAfterTimeLimit: process.env.FUZZ_RUNS === undefined ? budgetMs : 10 * 60_000,
    markInterruptAsFailure: false,
    // A hang that yields (an async parser stuck waiting) is cut off here; one that never yields, by the CPU check.
    timeout: 10 * PER_CASE_CPU_MS,
  };
}

/** Runs `parse` and checks it ended in time; returns what it threw (undefined when it returned). */
export async function outcomeOf(parse: () => unknown): Promise<unknown> {
  const started = process.cpuUsage();
  let thrown: unknown;
  try {
    await parse();
  } catch (error) {
    thrown = error;
  }
  const used = process.cpuUsage(started);
  const cpuMs = (used.user + used.system) / 1000;
  if (cpuMs > PER_CASE_CPU_MS) throw new Error(`the parser took ${Math.round(cpuMs)} ms of CPU on one input (limit ${PER_CASE_CPU_MS} ms)`);
  return thrown;
}

/** Fails with the thrown error itself (its stack shows where the parser broke) unless it is the parser's own clear error. */
export function expectClearError(thrown: unknown, isClear: (error: unknown) => boolean): void {
  if (thrown === undefined || isClear(thrown)) return;
  throw thrown instanceof Error ? thrown : new Error(`threw a non-Error: ${String(thrown)}`);
}

/** Bytes built from a seed file: flipped bytes, cut short, slices repeated or dropped, random bytes spliced in. */
export function mutated(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('repeat' as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 64 }),
      times: fc.integer({ min: 1, max: 8 }),
    }),
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 32 }) }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let bytes = seed;
    for (const e of edits) {
      const at = bytes.length === 0 ? 0 : e.at % bytes.length;
      if (e.kind === 'flip' && bytes.length > 0) {
        bytes = bytes.slice();
        bytes[at] = e.value;
      } else if (e.kind === 'cut') bytes = bytes.slice(0, at);
      else if (e.kind === 'repeat') {
        const slice = bytes.subarray(at, at + e.length);
        bytes = concatBytes(bytes.subarray(0, at), ...Array.from({ length: e.times + 1 }, () => slice), bytes.subarray(at + slice.length));
      } else if (e.kind === 'drop') bytes = concatBytes(bytes.subarray(0, at), bytes.subarray(at + e.length));
      else if (e.kind === 'splice') bytes = concatBytes(bytes.subarray(0, at), e.bytes, bytes.subarray(at));
    }
    return bytes;
  });
}

/** Text built from a seed text: its lines shuffled, repeated, cut and mixed with hostile fragments. */
export function mutatedText(seed: string, fragments: string[]): fc.Arbitrary<string> {
  const lines = seed.split('\n');
  const line = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...lines) },
    { weight: 2, arbitrary: fc.constantFrom(...fragments) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((bytes) => String.fromCharCode(...bytes)) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...lines), fc.nat()).map(([l, n]) => l.slice(0, n % (l.length + 1))),
    },
  );
  return fc.array(line, { maxLength: 40 }).map((picked) => picked.join('\n'));
}
