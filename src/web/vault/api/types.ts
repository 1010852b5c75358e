// The wire shapes of docs/vault-api.md, as the browser sees them. Kept apart from the client so screens and
// flows can name them without importing fetch code.
import type { Envelope, FileHeader, Receipt } from '../../../crypto/index.ts';

export interface Kdf {
  readonly version: number;
  /** base64url, 16 bytes */
  readonly salt: string;
}

export interface SignIn {
  /** ISO 8601 */
  readonly at: string;
  /** Rough, e.g. "Chrome on Android" */
  readonly device: string;
  readonly succeeded: boolean;
}

export interface SignedInResponse {
  readonly username: string;
  readonly csrfToken: string;
  readonly kdf: Kdf;
  readonly wrappedVaultKey: Envelope;
  readonly lastSignIns: readonly SignIn[];
}

export interface CreatedAccountResponse {
  readonly username: string;
  readonly csrfToken: string;
}

export interface RecoveryResponse {
  readonly wrappedVaultKey: Envelope;
  readonly recoveryToken: string;
}

export interface ItemVersionResponse {
  readonly id: string;
  readonly version: number;
  readonly receipt: Receipt;
}

export interface ItemChange {
  readonly id: string;
  readonly version: number;
  readonly deleted: boolean;
  readonly envelope: Envelope | null;
  readonly receipt: Receipt;
}

/** GET /items/:id/versions, oldest first. */
export interface VersionsResponse {
  readonly versions: readonly {
    readonly version: number;
    readonly deleted: boolean;
    readonly envelope: Envelope | null;
    readonly commitment: string;
    readonly receipt: Receipt;
  }[];
}

export interface ChangesResponse {
  readonly changes: readonly ItemChange[];
  readonly cursor: string;
  readonly more: boolean;
}

export interface AttachmentResponse {
  readonly id: string;
  readonly chunkCount: number;
  readonly size: number;
  readonly header: FileHeader;
  readonly metadata: Envelope;
  readonly received: readonly number[];
  readonly complete: boolean;
}

export interface LogPublicKey {
  readonly logId: string;
  readonly publicKey: string;
  readonly from?: string;
  readonly until?: string;
}

export interface LogDescription {
  readonly logId: string;
  readonly publicKey: string;
  readonly keys: readonly LogPublicKey[];
}
