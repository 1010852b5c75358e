import { signedTreeHead } from '../../../../contracts/vault/common.ts';
import type { TypedApp } from '../../../http/typed-routes.ts';
import { encodeB64 } from '../../../shared/binary.ts';
import type { VaultServices } from '../services.ts';
import {
  consistencyQuery,
  consistencyResponse,
  inclusionProofsQuery,
  inclusionProofsResponse,
  inclusionQuery,
  inclusionResponse,
  wellKnownResponse,
} from './schemas.ts';

const tags = ['transparency log'];

/** The public face of the log (T6): anyone may fetch its key, tree heads and proofs. */
export async function transparencyLogRoutes(app: TypedApp, { vault }: { vault: VaultServices }): Promise<void> {
  const { log } = vault;

  app.get('/.well-known/casebook-log.json', { schema: { tags, response: { 200: wellKnownResponse } } }, async (_request, reply) => {
    const { current, published } = log.keys;
    reply.header('cache-control', 'no-cache');
    return { logId: current.logId, publicKey: current.publicKey, keys: published, treeHead: await log.treeHead() };
  });

  app.get('/api/v1/log/tree-head', { schema: { tags, response: { 200: signedTreeHead } } }, async (_request, reply) => {
    reply.header('cache-control', 'no-cache');
    return log.treeHead();
  });

  app.get(
    '/api/v1/log/inclusion',
    { schema: { tags, querystring: inclusionQuery, response: { 200: inclusionResponse } } },
    async (request) => {
      const { index, treeSize } = request.query;
      const proof = await log.inclusionProof(index, treeSize);
      return { leafIndex: index, treeSize, proof: proof.map(encodeB64) };
    },
  );

  app.get(
    '/api/v1/log/inclusion-proofs',
    { schema: { tags, querystring: inclusionProofsQuery, response: { 200: inclusionProofsResponse } } },
    async (request) => {
      const { treeSize } = request.query;
      const indices = request.query.indices.split(',').map(Number);
      const proofs = [];
      for (const index of indices) proofs.push({ leafIndex: index, proof: (await log.inclusionProof(index, treeSize)).map(encodeB64) });
      return { treeSize, proofs };
    },
  );

  app.get(
    '/api/v1/log/consistency',
    { schema: { tags, querystring: consistencyQuery, response: { 200: consistencyResponse } } },
    async (request) => {
      const { from, to } = request.query;
      const proof = await log.consistencyProof(from, to);
      return { from, to, proof: proof.map(encodeB64) };
    },
  );
}
