// Fetch for the workspace API: same-origin cookie, the CSRF token from the page, JSON both ways, the server's
// own message on failure.

export class StaffApiError extends Error {
  override name = 'StaffApiError';
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

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
    response = await fetch(path, { ...init, method, headers, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new StaffApiError(0, 'offline', 'Casebook could not be reached. Check your connection and try again.');
  }
  if (response.status === 204) return undefined;
  const body = (await response.json().catch(() => ({}))) as { error?: string; message?: string; csrfToken?: string };
  if (!response.ok) {
    if (response.status === 401 && body.error === 'signed_out') {
      location.assign(`/staff/sign-in?next=${encodeURIComponent(location.pathname)}`);
    }
    throw new StaffApiError(response.status, body.error ?? 'error', body.message ?? 'Something went wrong. Please try again.');
  }
  if (typeof body.csrfToken === 'string') setCsrfToken(body.csrfToken);
  return body;
}

export const postJson = (path: string, body: unknown, method = 'POST') => staffFetch(path, { method, body: JSON.stringify(body) });
