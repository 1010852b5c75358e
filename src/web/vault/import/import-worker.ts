// The 'message-import-worker' bundle: reading a 15 MB chat takes seconds of solid work, which on the page's own
// thread would freeze it (no progress, no Cancel, no screen reader updates). One worker per file, ended by the page
// afterwards (or to cancel), so the file's text goes with it.

import { hexEncode } from '../../../crypto/index.ts';
import { parseExport, recordKeys } from '../../../domain/message-import/index.ts';
import { failureMessage } from './import-worker-failure.ts';
import type { ParseRequest, ParseResponse } from './worker-messages.ts';

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ParseRequest>) => void) | null;
  postMessage(message: ParseResponse): void;
};

/** At most this often: each message crosses to the page and re-renders the bar. */
const PROGRESS_EVERY_MS = 100;

scope.onmessage = (event) => {
  void read(event.data).then(scope.postMessage, (error: unknown) => scope.postMessage({ type: 'failed', message: failureMessage(error) }));
};

async function read({ file, format }: ParseRequest): Promise<ParseResponse> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const hashing = crypto.subtle.digest('SHA-256', bytes);
  let last = 0;
  const parsed = await parseExport(
    { name: file.name, bytes, lastModified: file.lastModified, type: file.type },
    {
      ...(format ? { format } : {}),
      onProgress: (fraction) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        scope.postMessage({ type: 'progress', fraction });
      },
    },
  );
  const keys = recordKeys(parsed.records);
  return { type: 'done', parsed, keys, sha256: hexEncode(new Uint8Array(await hashing)) };
}
