import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalize } from '../canonical-json.ts';
import { base64urlDecode, base64urlEncode, hexEncode, randomBytes, utf8Decode, utf8Encode } from '../encoding.ts';
import { leafHash } from '../merkle.ts';
import type { Receipt, SignedTreeHead } from '../signing.ts';
import { createLogSigner, exportPublicKey, generateSigningKeyPair, signReceipt, signTreeHead } from '../signing.ts';
import type { EvidencePackInput } from './build.ts';
import { buildEvidencePack, EvidencePackInputError } from './build.ts';
import { sha256Hex } from './digest.ts';
import type { Manifest, PackIndex } from './format.ts';
import type { TestLog } from './test-support.ts';
import { FIRST_RECEIPT, incident, newTestLog, packInputFor, signHead } from './test-support.ts';
import { PackFormatError, verifyEvidencePack } from './verify.ts';
import { deterministicZip, readZip } from './zip.ts';

// Real packs: a real Ed25519 log key, a real Merkle tree, real receipts and proofs; each tamper is done to the
// ZIP's bytes the way someone with the file would, usually also fixing manifest.json so the deeper check is
// the one that has to catch it.

const PHOTO_1 = randomBytes(5_000); // referred to without its hash (as the vault's first notes did), so by id only
const PHOTO_2 = randomBytes(7_000); // named by SHA-256 inside a diary incident, so covered by the incident's receipt

let log: TestLog;
let input: EvidencePackInput;
let pack: Uint8Array;
let photo2Sha: string;

beforeAll(async () => {
  log = await newTestLog();
  photo2Sha = await sha256Hex(PHOTO_2);
  const note = {
    type: 'note',
    v: 1,
    text: 'Photo of the note pushed under my door. Ünïcödé “quotes” and an emoji 🙂.',
    writtenAt: '2026-03-04T08:00:00.000Z',
    attachments: [{ id: 'photo-1', name: 'outside.jpg', type: 'image/jpeg', size: PHOTO_1.length }],
  };
  const door = { id: 'photo-2', name: 'door.jpg', type: 'image/jpeg', size: PHOTO_2.length, sha256: photo2Sha };
  input = await packInputFor(
    log,
    [
      {
        id: 'entry-a',
        versions: [
          incident('entry-a', '2026-03-01', '18:30', 'He followed me home from the station.', { behaviours: ['following'] }),
          incident('entry-a', '2026-03-01', '18:30', 'He followed me home from the station and waited outside.', {
            behaviours: ['following', 'loitering'],
          }),
        ],
      },
      { id: 'entry-b', versions: [note] },
      {
        id: 'entry-c',
        versions: [
          incident('entry-c', '2026-02-20', '09:15', 'Twelve missed calls.', { behaviours: ['contacting'] }),
          incident('entry-c', '2026-02-20', '09:15', 'Twelve missed calls from a withheld number.', { behaviours: ['contacting'] }),
          incident('entry-c', '2026-02-20', '09:15', 'Twelve missed calls from a withheld number. Reported.', {
            behaviours: ['contacting'],
            crimeReference: 'CR/123/26',
          }),
        ],
      },
      {
        id: 'entry-d',
        versions: [
          incident('entry-d', '2026-03-05', '22:00', 'Flowers left on my car.', {
            behaviours: ['unwanted-gifts', 'following'],
            attachments: [door],
          }),
        ],
      },
    ],
    [
      { id: 'photo-1', bytes: PHOTO_1, name: 'outside.jpg', type: 'image/jpeg' },
      { id: 'photo-2', bytes: PHOTO_2, name: 'door.jpg', type: 'image/jpeg' },
    ],
  );
  pack = await buildEvidencePack(input);
});

/** The pack's files, changed by `change`, zipped again; the manifest is recomputed unless told not to. */
async function tamper(change: (files: Map<string, Uint8Array>) => unknown, { fixManifest = true, from = pack } = {}): Promise<Uint8Array> {
  const files = new Map(Object.entries(unzipSync(from)));
  await change(files);
  if (fixManifest) {
    const manifest = json<Manifest>(files, 'manifest.json');
    const hashes: Record<string, string> = {};
    for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1)))
      if (path !== 'manifest.json') hashes[path] = await sha256Hex(bytes);
    files.set('manifest.json', utf8Encode(JSON.stringify({ ...manifest, files: hashes }, null, 2)));
  }
  return deterministicZip([...files].map(([path, bytes]) => ({ path, bytes })));
}

function json<T>(files: Map<string, Uint8Array>, path: string): T {
  return JSON.parse(utf8Decode(files.get(path)!)) as T;
}

function setJson(files: Map<string, Uint8Array>, path: string, value: unknown): void {
  files.set(path, utf8Encode(JSON.stringify(value, null, 2)));
}

