// The staff workspace API: closed, bounded schemas (T7), built from the vault's pieces.
import { Type } from 'typebox';
import { authKey, b64url, b64urlBytes, kdf, object, uuid, wrappedKeyEnvelope } from './vault/common.ts';

/** The staff roles. A member holds a set of them; none implies another (docs/staff.md). */
export const STAFF_ROLES = ['caseworker', 'supervisor', 'moderator', 'training', 'administrator'] as const;

export const signInName = Type.String({ minLength: 3, maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]*$' });
export const displayName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
export const roles = Type.Array(Type.Unsafe<(typeof STAFF_ROLES)[number]>({ type: 'string', enum: [...STAFF_ROLES] }), {
  minItems: 1,
  maxItems: STAFF_ROLES.length,
  uniqueItems: true,
});
export const publicKey = b64urlBytes(32);
/** "s1.<32 bytes>.<12 bytes>.<32 bytes + tag>" and room to spare. */
export const sealedBox = Type.String({ minLength: 40, maxLength: 400, pattern: '^s1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' });
export const totpCode = Type.String({ minLength: 6, maxLength: 8, pattern: '^[0-9 ]+$' });
export const setupCode = Type.String({ minLength: 10, maxLength: 40 });
export const grants = Type.Array(object({ staffId: uuid, sealedKey: sealedBox }), { maxItems: 500 });
/** A WebAuthn response, checked by @simplewebauthn rather than here. */
const webAuthnResponse = Type.Unsafe<Record<string, unknown>>({ type: 'object', maxProperties: 10 });

export const kdfLookupBody = object({ signInName: Type.String({ minLength: 1, maxLength: 64 }) });
export const passwordSignInBody = object({ signInName: Type.String({ minLength: 1, maxLength: 64 }), authKey, totp: totpCode });
export const passkeySignInBody = object({ challengeId: b64url(64, 10), response: webAuthnResponse });
export const setupStartBody = object({ code: setupCode });
export const setupCompleteBody = object({
  code: setupCode,
  authKey,
  kdf,
  totp: totpCode,
  memberKey: object({ publicKey, wrappedPrivateKey: wrappedKeyEnvelope }),
});
export const passkeyRegisterBody = object({
  challengeId: b64url(64, 10),
  name: Type.String({ minLength: 1, maxLength: 60 }),
  response: webAuthnResponse,
});
export const memberCreateBody = object({ signInName, displayName, roles });
export const memberUpdateBody = object({ displayName: Type.Optional(displayName), roles: Type.Optional(roles) });
export const teamKeyCreateBody = object({ publicKey, grants });
export const teamKeyGrantBody = object({ version: Type.Integer({ minimum: 1 }), grants });
export const teamKeyRotateBody = object({ version: Type.Integer({ minimum: 2 }), publicKey, sealedPrevious: sealedBox, grants });
export const idParams = object({ id: uuid });
export const auditQuery = object({
  staffId: Type.Optional(uuid),
  action: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-z0-9_.]*$' })),
  subjectType: Type.Optional(Type.String({ maxLength: 32, pattern: '^[a-z0-9_]*$' })),
  subjectId: Type.Optional(Type.String({ maxLength: 100 })),
  from: Type.Optional(Type.Integer({ minimum: 0 })),
  to: Type.Optional(Type.Integer({ minimum: 0 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export const passwordChangeBody = object({ currentAuthKey: authKey, authKey, kdf, wrappedPrivateKey: wrappedKeyEnvelope });
