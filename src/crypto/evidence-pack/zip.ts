import { unzipSync, type Zippable, zipSync } from 'fflate';
import type { Finding } from './report-text/finding.ts';
import { finding } from './report-text/finding.ts';
import { say } from './report-text/render.ts';

// fflate writes DOS timestamps from a Date's *local* fields, so a constant built from local fields gives the
// same bytes in every time zone: 1980-01-01 00:00, the earliest a ZIP can hold, as reproducible builds use.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

// Already-compressed formats gain nothing from deflate and cost time on both ends.
const STORE = /^(image|audio|video)\/|^application\/(zip|pdf|gzip)$/;

export interface ZipFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  /** When true the file is stored, not deflated. */
  readonly store?: boolean;
}

export function shouldStore(mediaType: string): boolean {
  return STORE.test(mediaType);
}

/** A ZIP whose bytes depend only on the files: sorted paths, one fixed timestamp, fixed attributes. */
export function deterministicZip(files: readonly ZipFile[]): Uint8Array {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const zippable: Zippable = {};
  for (const file of sorted) {
    if (Object.hasOwn(zippable, file.path)) throw new Error(`Two files would have the same path: ${file.path}`);
    zippable[file.path] = [file.bytes, { level: file.store ? 0 : 6, mtime: FIXED_MTIME, os: 3, attrs: 0o100644 << 16 }];
  }
  return zipSync(zippable);
}

// Deflate cannot pack more than about 1032 bytes into one (RFC 1951's longest match in a 2-bit code). fflate
// allocates the size an entry claims before inflating it, so a claim past that ratio is refused unread: a 28 KB
// ZIP claiming 1.8 GB made the verifier allocate and hash 1.8 GB (found by evidence-pack.fuzz.test.ts).
const MAX_DEFLATE_RATIO = 1032;

export class UnreadableZipError extends Error {
  override readonly name = 'UnreadableZipError';
  readonly finding: Finding;

  constructor(found: Finding) {
    super(say(found));
    this.finding = found;
  }
}

export interface UnzippedPack {
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Paths that occur more than once: different tools would extract different files. */
  readonly duplicates: readonly string[];
}

/** Every file in the ZIP, directory entries left out (a team that unzips and re-zips a pack adds them). */
export function readZip(bytes: Uint8Array, maxTotalBytes: number, wanted: (name: string) => boolean = () => true): UnzippedPack {
  const seen = new Set<string>();
  const duplicates: string[] = [];
  let total = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter(file) {
        if (file.name.endsWith('/') || !wanted(file.name)) return false;
        // The compressed size is a claim too: no more than the ZIP holds.
        if (file.originalSize > Math.min(file.size, bytes.length) * MAX_DEFLATE_RATIO + 1024) {
          // Byte counts as plain digits: they are for someone comparing them with a ZIP tool's listing.
          throw new UnreadableZipError(
            finding('format.impossibleSize', { name: file.name, claimed: String(file.originalSize), size: String(file.size) }),
          );
        }
        if (seen.has(file.name)) duplicates.push(file.name);
        seen.add(file.name);
        total += file.originalSize;
        if (total > maxTotalBytes) throw new UnreadableZipError(finding('format.tooLarge', { mib: Math.round(maxTotalBytes / 2 ** 20) }));
        return true;
      },
    });
  } catch (error) {
    if (error instanceof UnreadableZipError) throw error;
    throw new UnreadableZipError(finding('format.unreadableZip', { detail: error instanceof Error ? error.message : String(error) }));
  }
  return { files: new Map(Object.entries(raw)), duplicates };
}
