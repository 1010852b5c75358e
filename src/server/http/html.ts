import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from '../setup/page-cache.ts';

/**
 * HTML is never stored by the browser (T1: a shared or seized device must not hold copies of what was
 * read), so every HTML response says no-store.
 */
export const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
} as const;

export function preferredEncoding(request: FastifyRequest): 'br' | 'gzip' | undefined {
  const accept = request.headers['accept-encoding'];
  if (typeof accept !== 'string') return undefined;
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}

export function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage): FastifyReply {
  // No Vary header: a no-store response is never cached, so there is nothing for it to key.
  reply.headers(HTML_HEADERS);
  const encoding = preferredEncoding(request);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity);
}

/** Renders a public page through the shared cache, keyed by its path and the live content's version. */
export function sendPublicPage(
  request: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  version: string,
  render: () => string,
): FastifyReply {
  const key = request.url.split('?', 1)[0] ?? request.url;
  return sendCachedPage(request, reply, cache.get(key, version, render));
}

/**
 * A page that differs per request (search results, forms): rendered fresh and compressed quickly, on libuv's
 * thread pool rather than the event loop, so other requests are answered meanwhile. The reply is returned at
 * once (a handler returns it, and Fastify waits for it to be sent); the compressed bytes follow.
 */
export function sendDynamicPage(reply: FastifyReply, html: string, status = 200): FastifyReply {
  reply.code(status).headers(HTML_HEADERS);
  const encoding = preferredEncoding(reply.request);
  if (!encoding || html.length < 1024) return reply.send(html);
  reply.header('content-encoding', encoding);
  const send = (error: Error | null, body: Buffer) => void reply.send(error ?? body);
  if (encoding === 'br') brotliCompress(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }, send);
  else gzip(html, { level: 6 }, send);
  return reply;
}
