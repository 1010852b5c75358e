// When the database cannot be reached, a request gets 503 and words a person can act on, not a stack trace
// or a 500 that looks like a fault in their data; the pool reconnects by itself when the database is back.

/** SQLSTATE classes and codes that mean "no database just now", and the errors of a connection that failed. */
const SQLSTATE = /^(08|57P0[123]|53300)/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
  }
  return false;
}

/** Seconds a client should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE = {
  code: 'unavailable',
  heading: 'Sorry, the service is not available just now',
  paragraphs: ['Casebook cannot reach its records for a moment. Nothing you saved before has been lost.', 'Please try again in a minute.'],
  message: 'Casebook cannot reach its records for a moment. Nothing you saved before has been lost. Please try again in a minute.',
} as const;
