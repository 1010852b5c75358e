// The attached files a pack carries: downloaded, decrypted (every chunk authenticated) and checked against the
// SHA-256 the entry committed to, so the file in the pack is provably the one the entry named when it was saved.
import { hexEncode } from '../../../crypto/index.ts';
import { HttpError, isNetworkFailure } from '../../http/http-client.ts';
import { downloadAttachment } from '../attachments/download.ts';
import type { UnlockedVault } from '../vault-session.ts';
import type { CandidateFile } from './candidates.ts';

export type FetchedFile =
  | { readonly ok: true; readonly file: CandidateFile; readonly bytes: Uint8Array; readonly sha256: string }
  | { readonly ok: false; readonly file: CandidateFile; readonly reason: string };

/**
 * Failures that are about the file itself become a reason to leave it out; the network and the session
 * failing are thrown, so the whole step can be tried again.
 */
export async function fetchPackFile(vault: UnlockedVault, file: CandidateFile, signal?: AbortSignal): Promise<FetchedFile> {
  let bytes: Uint8Array;
  try {
    const { blob } = await downloadAttachment(vault, file.id, signal);
    bytes = new Uint8Array(await blob.arrayBuffer());
  } catch (error) {
    if (isRetryable(error)) throw error;
    if (error instanceof HttpError && error.status === 404) return { ok: false, file, reason: 'Casebook no longer has this file.' };
    return { ok: false, file, reason: 'It could not be opened with your key: it may be damaged, or not the file it claims to be.' };
  }
  const sha256 = hexEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
  return checkFile(file, bytes, sha256);
}

export function checkFile(file: CandidateFile, bytes: Uint8Array, sha256: string): FetchedFile {
  if (file.sha256 !== undefined && file.sha256 !== sha256) {
    return { ok: false, file, reason: 'It is not the file the entry recorded when it was saved (its fingerprint is different).' };
  }
  return { ok: true, file, bytes, sha256 };
}

/** The network, the server or the session: worth trying again, with nothing the person chose lost. */
export function isRetryable(error: unknown): boolean {
  if (isNetworkFailure(error)) return true;
  if (error instanceof DOMException && error.name === 'AbortError') return true;
  return error instanceof HttpError && (error.status >= 500 || error.status === 401 || error.status === 408 || error.status === 429);
}
