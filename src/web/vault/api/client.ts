// The vault API's client. It holds the CSRF token in memory only (never in storage: T1); failures come from
// httpFetch as HttpError, so screens can show the server's sentence.
import { type FailureWords, httpFetch } from '../../http/http-client.ts';

export const VAULT_WORDS: FailureWords = {
  network: 'Could not reach Casebook. Check your connection and try again.',
  fallback: 'Something went wrong. Try again.',
};

export interface RequestOptions {
  readonly json?: unknown;
  readonly bytes?: Uint8Array<ArrayBuffer>;
  /** Outlives the page: for the sign-out sent while the page is being left. */
  readonly keepalive?: boolean;
  readonly signal?: AbortSignal;
}

const API = '/api/v1';

export class ApiClient {
  #csrfToken: string | undefined;

  setCsrfToken(token: string | undefined): void {
    this.#csrfToken = token;
  }

  get signedIn(): boolean {
    return this.#csrfToken !== undefined;
  }

  async json<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const response = await this.send(method, path, options);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  async bytes(path: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
    const response = await this.send('GET', path, signal ? { signal } : {});
    return new Uint8Array(await response.arrayBuffer());
  }

  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.bytes !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      body = options.bytes;
    }
    if (method !== 'GET' && this.#csrfToken !== undefined) headers['x-csrf-token'] = this.#csrfToken;
    return httpFetch(
      `${API}${path}`,
      {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        credentials: 'same-origin',
        // T1: no response of the vault API may be kept in the browser's HTTP cache.
        cache: 'no-store',
        redirect: 'error',
        ...(options.keepalive ? { keepalive: true } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      },
      VAULT_WORDS,
    );
  }
}
