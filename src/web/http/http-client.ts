// The browser's one way to call Casebook's JSON APIs (the vault's, the conversations', the workspace's): every
// failure is an HttpError, which says whether the network failed, the server refused (a 4xx in its own words) or
// the server could not answer (a 5xx, or 503 while the database is away).

/** `network`: no answer (offline, server down); `refused`: a 4xx; `unavailable`: a 5xx. */
export type HttpFailure = 'network' | 'refused' | 'unavailable';

export class HttpError extends Error {
  override readonly name = 'HttpError';
  /** 0 when the network failed. */
  readonly status: number;
  /** The API's `error` code, `network` when there was no answer, `http_<status>` when the answer had none. */
  readonly code: string;
  readonly body: Readonly<Record<string, unknown>>;

  constructor(status: number, code: string, message: string, body: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.body = body;
  }

  static network(message: string): HttpError {
    return new HttpError(0, 'network', message);
  }

  get kind(): HttpFailure {
    if (this.status === 0) return 'network';
    return this.status >= 500 ? 'unavailable' : 'refused';
  }
}

export const isNetworkFailure = (error: unknown): error is HttpError => error instanceof HttpError && error.kind === 'network';

/** What a client says when the server gives no sentence of its own. Each client keeps the words its screens use. */
export interface FailureWords {
  readonly network: string;
  readonly fallback: string;
}

/** The words of the conversations and workspace screens (the vault's own screens say it their way). */
export const FAILURE_WORDS: FailureWords = {
  network: 'Casebook could not be reached. Check your connection and try again.',
  fallback: 'Something went wrong. Please try again.',
};

/**
 * fetch, with failures as HttpError: an abort is passed on as it is (the caller chose it), anything else that stops
 * the request is a network failure, and a non-2xx answer carries the server's `{ error, message }` when it has one.
 */
export async function httpFetch(url: string, init: RequestInit, words: FailureWords): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw HttpError.network(words.network);
  }
  if (response.ok) return response;
  let payload: Record<string, unknown> = {};
  try {
    payload = (await response.json()) as Record<string, unknown>;
  } catch {
    // A proxy's HTML error page, or no body: fall back to the status alone.
  }
  const code = typeof payload.error === 'string' ? payload.error : `http_${response.status}`;
  const message = typeof payload.message === 'string' ? payload.message : words.fallback;
  throw new HttpError(response.status, code, message, payload);
}
