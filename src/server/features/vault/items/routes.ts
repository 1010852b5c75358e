import type { TypedApp } from '../../../http/typed-routes.ts';
import { decodeB64, envelopeToBytes } from '../../../shared/binary.ts';
import { notFound } from '../../../shared/errors.ts';
import type { VaultServices } from '../services.ts';
import { requireSession, sessionOf } from '../sessions/guard.ts';
import {
  changesQuery,
  changesResponse,
  deleteBody,
  ITEM_BODY_LIMIT,
  itemParams,
  latestResponse,
  putBody,
  versionsResponse,
  writeResponse,
} from './schemas.ts';

const tags = ['items'];
const security = [{ session: [] }];

/** Encrypted items: put with an expected version, tombstone, fetch, history, and changes since a cursor. */
export async function itemRoutes(app: TypedApp, { vault }: { vault: VaultServices }): Promise<void> {
  const preValidation = requireSession(vault);

  app.put(
    '/api/v1/items/:id',
    {
      bodyLimit: ITEM_BODY_LIMIT,
      preValidation,
      schema: { tags, security, params: itemParams, body: putBody, response: { 200: writeResponse } },
    },
    async (request) => {
      const { accountId } = sessionOf(request);
      const { expectedVersion, envelope, commitment } = request.body;
      return vault.items.write({
        accountId,
        itemId: request.params.id,
        expectedVersion,
        envelope: envelopeToBytes(envelope),
        commitment: decodeB64(commitment, 'commitment', 32),
      });
    },
  );

  app.delete(
    '/api/v1/items/:id',
    { preValidation, schema: { tags, security, params: itemParams, body: deleteBody, response: { 200: writeResponse } } },
    async (request) => {
      const { accountId } = sessionOf(request);
      return vault.items.write({
        accountId,
        itemId: request.params.id,
        expectedVersion: request.body.expectedVersion,
        envelope: null,
        commitment: decodeB64(request.body.commitment, 'commitment', 32),
      });
    },
  );

  app.get(
    '/api/v1/items/changes',
    { preValidation, schema: { tags, security, querystring: changesQuery, response: { 200: changesResponse } } },
    async (request) => {
      const { accountId } = sessionOf(request);
      const since = request.query.since ? Number(request.query.since) : 0;
      // The schema's default fills `limit` in before the handler runs.
      const page = await vault.items.changes(accountId, since, request.query.limit!);
      return { changes: page.changes, cursor: String(page.cursor), more: page.more };
    },
  );

  app.get(
    '/api/v1/items/:id',
    { preValidation, schema: { tags, security, params: itemParams, response: { 200: latestResponse } } },
    async (request) => {
      const item = await vault.items.latest(sessionOf(request).accountId, request.params.id);
      if (!item) throw notFound();
      return item;
    },
  );

  app.get(
    '/api/v1/items/:id/versions',
    { preValidation, schema: { tags, security, params: itemParams, response: { 200: versionsResponse } } },
    async (request) => {
      const versions = await vault.items.versions(sessionOf(request).accountId, request.params.id);
      if (versions.length === 0) throw notFound();
      return { versions };
    },
  );
}
