import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { CURRENT_KDF_VERSION } from '../../src/crypto/kdf.ts';
import { postgresAvailable } from './postgres.ts';

/** The databases every vault test runs on: SQLite always, PostgreSQL when a server answers. */
export async function vaultDialects(): Promise<('sqlite' | 'postgres')[]> {
  return (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
export const randomB64 = (n: number) => b64(randomBytes(n));
export const envelope = (ciphertextBytes = 48) => ({ v: 1, nonce: randomB64(12), ciphertext: randomB64(ciphertextBytes) });

/** What a browser would send at sign-up; the server cannot tell random bytes from real derived keys. */
export function newCredentials(username = `user-${randomUUID().slice(0, 8)}`) {
  return {
    username,
    authKey: randomB64(32),
    recoveryAuthKey: randomB64(32),
    kdf: { version: CURRENT_KDF_VERSION, salt: randomB64(16) },
    wrappedVaultKey: { passphrase: envelope(48), recovery: envelope(48) },
  };
}

export interface InjectOptions {
  body?: unknown;
  csrf?: boolean;
  headers?: Record<string, string>;
  payload?: Buffer | string;
}

/** A signed-in browser, as far as the API can tell: a cookie jar of one and the CSRF token. */
export class VaultClient {
  readonly app: FastifyInstance;
  cookie: string | undefined;
  csrfToken: string | undefined;
  userAgent = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
  // Each client its own address, so per-address limits only bite where a test means them to.
  ip = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async request(method: string, url: string, options: InjectOptions = {}): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { 'user-agent': this.userAgent, ...options.headers };
    if (this.cookie) headers.cookie = `casebook_vault=${this.cookie}`;
    if (options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      remoteAddress: this.ip,
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
      ...(options.payload !== undefined ? { payload: options.payload } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'casebook_vault');
    if (set) this.cookie = set.value || undefined;
    const json = res.headers['content-type']?.toString().startsWith('application/json')
      ? (res.json() as Record<string, unknown>)
      : undefined;
    if (json && typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken;
    return res;
  }

  async signUp(credentials = newCredentials()): Promise<typeof credentials> {
    const res = await this.request('POST', '/api/v1/accounts', { body: credentials });
    if (res.statusCode !== 201) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
    return credentials;
  }

  signIn(username: string, authKey: string) {
    return this.request('POST', '/api/v1/sessions', { body: { username, authKey } });
  }
}
