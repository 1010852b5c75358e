import type { FastifyError, FastifyInstance } from 'fastify';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE } from '../db/unavailable.ts';

/** A refusal the API states in its own words: `{ error: code, message, ...details }` with a 4xx status. */
export class VaultError extends Error {
  override name = 'VaultError';
  readonly statusCode: number;
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(statusCode: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}

export const notFound = () => new VaultError(404, 'not_found', 'Not found');

// Fastify's own refusals (parsing, limits, validation), renamed into the contract's vocabulary.
const FASTIFY_CODES: Readonly<Record<string, { status: number; code: string; message: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too_large', message: 'That request is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'That content type is not accepted here.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_request', message: 'The request body does not match its length.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_request', message: 'The request body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' },
};

/** JSON errors for every vault route, in the contract's shape; never a stack trace or a stored value. */
export function vaultErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | VaultError, request, reply) => {
    if (error instanceof VaultError) {
      if (error.statusCode === 429 && typeof error.details.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      request.log.info({ reqId: request.id, code: error.code, statusCode: error.statusCode }, 'vault request refused');
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...error.details });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.code(known.status).send({ error: known.code, message: known.message });
    if (error.validation) {
      return reply.code(400).send({ error: 'invalid_request', message: `The request is not valid: ${error.message}` });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      if (error instanceof SyntaxError)
        return reply.code(400).send({ error: 'invalid_json', message: 'The request body is not valid JSON.' });
      return reply.code(error.statusCode).send({ error: 'bad_request', message: 'That request cannot be used.' });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ reqId: request.id }, 'database unavailable');
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ error: UNAVAILABLE.code, message: UNAVAILABLE.message });
    }
    request.log.error({ reqId: request.id, err: error }, 'vault request failed');
    return reply.code(500).send({ error: 'server_error', message: 'Something went wrong. Please try again.' });
  });
}