const packIndex = (zip = pack) => JSON.parse(utf8Decode(unzipSync(zip)['pack.json']!)) as PackIndex;
const numberOf = (id: string) => packIndex().entries.findIndex((e) => e.id === id) + 1;

async function problemsOf(zip: Uint8Array, options = {}): Promise<string[]> {
  const report = await verifyEvidencePack(zip, options);
  expect(report.ok).toBe(false);
  return [...report.problems];
}

describe('a good pack', () => {
  it('verifies entry by entry, version by version', async () => {
    const report = await verifyEvidencePack(pack);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.entries).toHaveLength(4);
    expect(report.entries.flatMap((e) => e.versions)).toHaveLength(7);
    for (const v of report.entries.flatMap((e) => e.versions)) {
      expect([v.content, v.commitment, v.signature, v.inclusion, v.files]).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    }
    expect(report.treeHead?.signature).toBe('passed');
    expect(report.summary).toMatch(
      /^All 4 entries check out: each existed no later than the time shown beside it \(the earliest 3 March 2026 at 14:03, the latest 3 March 2026 at 14:09, UK time\) and has not been changed since\. Both attached files match the pack\./,
    );
    expect(report.packSha256).toBe(await sha256Hex(pack));
  });

  it('says plainly when the key was only the pack’s own, and not when it was given independently', async () => {
    const own = await verifyEvidencePack(pack);
    expect(own.keyTrust).toBe('pack-only');
    expect(own.notices.join(' ')).toMatch(/checked with the log key inside the pack/);
    expect(own.summary).toMatch(/key inside the pack/);
    const independent = await verifyEvidencePack(pack, { publicKeys: [log.publicKey] });
    expect(independent.ok).toBe(true);
    expect(independent.keyTrust).toBe('independent');
    expect(independent.keys.every((k) => k.trusted)).toBe(true);
    expect(independent.summary).not.toMatch(/key inside the pack/);
  });

  it('tells which attachments a receipt covers', async () => {
    const report = await verifyEvidencePack(pack);
    const byName = Object.fromEntries(report.attachments.map((a) => [a.name, a]));
    expect(byName['door.jpg']).toMatchObject({ verified: true, timestamped: true });
    expect(byName['outside.jpg']).toMatchObject({ verified: true, timestamped: false });
    expect(report.notices.join(' ')).toMatch(/outside\.jpg.*only that they have not changed since the pack was made/);
  });

  it('is byte-for-byte the same for the same input, whatever order it came in', async () => {
    const again = await buildEvidencePack({
      ...input,
      entries: [...input.entries].reverse(),
      attachments: [...(input.attachments ?? [])].reverse(),
    });
    expect(hexEncode(again)).toBe(hexEncode(pack));
  });

  it('holds the documented layout, entries as canonical JSON exactly as committed, in the order they happened', async () => {
    const files = unzipSync(pack);
    const index = packIndex();
    expect(index.entries.map((e) => e.id)).toEqual(['entry-c', 'entry-a', 'entry-b', 'entry-d']);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'README.txt',
        'manifest.json',
        'pack.json',
        'log/tree-head.json',
        'log/public-key.json',
        'entries/entry-a/v2.json',
        'entries/entry-a/v2.salt',
        'receipts/entry-a/v2.json',
        'proofs/entry-a/v2.json',
        `attachments/${photo2Sha}`,
      ]),
    );
    const a2 = input.entries.find((e) => e.id === 'entry-a')!.versions[1]!;
    expect(utf8Decode(files['entries/entry-a/v2.json']!)).toBe(canonicalize(a2.content));
    expect(files['entries/entry-a/v2.salt']).toEqual(a2.salt);
    // The recipe in the docs: sha256(salt || file) is the commitment, and the receipt signs its leaf hash.
    const commitment = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new Uint8Array([...files['entries/entry-a/v2.salt']!, ...files['entries/entry-a/v2.json']!])),
    );
    const receipt = JSON.parse(utf8Decode(files['receipts/entry-a/v2.json']!)) as Receipt;
    expect(receipt.leafHash).toBe(base64urlEncode(await leafHash(commitment)));
    const manifest = JSON.parse(utf8Decode(files['manifest.json']!)) as Manifest;
    expect(Object.keys(manifest.files).sort()).toEqual(
      Object.keys(files)
        .filter((p) => p !== 'manifest.json')
        .sort(),
    );
  });

  it('summarises by behaviour and date with the diary’s own rules', () => {
    const { summary } = packIndex();
    expect(summary).toMatchObject({ entries: 4, versions: 7, attachments: 2, incidents: 3, reportedToPolice: 1, withCrimeReference: 1 });
    expect(summary.incidentDates).toEqual({ first: '2026-02-20', last: '2026-03-05' });
    expect(summary.behaviours.map((b) => [b.id, b.count])).toEqual([
      ['following', 2],
      ['contacting', 1],
      ['loitering', 1],
      ['unwanted-gifts', 1],
    ]);
  });

  it('refuses input that could not verify', async () => {
    const entry = input.entries[0]!;
    const wrongSalt = {
      ...entry,
      versions: [{ ...entry.versions[0]!, salt: randomBytes(32), commitment: undefined }, ...entry.versions.slice(1)],
    };
    await expect(buildEvidencePack({ ...input, entries: [wrongSalt, ...input.entries.slice(1)] })).rejects.toThrow(EvidencePackInputError);
    await expect(
      buildEvidencePack({ ...input, attachments: [{ id: 'stray', bytes: PHOTO_1, name: 'x.jpg', type: 'image/jpeg' }] }),
    ).rejects.toThrow(/belongs to none of the entries/);
  });
});

