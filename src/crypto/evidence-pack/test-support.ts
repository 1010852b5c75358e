// Real packs for tests and the benchmark: a fresh Ed25519 log key, a real RFC 6962 tree holding these entries'
// commitments among other people's, real receipts and a signed tree head — the same steps the server takes.

import type { BehaviourId, Incident } from '../../domain/incidents/index.ts';
import { exactWhenFromLondon, newIncident } from '../../domain/incidents/index.ts';
import { commit } from '../commitment.ts';
import { base64urlEncode, randomBytes } from '../encoding.ts';
import { leafHash, MerkleTree } from '../merkle.ts';
import type { LogSigner, Receipt, SignedTreeHead } from '../signing.ts';
import { createLogSigner, exportPublicKey, generateSigningKeyPair, signReceipt, signTreeHead } from '../signing.ts';
import type { AttachmentInput, EntryInput, EvidencePackInput } from './build.ts';
import type { LogKeysFile } from './format.ts';

export interface TestLog {
  readonly signer: LogSigner;
  readonly keyPair: CryptoKeyPair;
  readonly publicKey: string;
  readonly logKeys: LogKeysFile;
  readonly tree: MerkleTree;
  /** The log's clock, ms; each append moves it on. */
  now: number;
}

/** 3 March 2026 14:02 UK time (GMT). */
export const FIRST_RECEIPT = Date.UTC(2026, 2, 3, 14, 2);

export async function newTestLog(now = FIRST_RECEIPT): Promise<TestLog> {
  const keyPair = await generateSigningKeyPair();
  const signer = await createLogSigner(keyPair);
  const publicKey = await exportPublicKey(keyPair.publicKey);
  const logKeys: LogKeysFile = { logId: signer.logId, publicKey, keys: [{ logId: signer.logId, publicKey, from: now - 86_400_000 }] };
  return { signer, keyPair, publicKey, logKeys, tree: new MerkleTree(), now };
}

export interface Logged {
  readonly salt: Uint8Array;
  readonly commitment: Uint8Array;
  readonly receipt: Receipt;
}

/** Commits to content and appends it as the server does: leaf = commitment, receipt over its leaf hash. */
export async function logVersion(log: TestLog, content: unknown, otherPeoplesEntries = 2): Promise<Logged> {
  for (let i = 0; i < otherPeoplesEntries; i++) await log.tree.append(await leafHash(randomBytes(32)));
  const { salt, commitment } = await commit(content);
  const hash = await leafHash(commitment);
  const leafIndex = await log.tree.append(hash);
  log.now += 60_000;
  const receipt = await signReceipt(log.signer, { leafIndex, leafHash: hash, timestamp: log.now });
  return { salt, commitment, receipt };
}

export async function signHead(log: TestLog): Promise<SignedTreeHead> {
  log.now += 60_000;
  return signTreeHead(log.signer, { treeSize: log.tree.size, rootHash: await log.tree.root(), timestamp: log.now });
}

export interface EntrySketch {
  readonly id: string;
  /** Each version's content, oldest first. */
  readonly versions: readonly unknown[];
}

/**
 * Logs every version (all first versions, then all second versions …, so edits come later in the log as
 * they do in life), signs a tree head over the lot and returns the builder's input.
 */
export async function packInputFor(
  log: TestLog,
  entries: readonly EntrySketch[],
  attachments: readonly AttachmentInput[] = [],
  options: { title?: string; createdAt?: number; otherPeoplesEntries?: number } = {},
): Promise<EvidencePackInput> {
  const logged = new Map<string, Logged[]>(entries.map((e) => [e.id, []]));
  const rounds = Math.max(0, ...entries.map((e) => e.versions.length));
  for (let round = 0; round < rounds; round++) {
    for (const entry of entries) {
      const content = entry.versions[round];
      if (content !== undefined) logged.get(entry.id)!.push(await logVersion(log, content, options.otherPeoplesEntries ?? 2));
    }
  }
  const treeHead = await signHead(log);
  const inputs: EntryInput[] = await Promise.all(
    entries.map(async (entry) => ({
      id: entry.id,
      versions: await Promise.all(
        entry.versions.map(async (content, i) => {
          const { salt, commitment, receipt } = logged.get(entry.id)![i]!;
          const proof = await log.tree.inclusionProof(receipt.leafIndex, treeHead.treeSize);
          return {
            version: i + 1,
            content,
            salt,
            commitment,
            receipt,
            inclusionProof: { leafIndex: receipt.leafIndex, treeSize: treeHead.treeSize, proof: proof.map(base64urlEncode) },
          };
        }),
      ),
    })),
  );
  return {
    title: options.title ?? 'My record for the police',
    createdAt: options.createdAt ?? log.now + 60_000,
    entries: inputs,
    attachments,
    treeHead,
    logKeys: log.logKeys,
  };
}

export function incident(
  id: string,
  date: string,
  time: string,
  whatHappened: string,
  extra: { behaviours?: BehaviourId[]; attachments?: Incident['attachments']; crimeReference?: string } = {},
): Incident {
  return {
    ...newIncident(id, exactWhenFromLondon(date, time), whatHappened),
    where: 'Outside my flat',
    behaviours: extra.behaviours ?? [],
    attachments: extra.attachments ?? [],
    reports: extra.crimeReference ? [{ to: 'police', crimeReference: extra.crimeReference }] : [],
  };
}
