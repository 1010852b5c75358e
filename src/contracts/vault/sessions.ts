import { type Static, Type } from 'typebox';
import { authKey, kdf, object, username, wrappedKeyEnvelope } from './common.ts';

export const signInBody = object({ username, authKey });

export const signInRecord = object({ at: Type.Integer(), device: Type.String(), succeeded: Type.Boolean() });
/** A past sign-in: `at` in ms since the Unix epoch, `device` rough, e.g. "Chrome on Android". */
export type SignIn = Static<typeof signInRecord>;

export const signedInResponse = object({
  username: Type.String(),
  csrfToken: Type.String(),
  kdf,
  wrappedVaultKey: wrappedKeyEnvelope,
  lastSignIns: Type.Array(signInRecord),
});
export type SignedInResponse = Static<typeof signedInResponse>;

export const sessionResponse = object({
  username: Type.String(),
  csrfToken: Type.String(),
  idleTimeoutSeconds: Type.Integer(),
  expiresAt: Type.Integer(),
});
export type SessionResponse = Static<typeof sessionResponse>;
