import { type Static, Type } from 'typebox';
import { authKey, b64url, kdf, object, username, wrappedKeyEnvelope } from './common.ts';
import { signInRecord } from './sessions.ts';

export const suggestionResponse = object({ username: Type.String() });
export const preloginBody = object({ username });
export const preloginResponse = object({ kdf });

export const signUpBody = object({
  username,
  authKey,
  kdf,
  wrappedVaultKey: object({ passphrase: wrappedKeyEnvelope, recovery: wrappedKeyEnvelope }),
  recoveryAuthKey: authKey,
});
export const signUpResponse = object({ username: Type.String(), csrfToken: Type.String() });
export type CreatedAccountResponse = Static<typeof signUpResponse>;

export const signInsResponse = object({ signIns: Type.Array(signInRecord) });

export const changePassphraseBody = object({ currentAuthKey: authKey, authKey, kdf, wrappedVaultKey: wrappedKeyEnvelope });

export const recoveryBody = object({ username, recoveryAuthKey: authKey });
export const recoveryResponse = object({ wrappedVaultKey: wrappedKeyEnvelope, recoveryToken: Type.String() });
export type RecoveryResponse = Static<typeof recoveryResponse>;
/** A recovery key and the vault key wrapped by it: sent together, so the pair always matches. */
export const recoveryWrap = object({ wrappedVaultKey: wrappedKeyEnvelope, recoveryAuthKey: authKey });

/** `newRecovery` replaces the recovery key that was just used; optional only for older clients. */
export const recoveryPassphraseBody = object({
  recoveryToken: b64url(64, 43),
  authKey,
  kdf,
  wrappedVaultKey: wrappedKeyEnvelope,
  newRecovery: Type.Optional(recoveryWrap),
});

export const replaceRecoveryKeyBody = object({ currentAuthKey: authKey, newRecovery: recoveryWrap });

export const deleteAccountBody = object({ authKey });