describe('tampering is caught with a precise message', () => {
  it('one changed character in an entry', async () => {
    const n = numberOf('entry-a');
    const zip = await tamper((files) => {
      const text = utf8Decode(files.get('entries/entry-a/v2.json')!);
      files.set('entries/entry-a/v2.json', utf8Encode(text.replace('waited outside', 'waited outsidE')));
    });
    const time = input.entries.find((e) => e.id === 'entry-a')!.versions[1]!.receipt.timestamp;
    expect(new Date(time).toISOString()).toBe('2026-03-03T14:07:00.000Z');
    expect(await problemsOf(zip)).toEqual([
      `Entry ${n}, version 2: the text does not match what was committed on 3 March 2026 at 14:07 (UK time) — it has been changed since (or its salt has).`,
    ]);
  });

  it('…and the manifest catches it too when it was left alone', async () => {
    const zip = await tamper(
      (files) => {
        files.set('entries/entry-a/v1.json', utf8Encode(utf8Decode(files.get('entries/entry-a/v1.json')!).replace('station', 'Station')));
      },
      { fixManifest: false },
    );
    const problems = await problemsOf(zip);
    expect(problems[0]).toBe(
      'entries/entry-a/v1.json has been changed since the pack was made: its SHA-256 is not the one manifest.json lists.',
    );
    expect(problems[1]).toMatch(/^Entry \d, version 1: the text does not match what was committed on 3 March 2026 at 14:0\d \(UK time\)/);
    const entry = (await verifyEvidencePack(zip)).entries.find((e) => e.id === 'entry-a')!;
    expect(entry.versions.map((v) => [v.files, v.commitment])).toEqual([
      ['failed', 'failed'],
      ['passed', 'passed'],
    ]);
  });

  it('a reordered entry: two entries swapped in pack.json, so the numbers no longer match the PDF', async () => {
    const zip = await tamper((files) => {
      const index = json<PackIndex>(files, 'pack.json');
      setJson(files, 'pack.json', { ...index, entries: [index.entries[1], index.entries[0], ...index.entries.slice(2)] });
    });
    expect(await problemsOf(zip)).toEqual([
      "Entry 2 comes after entry 1 in pack.json, but it happened (or was first logged) earlier — the entries have been reordered, so the entry numbers may not match the PDF's.",
    ]);
    expect((await verifyEvidencePack(zip)).summary).toMatch(
      /^Verification FAILED: 1 problem found\. Each entry passed its own checks, but the pack as a whole did not: see the problems listed\./,
    );
  });

  it('a replaced photo', async () => {
    const zip = await tamper((files) => files.set(`attachments/${photo2Sha}`, randomBytes(PHOTO_2.length)));
    expect(await problemsOf(zip)).toEqual([
      `Attachment "door.jpg" (entry ${numberOf('entry-d')}): the file has been replaced or changed — its SHA-256 is not the one the pack names it by.`,
    ]);
  });

  it('a replaced photo, renamed to its new hash everywhere the pack (but not the receipt) names it', async () => {
    const fake = randomBytes(PHOTO_2.length);
    const fakeSha = await sha256Hex(fake);
    const zip = await tamper((files) => {
      files.delete(`attachments/${photo2Sha}`);
      files.set(`attachments/${fakeSha}`, fake);
      const index = json<PackIndex>(files, 'pack.json');
      setJson(files, 'pack.json', {
        ...index,
        attachments: index.attachments.map((a) => (a.sha256 === photo2Sha ? { ...a, sha256: fakeSha } : a)),
      });
    });
    expect(await problemsOf(zip)).toEqual([
      `Attachment "door.jpg": Entry ${numberOf('entry-d')}, version 1 committed to a file with a different SHA-256 — the photo or file has been replaced.`,
    ]);
  });

  it('a removed entry', async () => {
    const n = numberOf('entry-d');
    const zip = await tamper(
      (files) => {
        for (const path of [...files.keys()]) if (path.includes('/entry-d/')) files.delete(path);
      },
      { fixManifest: false },
    );
    const problems = await problemsOf(zip);
    expect(problems).toContain('entries/entry-d/v1.json is listed in manifest.json but is missing from the pack: it has been removed.');
    expect(problems).toContain(
      `Entry ${n}, version 1: entries/entry-d/v1.json, entries/entry-d/v1.salt, receipts/entry-d/v1.json, proofs/entry-d/v1.json are missing, so this version cannot be checked — it has been removed from the pack.`,
    );
    const report = await verifyEvidencePack(zip);
    expect(report.summary).toMatch(
      new RegExp(
        `^Verification FAILED: \\d+ problems found\\. 1 entry could not be verified \\(entry ${n}\\); do not rely on it without further checks\\. The other 3 entries check out\\.`,
      ),
    );
  });

  it('a removed version in the middle of an entry’s history', async () => {
    const n = numberOf('entry-c');
    const zip = await tamper((files) => {
      for (const path of [...files.keys()]) if (path.includes('/entry-c/v2.')) files.delete(path);
      const index = json<PackIndex>(files, 'pack.json');
      setJson(files, 'pack.json', {
        ...index,
        entries: index.entries.map((e) => (e.id === 'entry-c' ? { ...e, versions: [1, 3] } : e)),
        summary: { ...index.summary, versions: 6 },
      });
    });
    expect(await problemsOf(zip)).toEqual([
      `Entry ${n}: the versions are not 1 to 2 in order (the pack holds 1, 3; missing 2) — a version has been removed or the versions reordered.`,
    ]);
  });

  it('a reordered entry: two versions swapped, every file with them', async () => {
    const n = numberOf('entry-a');
    const zip = await tamper((files) => {
      for (const kind of ['entries/entry-a/v%.json', 'entries/entry-a/v%.salt', 'receipts/entry-a/v%.json', 'proofs/entry-a/v%.json']) {
        const one = files.get(kind.replace('%', '1'))!;
        files.set(kind.replace('%', '1'), files.get(kind.replace('%', '2'))!);
        files.set(kind.replace('%', '2'), one);
      }
      // The summary counts the latest version, so a careful forger fixes it too.
      const index = json<PackIndex>(files, 'pack.json');
      setJson(files, 'pack.json', {
        ...index,
        summary: { ...index.summary, behaviours: index.summary.behaviours.filter((b) => b.id !== 'loitering') },
      });
    });
    const problems = await problemsOf(zip);
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Entry ${n}: version 2 was logged before version 1 \\(3 March 2026 at 14:0\\d \\(UK time\\), log position \\d+, against 3 March 2026 at 14:07 \\(UK time\\), position \\d+\\) — the versions have been swapped or reordered\\.$`,
        ),
      ),
    ]);
  });

  it('a backdated receipt', async () => {
    const zip = await tamper((files) => {
      const receipt = json<Receipt>(files, 'receipts/entry-d/v1.json');
      setJson(files, 'receipts/entry-d/v1.json', { ...receipt, timestamp: Date.UTC(2026, 1, 1, 9, 0) });
    });
    expect(await problemsOf(zip)).toEqual([
      `Entry ${numberOf('entry-d')}, version 1: the receipt's signature does not verify — its time, log position or fingerprint has been altered since Casebook signed it (it now claims 1 February 2026 at 09:00 (UK time)).`,
    ]);
  });

  it('a receipt signed by another key', async () => {
    const other = await createLogSigner(await generateSigningKeyPair());
    const zip = await tamper(async (files) => {
      const receipt = json<Receipt>(files, 'receipts/entry-c/v1.json');
      const forged = await signReceipt(other, {
        leafIndex: receipt.leafIndex,
        leafHash: base64urlDecode(receipt.leafHash),
        timestamp: receipt.timestamp - 86_400_000,
      });
      setJson(files, 'receipts/entry-c/v1.json', forged);
    });
    expect(await problemsOf(zip)).toEqual([
      `Entry ${numberOf('entry-c')}, version 1: the receipt (dated 2 March 2026 at 14:05 (UK time)) was signed by a key that is not Casebook's log key (it is neither in the pack's key file nor among the keys you trust).`,
    ]);
  });

  it('a whole pack re-signed with a forger’s key passes on its own key, and fails against the trusted one', async () => {
    const pair = await generateSigningKeyPair();
    const forger = await createLogSigner(pair);
    const publicKey = await exportPublicKey(pair.publicKey);
    const zip = await tamper(async (files) => {
      for (const [path] of files) {
        if (!path.startsWith('receipts/')) continue;
        const r = json<Receipt>(files, path);
        setJson(
          files,
          path,
          await signReceipt(forger, { leafIndex: r.leafIndex, leafHash: base64urlDecode(r.leafHash), timestamp: r.timestamp }),
        );
      }
      const head = json<SignedTreeHead>(files, 'log/tree-head.json');
      setJson(
        files,
        'log/tree-head.json',
        await signTreeHead(forger, { treeSize: head.treeSize, rootHash: base64urlDecode(head.rootHash), timestamp: head.timestamp }),
      );
      setJson(files, 'log/public-key.json', { logId: forger.logId, publicKey, keys: [{ logId: forger.logId, publicKey, from: 0 }] });
    });
    const alone = await verifyEvidencePack(zip);
    expect(alone.ok).toBe(true);
    expect(alone.keyTrust).toBe('pack-only');
    const problems = await problemsOf(zip, { publicKeys: [log.publicKey] });
    expect(problems[0]).toBe(
      `The log's tree head was signed by key ${forger.logId}, which is in the pack but is not one of the Casebook keys you trust.`,
    );
    expect(problems).toContain(
      `Entry 1, version 1: the receipt (dated 3 March 2026 at 14:05 (UK time)) was signed by key ${forger.logId}, which is in the pack but is not one of the Casebook keys you trust.`,
    );
  });

  it('a forged inclusion proof', async () => {
    const zip = await tamper((files) => {
      const proof = json<{ leafIndex: number; treeSize: number; proof: string[] }>(files, 'proofs/entry-b/v1.json');
      setJson(files, 'proofs/entry-b/v1.json', { ...proof, proof: [base64urlEncode(randomBytes(32)), ...proof.proof.slice(1)] });
    });
    expect(await problemsOf(zip)).toEqual([
      `Entry ${numberOf('entry-b')}, version 1: the proof that this version is in Casebook's log does not lead to the log's signed tree head — the proof or the receipt has been altered, or the version was never logged.`,
    ]);
  });

  it('a proof for another leaf', async () => {
    const zip = await tamper((files) => {
      files.set('proofs/entry-b/v1.json', files.get('proofs/entry-d/v1.json')!);
    });
    expect(await problemsOf(zip)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Entry ${numberOf('entry-b')}, version 1: the inclusion proof is for log position \\d+ of \\d+, not this receipt's position \\d+ in the pack's tree head of \\d+ — it has been altered or swapped\\.$`,
        ),
      ),
    ]);
  });

  it('a changed salt', async () => {
    const zip = await tamper((files) => {
      const salt = files.get('entries/entry-c/v3.salt')!.slice();
      salt[0] = salt[0]! ^ 1;
      files.set('entries/entry-c/v3.salt', salt);
    });
    expect(await problemsOf(zip)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Entry ${numberOf('entry-c')}, version 3: the text does not match what was committed on 3 March 2026 at 14:\\d\\d \\(UK time\\) — it has been changed since \\(or its salt has\\)\\.$`,
        ),
      ),
    ]);
  });

  it('an extra file', async () => {
    const sneaky = await tamper((files) => files.set('entries/entry-a/v3.json', utf8Encode('{"whatHappened":"added later"}')), {
      fixManifest: false,
    });
    expect(await problemsOf(sneaky)).toEqual([
      'entries/entry-a/v3.json is in the pack but not in manifest.json: it was added after the pack was made.',
      'entries/entry-a/v3.json does not belong to any entry or attachment listed in pack.json: it is an extra file.',
    ]);
    const careful = await tamper((files) => files.set('notes.txt', utf8Encode('hello')));
    expect(await problemsOf(careful)).toEqual([
      'notes.txt does not belong to any entry or attachment listed in pack.json: it is an extra file.',
    ]);
  });

  it('a manifest edit', async () => {
    const zip = await tamper(
      (files) => {
        const manifest = json<Manifest>(files, 'manifest.json');
        setJson(files, 'manifest.json', { ...manifest, files: { ...manifest.files, 'log/tree-head.json': '0'.repeat(64) } });
      },
      { fixManifest: false },
    );
    expect(await problemsOf(zip)).toEqual([
      'log/tree-head.json has been changed since the pack was made: its SHA-256 is not the one manifest.json lists.',
    ]);
  });

  it('an edited summary', async () => {
    const zip = await tamper((files) => {
      const index = json<PackIndex>(files, 'pack.json');
      setJson(files, 'pack.json', { ...index, summary: { ...index.summary, reportedToPolice: 3 } });
    });
    expect(await problemsOf(zip)).toEqual([
      'pack.json: the summary figures (counts by behaviour, dates) do not match the entries in the pack — they have been edited.',
    ]);
  });

  it('an altered tree head', async () => {
    const zip = await tamper((files) => {
      const head = json<SignedTreeHead>(files, 'log/tree-head.json');
      setJson(files, 'log/tree-head.json', { ...head, timestamp: head.timestamp + 3_600_000 });
    });
    const problems = await problemsOf(zip);
    expect(problems[0]).toMatch(
      /^The log's tree head \(\d+ entries, 3 March 2026 at 15:\d\d \(UK time\)\) has an invalid signature: it has been altered or was not signed by Casebook\.$/,
    );
  });

  it('a receipt dated after the tree head meant to contain it', async () => {
    const head = await signTreeHead(log.signer, {
      treeSize: input.treeHead.treeSize,
      rootHash: base64urlDecode(input.treeHead.rootHash),
      timestamp: FIRST_RECEIPT,
    });
    const early = await buildEvidencePack({ ...input, treeHead: head });
    const problems = await problemsOf(early);
    expect(problems).toHaveLength(7);
    expect(problems[0]).toMatch(
      /^Entry 1, version 1: the receipt is dated 3 March 2026 at 14:\d\d \(UK time\), after the tree head \(3 March 2026 at 14:02 \(UK time\)\) that is meant to contain it — its time has been altered\.$/,
    );
  });
});

