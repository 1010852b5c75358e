import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from './model.ts';
import { withDeclaredSize } from './test-support.ts';
import { listZip, readEntry, ZIP_LIMITS, type ZipLimits } from './zip.ts';

const small: ZipLimits = { maxEntries: 10, maxTotalBytes: 3_000_000, maxEntryBytes: 2_000_000 };
const problem = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as ImportError).problem;
  }
  throw new Error('expected an ImportError');
};

describe('bounded ZIP reading', () => {
  const zeros = zipSync(
    { 'a.bin': new Uint8Array(1_600_000), 'b.bin': new Uint8Array(1_600_000), 'c.txt': new TextEncoder().encode('hello') },
    { level: 9 },
  );

  it('reads entries within the limits, stored or deflated', () => {
    const entries = listZip(zeros, small);
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['a.bin', 1_600_000],
      ['b.bin', 1_600_000],
      ['c.txt', 5],
    ]);
    const budget = { used: 0 };
    expect(new TextDecoder().decode(readEntry(zeros, entries[2]!, budget, small))).toBe('hello');
    expect(readEntry(zeros, entries[0]!, budget, small).length).toBe(1_600_000);
    const stored = zipSync({ 'x.txt': new TextEncoder().encode('stored') }, { level: 0 });
    expect(new TextDecoder().decode(readEntry(stored, listZip(stored)[0]!, { used: 0 }))).toBe('stored');
  });

  it('stops at the total budget over all entries, before inflating the one that would pass it', () => {
    const entries = listZip(zeros, small);
    const budget = { used: 0 };
    readEntry(zeros, entries[0]!, budget, small);
    expect(problem(() => readEntry(zeros, entries[1]!, budget, small))).toBe('hostile');
    expect(budget.used).toBe(1_600_000);
  });

  it('refuses an entry whose declared size is over the entry limit without inflating it', () => {
    const big = zipSync({ 'big.bin': new Uint8Array(2_500_000) }, { level: 9 });
    expect(problem(() => readEntry(big, listZip(big, small)[0]!, { used: 0 }, small))).toBe('hostile');
  });

  it('stops inflating an entry that passes its declared size (the header lies)', () => {
    const lying = withDeclaredSize(zipSync({ 'big.bin': new Uint8Array(20_000_000) }, { level: 9 }), 'big.bin', 10);
    const budget = { used: 0 };
    expect(problem(() => readEntry(lying, listZip(lying)[0]!, budget, ZIP_LIMITS))).toBe('hostile');
    expect(budget.used).toBe(0);
  });

  it('says a cut or damaged ZIP is incomplete, and refuses too many entries', () => {
    expect(problem(() => listZip(zeros.subarray(0, zeros.length - 10)))).toBe('truncated');
    expect(problem(() => listZip(zeros.subarray(100)))).toBe('truncated');
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 11; i++) many[`f${i}`] = new Uint8Array();
    expect(problem(() => listZip(zipSync(many), small))).toBe('hostile');
  });
});

describe('ZIP entries as their own bytes', () => {
  it('gives each stored entry its own buffer, not a view of the whole ZIP', () => {
    const zip = zipSync({ 'a.jpg': new Uint8Array(1000).fill(7), 'b.txt': new TextEncoder().encode('x') }, { level: 0 });
    const bytes = readEntry(zip, listZip(zip)[0]!, { used: 0 });
    expect(bytes.length).toBe(1000);
    expect(bytes.buffer.byteLength).toBe(1000);
  });
});
