import { authKey, b64url, kdf, object, username, wrappedKeyEnvelope } from '../../../shared/schemas.ts';
import { signInRecord } from '../sessions/schemas.ts';

export const suggestionResponse = object({ username: { type: 'string' } });
export const preloginBody = object({ username });
export const preloginResponse = object({ kdf });

export const signUpBody = object({
  username,
  authKey,
  kdf,
  wrappedVaultKey: object({ passphrase: wrappedKeyEnvelope, recovery: wrappedKeyEnvelope }),
  recoveryAuthKey: authKey,
});
export const signUpResponse = object({ username: { type: 'string' }, csrfToken: { type: 'string' } });

export const signInsResponse = object({ signIns: { type: 'array', items: signInRecord } });

export const changePassphraseBody = object({ currentAuthKey: authKey, authKey, kdf, wrappedVaultKey: wrappedKeyEnvelope });

export const recoveryBody = object({ username, recoveryAuthKey: authKey });
export const recoveryResponse = object({ wrappedVaultKey: wrappedKeyEnvelope, recoveryToken: { type: 'string' } });
/** A recovery key and the vault key wrapped by it: sent together, so the pair always matches. */
export const recoveryWrap = object({ wrappedVaultKey: wrappedKeyEnvelope, recoveryAuthKey: authKey });

/** `newRecovery` replaces the recovery key that was just used; optional only for older clients. */
export const recoveryPassphraseBody = object(
  { recoveryToken: b64url(64, 43), authKey, kdf, wrappedVaultKey: wrappedKeyEnvelope, newRecovery: recoveryWrap },
  ['recoveryToken', 'authKey', 'kdf', 'wrappedVaultKey'],
);

export const replaceRecoveryKeyBody = object({ currentAuthKey: authKey, newRecovery: recoveryWrap });

export const deleteAccountBody = object({ authKey });
