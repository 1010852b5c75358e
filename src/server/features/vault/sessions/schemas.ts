import { authKey, kdf, object, username, wrappedKeyEnvelope } from '../../../shared/schemas.ts';

export const signInBody = object({ username, authKey });

export const signInRecord = object({ at: { type: 'integer' }, device: { type: 'string' }, succeeded: { type: 'boolean' } });

export const signedInResponse = object({
  username: { type: 'string' },
  csrfToken: { type: 'string' },
  kdf,
  wrappedVaultKey: wrappedKeyEnvelope,
  lastSignIns: { type: 'array', items: signInRecord },
});

export const sessionResponse = object({
  username: { type: 'string' },
  csrfToken: { type: 'string' },
  idleTimeoutSeconds: { type: 'integer' },
  expiresAt: { type: 'integer' },
});
