// Shapes shared by the vault's routes, declared once for the route schemas, the server's handlers, the OpenAPI
// document and the browser. Every object is closed (additionalProperties: false) and every string and array has a
// bound (T7).
import { type Static, type TProperties, Type } from 'typebox';

export const b64url = (maxLength: number, minLength = 0) => Type.String({ pattern: '^[A-Za-z0-9_-]*$', minLength, maxLength });

/** Exactly n bytes in unpadded base64url. */
export const b64urlBytes = (n: number) => b64url(Math.ceil((n * 4) / 3), Math.ceil((n * 4) / 3));

export const uuid = Type.String({ pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', maxLength: 36 });

/** A closed object; a property is required unless wrapped in Type.Optional. */
export const object = <T extends TProperties>(properties: T) => Type.Object(properties, { additionalProperties: false });

/** Format version 1, written as `enum: [1]` (not TypeBox's `const`) so validation messages stay as they were. */
export const version1 = Type.Unsafe<1>({ type: 'integer', enum: [1] });

export const envelope = (maxCiphertextBytes: number) =>
  object({ v: version1, nonce: b64urlBytes(12), ciphertext: b64url(Math.ceil((maxCiphertextBytes * 4) / 3), 22) });
export type Envelope = Static<ReturnType<typeof envelope>>;

/** Wrapped keys are small: a 32-byte key plus a tag, with room for a future format. */
export const wrappedKeyEnvelope = envelope(256);

export const kdf = object({ version: Type.Integer({ minimum: 1, maximum: 1000 }), salt: b64urlBytes(16) });
export type Kdf = Static<typeof kdf>;

export const authKey = b64urlBytes(32);

export const username = Type.String({ minLength: 1, maxLength: 64 });

export const errorResponse = object({ error: Type.String(), message: Type.String() });

export const receipt = object({
  v: version1,
  logId: Type.String(),
  leafIndex: Type.Integer(),
  leafHash: Type.String(),
  timestamp: Type.Integer(),
  signature: Type.String(),
});
export type Receipt = Static<typeof receipt>;

export const signedTreeHead = object({
  v: version1,
  logId: Type.String(),
  treeSize: Type.Integer(),
  rootHash: Type.String(),
  timestamp: Type.Integer(),
  signature: Type.String(),
});
export type SignedTreeHead = Static<typeof signedTreeHead>;
