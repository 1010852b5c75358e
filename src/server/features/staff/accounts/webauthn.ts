import type { FastifyRequest } from 'fastify';
import type { Config } from '../../../config.ts';

export const RP_NAME = 'Casebook workspace';

/**
 * The relying party: STAFF_ORIGIN when set (production behind a proxy must set it), otherwise the origin the
 * request came to. The browser itself refuses a passkey for another site; this pins the origin we accept.
 */
export function relyingParty(config: Config, request: FastifyRequest): { rpID: string; origin: string } {
  const origin = config.staffOrigin ?? `${request.protocol}://${request.host}`;
  return { rpID: new URL(origin).hostname, origin };
}
