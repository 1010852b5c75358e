// JSON Schemas shared by the vault's routes. Every object is closed (additionalProperties: false) and
// every string and array has a bound (T7).

export const b64url = (maxLength: number, minLength = 0) =>
  ({ type: 'string', pattern: '^[A-Za-z0-9_-]*$', minLength, maxLength }) as const;

/** Exactly n bytes in unpadded base64url. */
export const b64urlBytes = (n: number) => {
  const length = Math.ceil((n * 4) / 3);
  return { type: 'string', pattern: '^[A-Za-z0-9_-]*$', minLength: length, maxLength: length } as const;
};

export const uuid = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', maxLength: 36 } as const;

/** A closed object schema whose listed properties are all required. */
export function object(properties: Record<string, unknown>, required: string[] = Object.keys(properties)) {
  return { type: 'object', additionalProperties: false, required, properties } as const;
}

export const envelope = (maxCiphertextBytes: number) =>
  object({
    v: { type: 'integer', enum: [1] },
    nonce: b64urlBytes(12),
    ciphertext: b64url(Math.ceil((maxCiphertextBytes * 4) / 3), 22),
  });

/** Wrapped keys are small: a 32-byte key plus a tag, with room for a future format. */
export const wrappedKeyEnvelope = envelope(256);

export const kdf = object({ version: { type: 'integer', minimum: 1, maximum: 1000 }, salt: b64urlBytes(16) });

export const authKey = b64urlBytes(32);

export const username = { type: 'string', minLength: 1, maxLength: 64 } as const;

export const errorResponse = object({ error: { type: 'string' }, message: { type: 'string' } }, ['error', 'message']);

export const receipt = object({
  v: { type: 'integer', enum: [1] },
  logId: { type: 'string' },
  leafIndex: { type: 'integer' },
  leafHash: { type: 'string' },
  timestamp: { type: 'integer' },
  signature: { type: 'string' },
});

export const signedTreeHead = object({
  v: { type: 'integer', enum: [1] },
  logId: { type: 'string' },
  treeSize: { type: 'integer' },
  rootHash: { type: 'string' },
  timestamp: { type: 'integer' },
  signature: { type: 'string' },
});
