// Issue 7: verifying an evidence pack of 1,000 entries with 50 photos must take under 3 s. Building it here in
// Node is for reference; the 10 s target for making a pack is measured in Chromium with the PDF.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { randomBytes } from '../src/crypto/encoding.ts';
import type { AttachmentInput } from '../src/crypto/evidence-pack/index.ts';
import { buildEvidencePack, verifyEvidencePack } from '../src/crypto/evidence-pack/index.ts';
import type { EntrySketch } from '../src/crypto/evidence-pack/test-support.ts';
import { incident, newTestLog, packInputFor } from '../src/crypto/evidence-pack/test-support.ts';
import type { Incident } from '../src/domain/incidents/index.ts';
import { BEHAVIOUR_IDS } from '../src/domain/incidents/index.ts';
import { stamp, writeSection } from './support.ts';

export const ENTRIES = 1_000;
export const PHOTOS = 50;
const PHOTO_BYTES = 200 * 1024;
const EDITED_EVERY = 5; // every 5th entry has a second version
export const OTHER_LEAVES_PER_VERSION = 50; // the log is shared by everyone: proofs as long as a busy service's

export function sketches(): { entries: EntrySketch[]; photos: AttachmentInput[] } {
  const photos: AttachmentInput[] = [];
  const entries: EntrySketch[] = [];
  for (let i = 0; i < ENTRIES; i++) {
    const id = `entry-${String(i).padStart(4, '0')}`;
    let photo: Incident['attachments'][number] | undefined;
    if (i % (ENTRIES / PHOTOS) === 0) {
      const input = {
        id: `photo-${photos.length}`,
        bytes: randomBytes(PHOTO_BYTES),
        name: `IMG_${1000 + photos.length}.jpg`,
        type: 'image/jpeg',
      };
      photos.push(input);
      photo = { id: input.id, name: input.name, type: input.type, size: PHOTO_BYTES, sha256: bytesToHex(sha256(input.bytes)) };
    }
    const day = new Date(Date.UTC(2025, 0, 1) + i * 8 * 3_600_000).toISOString();
    const what = `Incident ${i}: he was outside my work again at lunchtime and followed me to the bus stop. `.repeat(4);
    const extra = { behaviours: [BEHAVIOUR_IDS[i % BEHAVIOUR_IDS.length]!, 'following' as const], attachments: photo ? [photo] : [] };
    const first = incident(id, day.slice(0, 10), day.slice(11, 16), what, extra);
    entries.push({
      id,
      versions: i % EDITED_EVERY === 0 ? [first, { ...first, whatHappened: `${what} Added later: a witness saw it.` }] : [first],
    });
  }
  return { entries, photos };
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

export async function run(): Promise<void> {
  const log = await newTestLog();
  const { entries, photos } = sketches();
  const input = await packInputFor(log, entries, photos, { otherPeoplesEntries: OTHER_LEAVES_PER_VERSION });
  const versions = input.entries.reduce((n, e) => n + e.versions.length, 0);

  await buildEvidencePack(input); // warm-up: module compilation and JIT
  const builds = [];
  for (let i = 0; i < 3; i++) builds.push(await time(() => buildEvidencePack(input)));
  const pack = builds[0]!.value;

  await verifyEvidencePack(pack);
  const verifies = [];
  for (let i = 0; i < 3; i++) verifies.push(await time(() => verifyEvidencePack(pack, { publicKeys: [log.publicKey] })));
  const report = verifies[0]!.value;
  if (!report.ok) throw new Error(`benchmark pack did not verify: ${report.problems.slice(0, 3).join(' ')}`);

  const median = (runs: { ms: number }[]) => runs.map((r) => r.ms).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const verifyMs = median(verifies);
  const buildMs = median(builds);
  const md = `## Evidence pack (issue 7)

${stamp('node bench/run.ts evidence-pack')}

A pack of ${ENTRIES.toLocaleString('en-GB')} diary entries (${versions.toLocaleString('en-GB')} versions: every ${EDITED_EVERY}th entry edited once) with ${PHOTOS} photos of ${PHOTO_BYTES / 1024} KB
(random bytes), real Ed25519 receipts and inclusion proofs in a log of ${input.treeHead.treeSize.toLocaleString('en-GB')} leaves (proofs of ${Math.ceil(Math.log2(input.treeHead.treeSize))} hashes).
Pack size ${(pack.length / 2 ** 20).toFixed(1)} MiB. Median of 3 runs after a warm-up, in Node (WebCrypto; the browser's /verify page runs the same code).

| measure | target | result |
| --- | --- | --- |
| verify the pack (\`verifyEvidencePack\`, with a trusted key): unzip, manifest, canonical form, commitments, ${versions.toLocaleString('en-GB')} receipt signatures, inclusion proofs, photos | < 3 s | **${(verifyMs / 1000).toFixed(2)} s** (runs: ${verifies.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s) |
| build the ZIP (\`buildEvidencePack\`) in Node, for reference | — (10 s in Chromium, with the PDF) | ${(buildMs / 1000).toFixed(2)} s (runs: ${builds.map((r) => (r.ms / 1000).toFixed(2)).join(', ')} s) |`;
  writeSection('evidence-pack', md);
  console.log(md);
}
