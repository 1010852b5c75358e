import { b64urlBytes, envelope, object, receipt, uuid } from '../../../shared/schemas.ts';

/** "Max envelope 1.5 MiB" of ciphertext (the browser pads items to at most 1 MiB before sealing). */
export const MAX_ITEM_CIPHERTEXT_BYTES = 1.5 * 1024 * 1024;
/** The JSON body of a PUT: the base64url ciphertext plus a little for the rest. */
export const ITEM_BODY_LIMIT = Math.ceil((MAX_ITEM_CIPHERTEXT_BYTES * 4) / 3) + 4096;

const version = { type: 'integer', minimum: 0, maximum: 1_000_000_000 } as const;
const itemEnvelope = envelope(MAX_ITEM_CIPHERTEXT_BYTES);

export const itemParams = object({ id: uuid });
export const putBody = object({ expectedVersion: version, envelope: itemEnvelope, commitment: b64urlBytes(32) });
export const deleteBody = object({ expectedVersion: version, commitment: b64urlBytes(32) });
export const changesQuery = object(
  { since: { type: 'string', pattern: '^[0-9]{0,16}$', maxLength: 16 }, limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
  [],
);

// A type list, not anyOf: fast-json-stringify serialises anyOf by running a validator over each value to pick the
// branch, which for 1,000 envelopes of up to 2 MB of text per change page cost more than everything else it did.
const nullableEnvelope = { ...itemEnvelope, type: ['object', 'null'] };

export const writeResponse = object({ id: { type: 'string' }, version: { type: 'integer' }, receipt });
export const latestResponse = object({ id: { type: 'string' }, version: { type: 'integer' }, deleted: { type: 'boolean' }, envelope: nullableEnvelope, receipt });
export const versionsResponse = object({
  versions: {
    type: 'array',
    items: object({ version: { type: 'integer' }, deleted: { type: 'boolean' }, envelope: nullableEnvelope, commitment: { type: 'string' }, receipt }),
  },
});
export const changesResponse = object({ changes: { type: 'array', items: latestResponse }, cursor: { type: 'string' }, more: { type: 'boolean' } });