describe('the log since the pack', () => {
  it('a newer published tree head with a consistency proof shows the log was not rewritten', async () => {
    const size = input.treeHead.treeSize;
    for (let i = 0; i < 5; i++) await log.tree.append(await leafHash(randomBytes(32)));
    const current = await signHead(log);
    const proof = (await log.tree.consistencyProof(size, current.treeSize)).map(base64urlEncode);
    const good = await verifyEvidencePack(pack, { publicKeys: [log.publicKey], currentTreeHead: current, consistencyProof: proof });
    expect(good.ok).toBe(true);
    expect(good.consistency).toMatchObject({ checked: true, ok: true, treeSize: current.treeSize });
    expect(good.summary).toMatch(/still contains this pack's log unchanged/);

    const forged = [...proof];
    forged[0] = base64urlEncode(randomBytes(32));
    const problems = await problemsOf(pack, { publicKeys: [log.publicKey], currentTreeHead: current, consistencyProof: forged });
    expect(problems).toEqual([
      expect.stringMatching(
        /^Casebook's log as published now \(\d+ entries, .*\) is not an extension of the log in this pack \(\d+ entries\): either the consistency proof is wrong or the log has been rewritten since the pack was made\.$/,
      ),
    ]);
  });

  it('a published log of the same size must be the same tree; a smaller one means the log was cut back', async () => {
    const same = await verifyEvidencePack(pack, { publicKeys: [log.publicKey], currentTreeHead: input.treeHead, consistencyProof: [] });
    expect(same.ok).toBe(true);
    expect(same.consistency).toMatchObject({ checked: true, ok: true, treeSize: input.treeHead.treeSize });

    const smaller = await signTreeHead(log.signer, {
      treeSize: 3,
      rootHash: await log.tree.root(3),
      timestamp: input.treeHead.timestamp + 1,
    });
    const problems = await problemsOf(pack, { publicKeys: [log.publicKey], currentTreeHead: smaller, consistencyProof: [] });
    expect(problems).toEqual([
      expect.stringMatching(/^Casebook's log as published now \(3 entries, .*\) is not an extension of the log in this pack/),
    ]);
  });

  it('a current tree head signed by another key is refused', async () => {
    const stranger = await newTestLog();
    const head = await signTreeHead(stranger.signer, {
      treeSize: input.treeHead.treeSize,
      rootHash: base64urlDecode(input.treeHead.rootHash),
      timestamp: input.treeHead.timestamp,
    });
    const problems = await problemsOf(pack, { publicKeys: [log.publicKey], currentTreeHead: head, consistencyProof: [] });
    expect(problems).toEqual([expect.stringMatching(/^The current tree head you gave was signed by a key that is not Casebook's log key/)]);
  });

  it('a rewritten log is caught', async () => {
    const rewritten = await newTestLog();
    const other = await packInputFor(rewritten, [{ id: 'x', versions: [{ text: 'different history' }] }], [], { otherPeoplesEntries: 30 });
    // The same key signs a different tree (an insider rewriting the log), so the signature alone passes.
    const head = await signTreeHead(log.signer, {
      treeSize: other.treeHead.treeSize,
      rootHash: base64urlDecode(other.treeHead.rootHash),
      timestamp: other.treeHead.timestamp,
    });
    const proof = (await rewritten.tree.consistencyProof(input.treeHead.treeSize, head.treeSize)).map(base64urlEncode);
    const problems = await problemsOf(pack, { publicKeys: [log.publicKey], currentTreeHead: head, consistencyProof: proof });
    expect(problems[0]).toMatch(/has been rewritten since the pack was made/);
  });
});

describe('zip bombs and oversized packs', () => {
  it('refuses a ZIP that unpacks to more than the bound, before unpacking it', async () => {
    const bomb = deterministicZip([{ path: 'manifest.json', bytes: new Uint8Array(8 * 2 ** 20) }]);
    expect(bomb.length).toBeLessThan(20_000);
    await expect(verifyEvidencePack(bomb, { maxUnpackedBytes: 2 ** 20 })).rejects.toThrow(
      'The ZIP unpacks to more than 1 MiB, larger than any evidence pack',
    );
  });

  it('never unpacks more than a file declares, so a lying size cannot get round the bound', () => {
    const zip = deterministicZip([{ path: 'a.bin', bytes: new Uint8Array(10 * 2 ** 20) }]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    // Declare 100 bytes in the local and the central header; the deflated stream still holds 10 MiB.
    for (let i = 0; i + 4 <= zip.length; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50) view.setUint32(i + 22, 100, true);
      if (signature === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    expect(readZip(zip, 2 ** 20).files.get('a.bin')!.length).toBe(100);
  });

  it('a pack whose file was swapped for a lying-sized one fails on that file, not on memory', async () => {
    const path = 'entries/entry-b/v1.json';
    const files = new Map(Object.entries(unzipSync(pack)));
    const zip = deterministicZip(
      [...files].map(([p, bytes]) => ({ path: p, bytes: p === path ? new Uint8Array(4 * 2 ** 20).fill(32) : bytes })),
    );
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const name = utf8Encode(path);
    for (let i = 0; i + 46 <= zip.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== name.length) continue;
      if (utf8Decode(zip.subarray(i + 46, i + 46 + name.length)) === path) view.setUint32(i + 24, files.get(path)!.length, true);
    }
    const problems = await problemsOf(zip);
    expect(problems).toContain(`${path} has been changed since the pack was made: its SHA-256 is not the one manifest.json lists.`);
  });
});

describe('what is not a pack', () => {
  it('is refused as unreadable rather than as failed', async () => {
    await expect(verifyEvidencePack(utf8Encode('not a zip at all'))).rejects.toThrow(PackFormatError);
    await expect(verifyEvidencePack(deterministicZip([{ path: 'hello.txt', bytes: utf8Encode('hi') }]))).rejects.toThrow(
      /no manifest\.json/,
    );
    const future = await tamper(
      (files) => {
        const manifest = json<Manifest>(files, 'manifest.json');
        setJson(files, 'manifest.json', { ...manifest, formatVersion: 2 });
      },
      { fixManifest: false },
    );
    await expect(verifyEvidencePack(future)).rejects.toThrow(
      'This pack is in format 2; this verifier reads format 1. Use a newer verifier.',
    );
  });
});

describe('npm run verify (scripts/verify-pack.ts)', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts/verify-pack.ts'), ...args], { encoding: 'utf8', cwd: root });

  it('exits 0 for a good pack, 1 for a tampered one, 2 for garbage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'casebook-pack-'));
    const good = join(dir, 'good.zip');
    const bad = join(dir, 'bad.zip');
    const garbage = join(dir, 'garbage.zip');
    writeFileSync(good, pack);
    writeFileSync(bad, await tamper((files) => files.set(`attachments/${photo2Sha}`, randomBytes(100))));
    writeFileSync(garbage, randomBytes(1000));

    // One key in 64 begins with "-"; a second, unrelated key that does keeps that case in every run.
    const ok = run(good, '--key', `-${'A'.repeat(42)}`, '--key', log.publicKey);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('All 4 entries check out: each existed no later than the time shown beside it');
    expect(ok.stdout).toContain(`SHA-256 of the pack: ${await sha256Hex(pack)}`);
    expect(ok.stdout).toContain('(trusted: given to the verifier)');

    const failed = run(bad);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toContain('Attachment "door.jpg"');
    expect(failed.stdout).toContain('Verification FAILED');

    const unreadable = run(garbage);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toContain('Cannot check this pack: This file is not a readable ZIP archive');

    expect(run(join(dir, 'missing.zip')).status).toBe(2);
    expect(run(good, '--no-such-option').status).toBe(2);

    const asJson = run(good, '--json');
    expect(asJson.status).toBe(0);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ ok: true, keyTrust: 'pack-only' });
  }, 60_000); // six runs of the command, each a fresh Node process: slow on a busy machine
});

describe('npm run verify --online', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const runAsync = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [join(root, 'scripts/verify-pack.ts'), ...args],
        { cwd: root, encoding: 'utf8' },
        (error, stdout, stderr) => {
          done({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
        },
      );
    });

  /** A stand-in for Casebook's public log endpoints over real HTTP, answering from the test log. */
  async function publishedLog(mode: 'honest' | 'forged-proof'): Promise<{ url: string; requests: string[]; close: () => Promise<void> }> {
    const current = await signHead(log);
    const requests: string[] = [];
    const server = createServer(async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      requests.push(`${request.method} ${url.pathname}${url.search}`);
      let body: unknown;
      if (url.pathname === '/.well-known/casebook-log.json') body = { ...log.logKeys, treeHead: current };
      else if (url.pathname === '/api/v1/log/consistency') {
        const proof = (await log.tree.consistencyProof(Number(url.searchParams.get('from')), Number(url.searchParams.get('to')))).map(
          base64urlEncode,
        );
        body = { proof: mode === 'honest' ? proof : proof.map(() => base64urlEncode(randomBytes(32))) };
      }
      response.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(body ?? { error: 'not_found' }));
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((closed) => server.close(() => closed())) };
  }

  it('exits 0 when the published log is consistent, 3 when it is not, 4 when it cannot be reached, 1 for a bad pack', async () => {
    for (let i = 0; i < 7; i++) await log.tree.append(await leafHash(randomBytes(32)));
    const dir = mkdtempSync(join(tmpdir(), 'casebook-pack-online-'));
    const good = join(dir, 'good.zip');
    const bad = join(dir, 'bad.zip');
    writeFileSync(good, pack);
    writeFileSync(bad, await tamper((files) => files.set(`attachments/${photo2Sha}`, randomBytes(100))));

    const honest = await publishedLog('honest');
    const ok = await runAsync(good, '--online', honest.url);
    expect(ok.status, ok.stderr + ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/Log now: \d+ entries, .*: consistent with the pack \(not rewritten\)/);
    expect(ok.stdout).toContain('(trusted: given to the verifier)');
    // The pack was not sent: only its tree size, in the consistency request.
    expect(honest.requests).toEqual([
      'GET /.well-known/casebook-log.json',
      expect.stringMatching(new RegExp(`^GET /api/v1/log/consistency\\?from=${input.treeHead.treeSize}&to=\\d+$`)),
    ]);
    expect((await runAsync(bad, '--online', honest.url)).status).toBe(1);
    await honest.close();

    const forged = await publishedLog('forged-proof');
    const rewritten = await runAsync(good, '--online', forged.url);
    expect(rewritten.status).toBe(3);
    expect(rewritten.stdout).toContain('NOT consistent');
    expect(rewritten.stdout).toContain('has been rewritten since the pack was made');
    await forged.close();

    const unreachable = await runAsync(good, '--online', forged.url);
    expect(unreachable.status).toBe(4);
    expect(unreachable.stdout).toMatch(
      /Log now: NOT CHECKED \(this is not a failure\) — http:\/\/127\.0\.0\.1:\d+: \/\.well-known\/casebook-log\.json could not be reached \(offline\?\)/,
    );
    expect(unreachable.stdout).toContain('All 4 entries check out');

    expect((await runAsync(good, '--online', 'casebook.example')).status).toBe(2);
  });
});

