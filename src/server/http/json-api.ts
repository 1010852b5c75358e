import type { FastifyInstance } from 'fastify';
import { vaultErrorHandler } from '../shared/errors.ts';
import { strictValidation } from '../shared/validation.ts';

/**
 * The house rules of a JSON API plugin (the vault's, the workspace's): strict validation that rejects unknown
 * properties, errors as `{ error, message }`, JSON bodies only, and never cached unless a route says otherwise.
 */
export function jsonApiDefaults(app: FastifyInstance): void {
  strictValidation(app);
  vaultErrorHandler(app);
  app.removeContentTypeParser(['text/plain']);
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
