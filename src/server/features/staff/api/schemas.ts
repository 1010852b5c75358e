import { authKey, b64url, b64urlBytes, kdf, object, uuid, wrappedKeyEnvelope } from '../../../shared/schemas.ts';
import { STAFF_ROLES } from '../roles.ts';

// Closed, bounded JSON Schemas for the workspace API (T7), built from the vault's pieces.

export const signInName = { type: 'string', minLength: 3, maxLength: 64, pattern: '^[a-z0-9][a-z0-9._-]*$' } as const;
export const displayName = { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' } as const;
export const roles = { type: 'array', minItems: 1, maxItems: STAFF_ROLES.length, uniqueItems: true, items: { type: 'string', enum: [...STAFF_ROLES] } } as const;
export const publicKey = b64urlBytes(32);
/** "s1.<32 bytes>.<12 bytes>.<32 bytes + tag>" and room to spare. */
export const sealedBox = { type: 'string', minLength: 40, maxLength: 400, pattern: '^s1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' } as const;
export const totpCode = { type: 'string', minLength: 6, maxLength: 8, pattern: '^[0-9 ]+$' } as const;
export const setupCode = { type: 'string', minLength: 10, maxLength: 40 } as const;
export const grants = { type: 'array', maxItems: 500, items: object({ staffId: uuid, sealedKey: sealedBox }) } as const;

export const kdfLookupBody = object({ signInName: { type: 'string', minLength: 1, maxLength: 64 } });
export const passwordSignInBody = object({ signInName: { type: 'string', minLength: 1, maxLength: 64 }, authKey, totp: totpCode });
export const passkeySignInBody = object({ challengeId: b64url(64, 10), response: { type: 'object', maxProperties: 10 } });
export const setupStartBody = object({ code: setupCode });
export const setupCompleteBody = object({
  code: setupCode,
  authKey,
  kdf,
  totp: totpCode,
  memberKey: object({ publicKey, wrappedPrivateKey: wrappedKeyEnvelope }),
});
export const passkeyRegisterBody = object({ challengeId: b64url(64, 10), name: { type: 'string', minLength: 1, maxLength: 60 }, response: { type: 'object', maxProperties: 10 } });
export const memberCreateBody = object({ signInName, displayName, roles });
export const memberUpdateBody = object({ displayName, roles }, []);
export const teamKeyCreateBody = object({ publicKey, grants });
export const teamKeyGrantBody = object({ version: { type: 'integer', minimum: 1 }, grants });
export const teamKeyRotateBody = object({ version: { type: 'integer', minimum: 2 }, publicKey, sealedPrevious: sealedBox, grants });
export const idParams = object({ id: uuid });
export const auditQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    staffId: uuid,
    action: { type: 'string', maxLength: 64, pattern: '^[a-z0-9_.]*$' },
    subjectType: { type: 'string', maxLength: 32, pattern: '^[a-z0-9_]*$' },
    subjectId: { type: 'string', maxLength: 100 },
    from: { type: 'integer', minimum: 0 },
    to: { type: 'integer', minimum: 0 },
    before: { type: 'integer', minimum: 1 },
    limit: { type: 'integer', minimum: 1, maximum: 200 },
  },
} as const;
export const passwordChangeBody = object({ currentAuthKey: authKey, authKey, kdf, wrappedPrivateKey: wrappedKeyEnvelope });
