// Fetch for the workspace API: same-origin cookie, the CSRF token from the page, JSON both ways, and failures as
// the one HttpError (src/web/http) with the server's own message.
import { FAILURE_WORDS, HttpError, httpFetch } from '../http/http-client.ts';

let csrfToken: string | undefined;

/** After sign-in the page has no token in its meta tag yet; the sign-in answer supplies it. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

function currentCsrf(): string {
  csrfToken ??= document.querySelector<HTMLMetaElement>('meta[name="casebook-staff-csrf"]')?.content ?? '';
  return csrfToken;
}

export async function staffFetch(path: string, init: RequestInit = {}): Promise<unknown> {
  const headers = new Headers(init.headers);
  const method = (init.method ?? 'GET').toUpperCase();
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (method !== 'GET' && method !== 'HEAD') headers.set('x-csrf-token', currentCsrf());
  let response: Response;
  try {
    response = await httpFetch(path, { ...init, method, headers, credentials: 'same-origin', cache: 'no-store' }, FAILURE_WORDS);
  } catch (error) {
    if (error instanceof HttpError && error.status === 401 && error.code === 'signed_out') {
      location.assign(`/staff/sign-in?next=${encodeURIComponent(location.pathname)}`);
    }
    throw error;
  }
  if (response.status === 204) return undefined;
  const body = (await response.json().catch(() => ({}))) as { csrfToken?: string };
  if (typeof body.csrfToken === 'string') setCsrfToken(body.csrfToken);
  return body;
}

export const postJson = (path: string, body: unknown, method = 'POST') => staffFetch(path, { method, body: JSON.stringify(body) });
