import { type Static, Type } from 'typebox';
import { b64urlBytes, type Envelope, envelope, object, receipt, uuid } from './common.ts';

/** "Max envelope 1.5 MiB" of ciphertext (the browser pads items to at most 1 MiB before sealing). */
export const MAX_ITEM_CIPHERTEXT_BYTES = 1.5 * 1024 * 1024;
/** The JSON body of a PUT: the base64url ciphertext plus a little for the rest. */
export const ITEM_BODY_LIMIT = Math.ceil((MAX_ITEM_CIPHERTEXT_BYTES * 4) / 3) + 4096;

const version = Type.Integer({ minimum: 0, maximum: 1_000_000_000 });
const itemEnvelope = envelope(MAX_ITEM_CIPHERTEXT_BYTES);

export const itemParams = object({ id: uuid });
export const putBody = object({ expectedVersion: version, envelope: itemEnvelope, commitment: b64urlBytes(32) });
export const deleteBody = object({ expectedVersion: version, commitment: b64urlBytes(32) });
export const changesQuery = object({
  since: Type.Optional(Type.String({ pattern: '^[0-9]{0,16}$', maxLength: 16 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
});

// A type list, not anyOf: fast-json-stringify serialises anyOf by running a validator over each value to pick the
// branch, which for 1,000 envelopes of up to 2 MB of text per change page cost more than everything else it did.
const nullableEnvelope = Type.Unsafe<Envelope | null>({ ...itemEnvelope, type: ['object', 'null'] });

export const writeResponse = object({ id: Type.String(), version: Type.Integer(), receipt });
export type ItemVersionResponse = Static<typeof writeResponse>;
export const latestResponse = object({
  id: Type.String(),
  version: Type.Integer(),
  deleted: Type.Boolean(),
  envelope: nullableEnvelope,
  receipt,
});
export type ItemChange = Static<typeof latestResponse>;
/** GET /items/:id/versions, oldest first. */
export const versionsResponse = object({
  versions: Type.Array(
    object({ version: Type.Integer(), deleted: Type.Boolean(), envelope: nullableEnvelope, commitment: Type.String(), receipt }),
  ),
});
export type VersionsResponse = Static<typeof versionsResponse>;
export const changesResponse = object({ changes: Type.Array(latestResponse), cursor: Type.String(), more: Type.Boolean() });
export type ChangesResponse = Static<typeof changesResponse>;
