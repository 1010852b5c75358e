// What the page and the Argon2id worker say to each other.

export interface DeriveRequest {
  readonly passphrase: string;
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly version: number;
}

export type DeriveResponse =
  | { readonly ok: true; readonly authKey: Uint8Array<ArrayBuffer>; readonly wrappingKey: CryptoKey }
  | { readonly ok: false; readonly message: string };
