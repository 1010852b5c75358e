// A real evidence pack from a running server's own log: an account and items made through the real API, the
// receipts it signed, its tree head and inclusion proofs, built into a ZIP with the library the browser uses.
// Browser tests and the browser benchmark need packs whose log the /verify page can check online.
import { randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { commit } from '../../src/crypto/commitment.ts';
import { base64urlEncode, utf8Encode } from '../../src/crypto/encoding.ts';
import { sha256Hex } from '../../src/crypto/evidence-pack/digest.ts';
import type { AttachmentInput, EntryInput, LogDescription, Manifest } from '../../src/crypto/evidence-pack/index.ts';
import { buildEvidencePack } from '../../src/crypto/evidence-pack/index.ts';
import { deterministicZip } from '../../src/crypto/evidence-pack/zip.ts';
import type { Receipt } from '../../src/crypto/signing.ts';
import { envelope, newCredentials } from '../../test/support/vault.ts';

/** A signed-in API client over HTTP, as the browser's vault is. */
export class ApiSession {
  readonly origin: string;
  #cookie = '';
  #csrf = '';

  private constructor(origin: string) {
    this.origin = origin;
  }

  static async signUp(origin: string): Promise<ApiSession> {
    const session = new ApiSession(origin);
    const res = await session.request('POST', '/api/v1/accounts', newCredentials());
    if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
    session.#csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
    return session;
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.#cookie) headers.cookie = this.#cookie;
    if (this.#csrf) headers['x-csrf-token'] = this.#csrf;
    const res = await fetch(this.origin + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('casebook_vault='));
    if (cookie) this.#cookie = cookie.split(';', 1)[0]!;
    return res;
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** Saves one version of an item (the server sees only ciphertext and the commitment) and returns its receipt. */
  async saveVersion(
    id: string,
    version: number,
    content: unknown,
  ): Promise<{ salt: Uint8Array; commitment: Uint8Array; receipt: Receipt }> {
    const { salt, commitment } = await commit(content);
    const answer = await this.json<{ receipt: Receipt }>('PUT', `/api/v1/items/${id}`, {
      expectedVersion: version - 1,
      envelope: envelope(),
      commitment: base64urlEncode(commitment),
    });
    return { salt, commitment, receipt: answer.receipt };
  }
}

export interface ServerPackSketch {
  readonly id?: string;
  readonly versions: readonly unknown[];
}

/** Logs every version through the API, then builds the pack against the log's current tree head. */
export async function packFromServer(
  session: ApiSession,
  entries: readonly ServerPackSketch[],
  attachments: readonly AttachmentInput[] = [],
  title = 'My record for the police',
): Promise<{ zip: Uint8Array; treeSize: number }> {
  const ids = entries.map((e) => e.id ?? randomUUID());
  const logged = ids.map(() => [] as Awaited<ReturnType<ApiSession['saveVersion']>>[]);
  const rounds = Math.max(...entries.map((e) => e.versions.length));
  for (let round = 0; round < rounds; round++) {
    await Promise.all(
      entries.map(async (entry, i) => {
        const content = entry.versions[round];
        if (content !== undefined) logged[i]![round] = await session.saveVersion(ids[i]!, round + 1, content);
      }),
    );
  }
  const log = await session.json<LogDescription>('GET', '/.well-known/casebook-log.json');
  const { treeHead } = log;
  const inputs: EntryInput[] = await Promise.all(
    entries.map(async (entry, i) => ({
      id: ids[i]!,
      versions: await Promise.all(
        entry.versions.map(async (content, v) => {
          const { salt, commitment, receipt } = logged[i]![v]!;
          const inclusionProof = await session.json<{ leafIndex: number; treeSize: number; proof: string[] }>(
            'GET',
            `/api/v1/log/inclusion?index=${receipt.leafIndex}&treeSize=${treeHead.treeSize}`,
          );
          return { version: v + 1, content, salt, commitment, receipt, inclusionProof };
        }),
      ),
    })),
  );
  const zip = await buildEvidencePack({
    title,
    createdAt: Date.now(),
    entries: inputs,
    attachments,
    treeHead,
    logKeys: { logId: log.logId, publicKey: log.publicKey, keys: log.keys },
  });
  return { zip, treeSize: treeHead.treeSize };
}

/** The pack's files, changed by `change`, zipped again with manifest.json recomputed (as a careful forger would). */
export async function tamperWithPack(zip: Uint8Array, change: (files: Map<string, Uint8Array>) => void): Promise<Uint8Array> {
  const files = new Map(Object.entries(unzipSync(zip)));
  change(files);
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Manifest;
  const hashes: Record<string, string> = {};
  for (const [path, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (path !== 'manifest.json') hashes[path] = await sha256Hex(bytes);
  files.set('manifest.json', utf8Encode(JSON.stringify({ ...manifest, files: hashes }, null, 2)));
  return deterministicZip([...files].map(([path, bytes]) => ({ path, bytes })));
}
