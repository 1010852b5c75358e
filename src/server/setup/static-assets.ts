import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { AssetManifest } from './assets.ts';

/** Fingerprinted assets: safe to cache for a year, served pre-compressed. */
export async function staticAssets(app: FastifyInstance, { assets }: { assets: AssetManifest }): Promise<void> {
  await app.register(fastifyStatic, {
    root: assets.dir,
    prefix: '/assets/',
    preCompressed: true,
    wildcard: false,
    index: false,
    dotfiles: 'deny',
    cacheControl: false,
    setHeaders: (reply) => {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
}
