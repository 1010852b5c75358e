// The two files that say what the pack is (without them there is nothing to verify against: exit code 2), and
// the files around them: the manifest covers every file, and every file is one the format expects.
import { sha256Hex } from '../digest.ts';
import type { Manifest, PackAttachment, PackEntry, PackIndex } from '../format.ts';
import {
  attachmentPath,
  entryPath,
  FORMAT,
  FORMAT_VERSION,
  isPackId,
  isSha256Hex,
  MANIFEST_PATH,
  PACK_PATH,
  PUBLIC_KEY_PATH,
  proofPath,
  README_PATH,
  receiptPath,
  saltPath,
  TREE_HEAD_PATH,
} from '../format.ts';
import type { Finding } from '../report-text/finding.ts';
import { finding } from '../report-text/finding.ts';
import { compare, isObject, parseJson } from './json.ts';
import { PackFormatError } from './pack-format-error.ts';

export function readManifest(bytes: Uint8Array | undefined): Manifest {
  if (!bytes) throw new PackFormatError(finding('format.noManifest'));
  const value = parseJson(bytes) as Partial<Manifest> | undefined;
  if (!isObject(value) || value.format !== FORMAT) throw new PackFormatError(finding('format.notManifest'));
  if (value.formatVersion !== FORMAT_VERSION) {
    throw new PackFormatError(finding('format.otherVersion', { found: String(value.formatVersion), known: FORMAT_VERSION }));
  }
  if (!isObject(value.files) || !Object.values(value.files).every((h) => typeof h === 'string')) {
    throw new PackFormatError(finding('format.noFileList'));
  }
  return value as Manifest;
}

export function readIndex(bytes: Uint8Array | undefined): PackIndex {
  if (!bytes) throw new PackFormatError(finding('format.noIndex'));
  const value = parseJson(bytes) as Partial<PackIndex> | undefined;
  const readable =
    isObject(value) &&
    value.format === FORMAT &&
    typeof value.title === 'string' &&
    typeof value.createdAt === 'string' &&
    Array.isArray(value.entries) &&
    value.entries.every(isPackEntry) &&
    Array.isArray(value.attachments) &&
    value.attachments.every(isPackAttachment);
  if (!readable) throw new PackFormatError(finding('format.badIndex'));
  return value as PackIndex;
}

function isPackEntry(value: unknown): value is PackEntry {
  if (!isObject(value) || !isPackId(value.id) || !Array.isArray(value.versions)) return false;
  return value.versions.every((v: unknown) => Number.isSafeInteger(v) && (v as number) > 0);
}

function isPackAttachment(value: unknown): value is PackAttachment {
  if (!isObject(value) || typeof value.id !== 'string' || !isSha256Hex(value.sha256) || typeof value.name !== 'string') return false;
  if (typeof value.type !== 'string' || !Number.isSafeInteger(value.size) || !Array.isArray(value.usedBy)) return false;
  return value.usedBy.every((u: unknown) => isObject(u) && typeof u.entry === 'string' && Number.isSafeInteger(u.version));
}

/** Every problem with the manifest, and the paths that are missing, changed or unlisted. */
export async function checkManifest(
  files: ReadonlyMap<string, Uint8Array>,
  manifest: Manifest,
): Promise<{ problems: Finding[]; badPaths: ReadonlySet<string> }> {
  const problems: Finding[] = [];
  const badPaths = new Set<string>();
  const listed = new Map(Object.entries(manifest.files));
  const checks = await Promise.all(
    [...files].filter(([path]) => path !== MANIFEST_PATH).map(async ([path, bytes]) => ({ path, actual: await sha256Hex(bytes) })),
  );
  for (const { path, actual } of checks.sort((a, b) => compare(a.path, b.path))) {
    const expected = listed.get(path);
    if (expected === undefined) problems.push(finding('files.unlisted', { path }));
    else if (expected.toLowerCase() !== actual) problems.push(finding('files.changed', { path }));
    else continue;
    badPaths.add(path);
  }
  for (const path of [...listed.keys()].sort(compare)) {
    if (path !== MANIFEST_PATH && !files.has(path)) {
      problems.push(finding('files.removed', { path }));
      badPaths.add(path);
    }
  }
  return { problems, badPaths };
}

export function checkExpectedFiles(files: ReadonlyMap<string, Uint8Array>, index: PackIndex): Finding[] {
  const expected = new Set([MANIFEST_PATH, PACK_PATH, README_PATH, TREE_HEAD_PATH, PUBLIC_KEY_PATH]);
  for (const entry of index.entries) {
    for (const v of entry.versions) {
      for (const path of [entryPath, saltPath, receiptPath, proofPath]) expected.add(path(entry.id, v));
    }
  }
  for (const a of index.attachments) expected.add(attachmentPath(a.sha256));
  return [...files.keys()]
    .sort(compare)
    .filter((path) => !expected.has(path))
    .map((path) => finding('files.extra', { path }));
}
