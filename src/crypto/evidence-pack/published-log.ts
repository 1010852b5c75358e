// Check 10 (docs/evidence-pack.md), the online part: fetch what Casebook publishes now — its keys, its current
// signed tree head and a consistency proof from the pack's tree size — for verifyEvidencePack to check. Shared by
// the /verify page (same origin) and `npm run verify -- --online`. Nothing here is trusted: the answers are
// shape-checked and bounded, and every signature and hash is verified by verifyEvidencePack itself (as VerifyOptions). Only the
// pack's tree size is sent, never the pack.
import type { SignedTreeHead } from '../signing.ts';
import type { LogDescription } from './format.ts';
import { isObject, isSignedStatement, packTreeHead } from './verify.ts';

export const LOG_DESCRIPTION_PATH = '/.well-known/casebook-log.json';
export const CONSISTENCY_PATH = '/api/v1/log/consistency';

/** A log description or proof is a few KB; anything far larger is not what we asked for. */
const MAX_ANSWER_BYTES = 256 * 1024;
/** RFC 9162 proofs are at most about 2·log2(size) hashes; the server caps its answers at 128. */
const MAX_PROOF_HASHES = 128;
const MAX_KEYS = 100;

export type PublishedLog =
  | {
      readonly status: 'fetched';
      /** The published keys (trusted from now on), the current tree head and the consistency proof to it. */
      readonly options: {
        readonly publicKeys: readonly string[];
        readonly currentTreeHead: SignedTreeHead;
        readonly consistencyProof: readonly string[];
      };
    }
  | {
      /** Not checked — which is not a failure: the officer may be offline, or the service down. */
      readonly status: 'unavailable';
      readonly reason: string;
    };

export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal; credentials?: 'omit' },
) => Promise<Response>;

export async function fetchPublishedLog(
  zip: Uint8Array,
  base: string,
  options: { fetch?: FetchLike; timeoutMs?: number } = {},
): Promise<PublishedLog> {
  const get = options.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const packHead = packTreeHead(zip);
  if (!packHead) return { status: 'unavailable', reason: 'the pack has no readable tree head to compare' };

  let origin: string;
  try {
    origin = new URL(base).origin;
  } catch {
    return { status: 'unavailable', reason: `${base} is not a web address` };
  }
  const description = await getJson(get, `${origin}${LOG_DESCRIPTION_PATH}`, timeoutMs);
  if ('reason' in description) return { status: 'unavailable', reason: description.reason };
  const log = description.value as Partial<LogDescription>;
  const keys = Array.isArray(log.keys) ? log.keys.slice(0, MAX_KEYS) : [];
  const publicKeys = [log.publicKey, ...keys.map((k) => (isObject(k) ? k.publicKey : undefined))].filter(
    (k): k is string => typeof k === 'string',
  );
  if (publicKeys.length === 0 || !isSignedStatement(log.treeHead, 'treeSize', 'rootHash')) {
    return { status: 'unavailable', reason: `${origin}${LOG_DESCRIPTION_PATH} is not a Casebook log description` };
  }
  const current = log.treeHead;

  // The log can only prove consistency from a size it has reached. A published log smaller than the pack's
  // tree head is itself the finding (the log was cut back): verifyEvidencePack reports it with no proof.
  let consistencyProof: string[] = [];
  if (packHead.treeSize > 0 && packHead.treeSize < current.treeSize) {
    const answer = await getJson(get, `${origin}${CONSISTENCY_PATH}?from=${packHead.treeSize}&to=${current.treeSize}`, timeoutMs);
    if ('reason' in answer) return { status: 'unavailable', reason: answer.reason };
    const proof = isObject(answer.value) ? answer.value.proof : undefined;
    if (!Array.isArray(proof) || proof.length > MAX_PROOF_HASHES || !proof.every((h) => typeof h === 'string')) {
      return { status: 'unavailable', reason: `${origin}${CONSISTENCY_PATH} did not answer with a consistency proof` };
    }
    consistencyProof = proof as string[];
  }
  return { status: 'fetched', options: { publicKeys: [...new Set(publicKeys)], currentTreeHead: current, consistencyProof } };
}

async function getJson(get: FetchLike, url: string, timeoutMs: number): Promise<{ value: unknown } | { reason: string }> {
  const path = url.replace(/^https?:\/\/[^/]+/, '');
  let response: Response;
  try {
    // No cookies: the published log is public, and nothing about the person checking is needed to read it.
    response = await get(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs), credentials: 'omit' });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return {
      reason: timedOut
        ? `${path} did not answer within ${Math.round(timeoutMs / 1000)} seconds`
        : `${path} could not be reached (offline?)`,
    };
  }
  if (!response.ok) return { reason: `${path} answered ${response.status}` };
  const text = await response.text();
  if (text.length > MAX_ANSWER_BYTES) return { reason: `${path} sent an answer far larger than a log description` };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { reason: `${path} did not answer with JSON` };
  }
}