describe('the Python script in docs/evidence-pack.md', () => {
  const root = resolve(import.meta.dirname, '../../..');
  const hasPython = spawnSync('python3', ['-c', 'import cryptography'], { encoding: 'utf8' }).status === 0;

  it.skipIf(!hasPython)('verifies a good pack by hand and catches a changed entry', async () => {
    const doc = readFileSync(join(root, 'docs/evidence-pack.md'), 'utf8');
    const script = /<!-- verify-pack\.py -->\n```python\n([\s\S]*?)```\n<!-- \/verify-pack\.py -->/.exec(doc)?.[1];
    expect(script).toBeDefined();
    const runOn = (zip: Uint8Array) => {
      const dir = mkdtempSync(join(tmpdir(), 'casebook-pack-py-'));
      for (const [path, bytes] of Object.entries(unzipSync(zip))) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), bytes);
      }
      return spawnSync('python3', ['-c', script!], { cwd: dir, encoding: 'utf8' });
    };
    const good = runOn(pack);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toContain('ALL CHECKS PASSED');
    expect(good.stdout).toContain('door.jpg: named by SHA-256 in a committed entry');

    const changed = runOn(
      await tamper((files) => {
        files.set('entries/entry-a/v2.json', utf8Encode(utf8Decode(files.get('entries/entry-a/v2.json')!).replace('waited', 'Waited')));
      }),
    );
    expect(changed.status).toBe(1);
    expect(changed.stdout).toContain(`Entry ${numberOf('entry-a')}, version 2: text or salt changed since it was committed`);
  });
});
