// The wire shapes of docs/vault-api.md, as the browser sees them: declared once in src/contracts (the same
// TypeBox schemas the server validates and serialises with). Kept apart from the client so screens and flows can
// name them without importing fetch code.

export type { CreatedAccountResponse, RecoveryResponse } from '../../../contracts/vault/accounts.ts';
export type { AttachmentResponse } from '../../../contracts/vault/attachments.ts';
export type { Kdf } from '../../../contracts/vault/common.ts';
export type { ChangesResponse, ItemChange, ItemVersionResponse, VersionsResponse } from '../../../contracts/vault/items.ts';
export type { SignedInResponse, SignIn } from '../../../contracts/vault/sessions.ts';
export type { LogDescription, LogPublicKey } from '../../../contracts/vault/transparency-log.ts';
