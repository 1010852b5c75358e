import { type Static, Type } from 'typebox';
import { b64urlBytes, type Envelope, envelope, object, uuid, version1, wrappedKeyEnvelope } from './common.ts';

export const CHUNK_PLAINTEXT_BYTES = 1024 * 1024;
/** A sealed chunk: 1 MiB plus the GCM tag and a little framing. */
export const MAX_CHUNK_BYTES = CHUNK_PLAINTEXT_BYTES + 64;
export const MAX_CHUNKS = 250;

const fileHeader = object({ v: version1, fileId: b64urlBytes(16), noncePrefix: b64urlBytes(8), wrappedKey: wrappedKeyEnvelope });
export type FileHeader = Static<typeof fileHeader>;

export const createBody = object({
  chunkCount: Type.Integer({ minimum: 1, maximum: MAX_CHUNKS }),
  size: Type.Integer({ minimum: 1, maximum: MAX_CHUNKS * MAX_CHUNK_BYTES }),
  header: fileHeader,
  metadata: envelope(16 * 1024),
});

export const attachmentParams = object({ id: uuid });
export const chunkParams = object({ id: uuid, index: Type.Integer({ minimum: 0, maximum: MAX_CHUNKS - 1 }) });

export const attachmentResponse = object({
  id: Type.String(),
  chunkCount: Type.Integer(),
  size: Type.Integer(),
  // Echoed as stored: checked once on the way in, not again on the way out.
  header: Type.Unsafe<FileHeader>({ type: 'object', additionalProperties: true }),
  metadata: Type.Unsafe<Envelope>({ type: 'object', additionalProperties: true }),
  received: Type.Array(Type.Integer()),
  complete: Type.Boolean(),
});
export type AttachmentResponse = Static<typeof attachmentResponse>;
