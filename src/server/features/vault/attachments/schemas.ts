import { b64urlBytes, envelope, object, uuid, wrappedKeyEnvelope } from '../../../shared/schemas.ts';

export const CHUNK_PLAINTEXT_BYTES = 1024 * 1024;
/** A sealed chunk: 1 MiB plus the GCM tag and a little framing. */
export const MAX_CHUNK_BYTES = CHUNK_PLAINTEXT_BYTES + 64;
export const MAX_CHUNKS = 250;

export const createBody = object({
  chunkCount: { type: 'integer', minimum: 1, maximum: MAX_CHUNKS },
  size: { type: 'integer', minimum: 1, maximum: MAX_CHUNKS * MAX_CHUNK_BYTES },
  header: object({ v: { type: 'integer', enum: [1] }, fileId: b64urlBytes(16), noncePrefix: b64urlBytes(8), wrappedKey: wrappedKeyEnvelope }),
  metadata: envelope(16 * 1024),
});

export const attachmentParams = object({ id: uuid });
export const chunkParams = object({ id: uuid, index: { type: 'integer', minimum: 0, maximum: MAX_CHUNKS - 1 } });

export const attachmentResponse = object({
  id: { type: 'string' },
  chunkCount: { type: 'integer' },
  size: { type: 'integer' },
  header: { type: 'object', additionalProperties: true },
  metadata: { type: 'object', additionalProperties: true },
  received: { type: 'array', items: { type: 'integer' } },
  complete: { type: 'boolean' },
});
