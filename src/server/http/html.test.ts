import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { sendDynamicPage } from './html.ts';

const page = `<!doctype html><title>Casebook</title>${'<p>A page made for one request.</p>'.repeat(100)}`;

async function appSending(html: string) {
  const app = Fastify();
  app.get('/async', async (_request, reply) => sendDynamicPage(reply, html, 201));
  app.get('/sync', (_request, reply) => sendDynamicPage(reply, html));
  await app.ready();
  return app;
}

describe('sendDynamicPage (compressed off the event loop)', () => {
  it('sends the same Brotli and gzip bytes as compressing in place would, with the HTML headers and status', async () => {
    const app = await appSending(page);
    const br = await app.inject({ url: '/async', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(201);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(br.headers['cache-control']).toBe('no-store');
    expect(br.rawPayload.equals(brotliCompressSync(page, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }))).toBe(true);

    const gzip = await app.inject({ url: '/sync', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.statusCode).toBe(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.rawPayload.equals(gzipSync(page, { level: 6 }))).toBe(true);

    const plain = await app.inject({ url: '/async' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(page);
    await app.close();
  });

  it('sends a small page as it is', async () => {
    const app = await appSending('<p>short</p>');
    const res = await app.inject({ url: '/async', headers: { 'accept-encoding': 'br' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('<p>short</p>');
    await app.close();
  });
});
