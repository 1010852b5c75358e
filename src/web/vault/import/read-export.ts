// Reading a chosen file into records, off the page's thread when the browser allows it, with progress and Cancel.
// Cancelling ends the worker at once (its memory, and the file's text, go with it).

import { hexEncode } from '../../../crypto/index.ts';
import type { ImportFormat, ParsedExport } from '../../../domain/message-import/index.ts';
import { parseExport, recordKeys } from '../../../domain/message-import/index.ts';
import { failureMessage } from './import-worker-failure.ts';
import type { ParseRequest, ParseResponse } from './worker-messages.ts';
import { importWorkerUrl } from './worker-url.ts';

export interface ReadExport {
  readonly parsed: ParsedExport;
  /** recordKeys of parsed.records, in the same order. */
  readonly keys: readonly string[];
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
}

/** The file could not be read: `message` says why, in words for the person (the parser's ImportError message). */
export class ReadFailed extends Error {
  override readonly name = 'ReadFailed';
}

export function readExport(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
  format?: ImportFormat,
): Promise<ReadExport> {
  const workerUrl = importWorkerUrl();
  if (workerUrl !== undefined && typeof Worker === 'function')
    return readInWorker(workerUrl, { file, ...(format ? { format } : {}) }, onProgress, signal);
  return readOnPage(file, onProgress, signal, format);
}

function readInWorker(
  url: string,
  request: ParseRequest,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<ReadExport> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const worker = new Worker(url, { type: 'module', name: 'casebook' });
    const stop = () => {
      worker.terminate();
      reject(signal.reason);
    };
    signal.addEventListener('abort', stop, { once: true });
    const finish = () => {
      signal.removeEventListener('abort', stop);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<ParseResponse>) => {
      const data = event.data;
      if (data.type === 'progress') return onProgress(data.fraction);
      finish();
      if (data.type === 'done') resolve({ parsed: data.parsed, keys: data.keys, sha256: data.sha256 });
      else reject(new ReadFailed(data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      reject(new ReadFailed('This file could not be read here. Reload the page and try again.'));
    };
    worker.postMessage(request);
  });
}

async function readOnPage(
  file: File,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
  format?: ImportFormat,
): Promise<ReadExport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    const parsed = await parseExport(
      { name: file.name, bytes, lastModified: file.lastModified, type: file.type },
      { ...(format ? { format } : {}), onProgress: (fraction) => (onProgress(fraction), !signal.aborted) },
    );
    signal.throwIfAborted();
    const sha256 = hexEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
    return { parsed, keys: recordKeys(parsed.records), sha256 };
  } catch (error) {
    signal.throwIfAborted();
    throw new ReadFailed(failureMessage(error));
  }
}
