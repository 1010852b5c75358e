import type { Readable } from 'node:stream';
import type { TypedApp } from '../../../http/typed-routes.ts';
import { notFound, VaultError } from '../../../shared/errors.ts';
import { streamedBodyValidation } from '../../../shared/validation.ts';
import type { VaultServices } from '../services.ts';
import { requireSession, sessionOf } from '../sessions/guard.ts';
import { BlobTooLargeError } from './blob-store.ts';
import type { FileHeader } from './schemas.ts';
import { attachmentParams, attachmentResponse, chunkParams, createBody, MAX_CHUNK_BYTES } from './schemas.ts';

const tags = ['attachments'];
const security = [{ session: [] }];

export const chunkKey = (id: string, index: number) => `attachments/${id}/${index}`;
const tooLarge = () => new VaultError(413, 'too_large', `A chunk may be at most ${MAX_CHUNK_BYTES} bytes.`);

/** Encrypted attachments, uploaded in chunks that stream straight to the blob store (never a whole file in memory). */
export async function attachmentRoutes(app: TypedApp, { vault }: { vault: VaultServices }): Promise<void> {
  const preValidation = requireSession(vault);

  // The request itself is the body: the handler streams it to disk, so nothing is buffered here.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  app.post('/api/v1/attachments', { preValidation, schema: { tags, security, body: createBody } }, async (request, reply) => {
    const { accountId } = sessionOf(request);
    const { chunkCount, size } = request.body;
    if (size > chunkCount * MAX_CHUNK_BYTES)
      throw new VaultError(400, 'invalid_request', 'size is larger than chunkCount chunks can hold.');
    const used = await vault.attachments.usedBytes(accountId);
    if (used + size > vault.config.attachmentQuotaBytes) {
      throw new VaultError(413, 'quota_exceeded', 'There is no room left for this attachment. Delete some attachments to make room.', {
        quotaBytes: vault.config.attachmentQuotaBytes,
        usedBytes: used,
      });
    }
    const id = await vault.attachments.create(accountId, request.body, vault.clock());
    return reply.code(201).send({ id });
  });

  app.put(
    '/api/v1/attachments/:id/chunks/:index',
    {
      preValidation,
      schema: {
        tags,
        security,
        params: chunkParams,
        consumes: ['application/octet-stream'],
        body: { type: 'string', format: 'binary' } as never,
      },
      // The body schema above is for the OpenAPI description only; the stream is checked while it is written.
      validatorCompiler: streamedBodyValidation as never,
    },
    async (request, reply) => {
      const body = request.body as Readable | undefined;
      if (
        !body ||
        typeof (body as Readable).pipe !== 'function' ||
        request.headers['content-type']?.split(';')[0]?.trim() !== 'application/octet-stream'
      ) {
        throw new VaultError(415, 'unsupported_media_type', 'Send chunks as application/octet-stream.');
      }
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > MAX_CHUNK_BYTES) throw tooLarge();
      const { accountId } = sessionOf(request);
      const { id, index } = request.params;
      const attachment = await vault.attachments.get(accountId, id);
      if (!attachment) throw notFound();
      if (index >= attachment.chunkCount)
        throw new VaultError(400, 'invalid_request', `This attachment has ${attachment.chunkCount} chunks.`);
      if (attachment.complete) throw new VaultError(409, 'already_complete', 'This attachment is complete; its chunks cannot change.');
      let size: number;
      try {
        ({ size } = await vault.blobs.put(chunkKey(id, index), body, { maxBytes: MAX_CHUNK_BYTES }));
      } catch (error) {
        if (error instanceof BlobTooLargeError) throw tooLarge();
        throw error;
      }
      if (size === 0) {
        await vault.blobs.delete(chunkKey(id, index));
        throw new VaultError(400, 'invalid_request', 'A chunk cannot be empty.');
      }
      const others = (await vault.attachments.chunks(id)).filter((c) => c.index !== index).reduce((sum, c) => sum + c.size, 0);
      if (others + size > attachment.size) {
        await vault.attachments.removeChunk(id, index);
        await vault.blobs.delete(chunkKey(id, index));
        throw new VaultError(413, 'size_exceeded', 'The chunks are larger than the size given for this attachment.');
      }
      await vault.attachments.putChunk(id, index, size, vault.clock());
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/attachments/:id',
    { preValidation, schema: { tags, security, params: attachmentParams, response: { 200: attachmentResponse } } },
    async (request) => {
      const attachment = await vault.attachments.get(sessionOf(request).accountId, request.params.id);
      if (!attachment) throw notFound();
      const received = (await vault.attachments.chunks(attachment.id)).map((c) => c.index);
      // The header is stored as createBody checked it on the way in.
      return { ...attachment, header: attachment.header as FileHeader, received };
    },
  );

  app.post('/api/v1/attachments/:id/complete', { preValidation, schema: { tags, security, params: attachmentParams } }, async (request) => {
    const attachment = await vault.attachments.get(sessionOf(request).accountId, request.params.id);
    if (!attachment) throw notFound();
    const chunks = await vault.attachments.chunks(attachment.id);
    const have = new Set(chunks.map((c) => c.index));
    const missing = Array.from({ length: attachment.chunkCount }, (_, i) => i).filter((i) => !have.has(i));
    if (missing.length > 0) throw new VaultError(409, 'incomplete', `${missing.length} chunks have not arrived yet.`, { missing });
    const total = chunks.reduce((sum, c) => sum + c.size, 0);
    if (total !== attachment.size) {
      throw new VaultError(409, 'size_mismatch', 'The chunks do not add up to the size given for this attachment.', {
        size: attachment.size,
        received: total,
      });
    }
    if (!attachment.complete) await vault.attachments.markComplete(attachment.id, vault.clock());
    return { id: attachment.id, complete: true };
  });

  app.get(
    '/api/v1/attachments/:id/chunks/:index',
    { preValidation, schema: { tags, security, params: chunkParams } },
    async (request, reply) => {
      const { id, index } = request.params;
      const attachment = await vault.attachments.get(sessionOf(request).accountId, id);
      if (!attachment) throw notFound();
      const blob = (await vault.attachments.chunks(id)).some((c) => c.index === index)
        ? await vault.blobs.get(chunkKey(id, index))
        : undefined;
      if (!blob) throw notFound();
      return reply
        .type('application/octet-stream')
        .header('content-length', String(blob.size))
        .header('cache-control', 'no-store')
        .send(blob.stream);
    },
  );

  app.delete('/api/v1/attachments/:id', { preValidation, schema: { tags, security, params: attachmentParams } }, async (request, reply) => {
    if (!(await vault.attachments.delete(sessionOf(request).accountId, request.params.id))) throw notFound();
    await vault.blobs.deletePrefix(`attachments/${request.params.id}`);
    return reply.code(204).send();
  });
}
