// One small fetch wrapper for the vault API. It holds the CSRF token in memory only (never in storage: T1),
// and turns the API's `{ error, message }` answers into ApiError so screens can show the server's sentence.

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly body: Record<string, unknown>;

  constructor(status: number, code: string, message: string, body: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** The network failed (offline, server down): the request may be retried. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

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
    let response: Response;
    try {
      response = await fetch(`${API}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        credentials: 'same-origin',
        // T1: no response of the vault API may be kept in the browser's HTTP cache.
        cache: 'no-store',
        redirect: 'error',
        ...(options.keepalive ? { keepalive: true } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new NetworkError('Could not reach Casebook. Check your connection and try again.');
    }
    if (response.ok) return response;
    let payload: Record<string, unknown> = {};
    try {
      payload = (await response.json()) as Record<string, unknown>;
    } catch {
      // A proxy's HTML error page, or no body: fall back to the status alone.
    }
    const code = typeof payload.error === 'string' ? payload.error : `http_${response.status}`;
    const message = typeof payload.message === 'string' ? payload.message : 'Something went wrong. Try again.';
    throw new ApiError(response.status, code, message, payload);
  }
}
