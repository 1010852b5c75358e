// A bounded ZIP reader for exports (WhatsApp with media, Facebook/Instagram downloads). fflate does the
// inflating; this file reads the central directory itself so that every size is checked before anything is
// inflated, and inflates in small steps so no entry grows past its limit even when its header lies (a zip bomb).
import { Inflate } from 'fflate';
import { ImportError } from './model.ts';

export interface ZipLimits {
  maxEntries: number;
  /** Inflated bytes over all entries read. */
  maxTotalBytes: number;
  /** Inflated bytes of any one entry. */
  maxEntryBytes: number;
}

export const ZIP_LIMITS: ZipLimits = { maxEntries: 20_000, maxTotalBytes: 400 * 1024 * 1024, maxEntryBytes: 200 * 1024 * 1024 };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 2 ** 24;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

const damaged = () =>
  new ImportError(
    'truncated',
    'This ZIP file is damaged or incomplete (perhaps it did not finish downloading). Export or download it again.',
  );

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6)
  );
}

/** The entries of a ZIP, from its central directory; refuses too many entries, encryption and impossible sizes. */
export function listZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipEntry[] {
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 5 && bytes[at + 3] === 6) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  let count = u16(bytes, eocd + 10);
  let directory = u32(bytes, eocd + 16);
  if (count === 0xffff || directory === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw damaged();
    const zip64 = u64(bytes, locator + 8);
    if (zip64 + 56 > bytes.length || u32(bytes, zip64) !== 0x06064b50) throw damaged();
    count = u64(bytes, zip64 + 32);
    directory = u64(bytes, zip64 + 48);
  }
  if (count > limits.maxEntries) {
    throw new ImportError(
      'hostile',
      `This ZIP file holds ${count.toLocaleString('en-GB')} files; an export has at most ${limits.maxEntries.toLocaleString('en-GB')}. It was not opened.`,
    );
  }
  const entries: ZipEntry[] = [];
  let at = directory;
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw damaged();
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let local = u32(bytes, at + 42);
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? 'utf-8' : 'latin1').decode(nameBytes);
    // Zip64: the real sizes and offset sit in extra field 0x0001, in this order, only for the fields that overflowed.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 1) {
        let field = extra + 4;
        if (size === 0xffffffff) (size = u64(bytes, field)), (field += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, field)), (field += 8);
        if (local === 0xffffffff) local = u64(bytes, field);
      }
      extra += 4 + length;
    }
    at = extraEnd + commentLength;
    if (flags & 1)
      throw new ImportError(
        'not-this-format',
        'This ZIP file is password-protected, so it cannot be read. Export it again without a password.',
      );
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw damaged();
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressedSize > bytes.length) throw damaged();
    if (name.endsWith('/')) continue;
    declaredTotal += size;
    entries.push({ name, method, compressedSize, size, dataStart });
  }
  if (declaredTotal > limits.maxTotalBytes * 4) {
    throw new ImportError('hostile', 'This ZIP file says it unpacks to far more than any export could. It was not opened.');
  }
  return entries;
}

/** Running total of inflated bytes for one ZIP, shared by every readEntry call on it. */
export interface ZipBudget {
  used: number;
}

/** Whether an entry, by its declared size, can still be read within the entry limit and what is left of the budget. */
export function fitsBudget(entry: ZipEntry, budget: ZipBudget, limits: ZipLimits = ZIP_LIMITS): boolean {
  return entry.size <= limits.maxEntryBytes && entry.size <= limits.maxTotalBytes - budget.used;
}

/** One entry's bytes, inflated in steps so it never passes its own declared size, the entry limit or the budget. */
export function readEntry(bytes: Uint8Array, entry: ZipEntry, budget: ZipBudget, limits: ZipLimits = ZIP_LIMITS): Uint8Array {
  const tooBig = () =>
    new ImportError(
      'hostile',
      `"${entry.name}" in this ZIP file unpacks to more than ${Math.round(Math.min(limits.maxEntryBytes, limits.maxTotalBytes) / 1024 / 1024)} MB (it may be a "zip bomb"). It was not opened.`,
    );
  const limit = Math.min(entry.size, limits.maxEntryBytes, limits.maxTotalBytes - budget.used);
  if (entry.size > limits.maxEntryBytes || entry.size > limits.maxTotalBytes - budget.used) throw tooBig();
  const compressed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (compressed.length !== entry.size) throw damaged();
    budget.used += compressed.length;
    // A copy, not a view: a view would keep (and, posted from a worker, clone) the whole ZIP for every entry.
    return compressed.slice();
  }
  if (entry.method !== 8) throw new ImportError('not-this-format', `"${entry.name}" in this ZIP file is packed in a way we cannot read.`);
  const out = new Uint8Array(limit);
  let produced = 0;
  let over = false;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    if (produced + chunk.length > limit) over = true;
    else out.set(chunk, produced);
    produced += chunk.length;
    if (final) finished = true;
  });
  let at = 0;
  try {
    while (at < compressed.length && !over) {
      // DEFLATE expands at most about 1,032 times, so a step this small cannot overshoot the limit by much.
      const step = Math.max(1, Math.min(65_536, Math.ceil((limit - produced) / 1032) + 1));
      const end = Math.min(compressed.length, at + step);
      inflate.push(compressed.subarray(at, end), end === compressed.length);
      at = end;
    }
  } catch {
    if (!over) throw damaged();
  }
  if (over) {
    if (limit === entry.size)
      throw new ImportError(
        'hostile',
        `"${entry.name}" in this ZIP file unpacks to more than the size it declares (it may be a "zip bomb"). It was not opened.`,
      );
    throw tooBig();
  }
  if (!finished || produced !== entry.size) throw damaged();
  budget.used += produced;
  return out;
}
