import type { FastifyError, FastifyServerOptions } from 'fastify';
import type { Config } from '../config.ts';

/**
 * Logs say what happened to a request, never who made it or what they wrote: no IP addresses, no query
 * strings (a search can be as revealing as a diary), no headers, no bodies.
 */
export function loggerOptions(config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: pathOnly(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: (err: FastifyError) => ({
        type: err.name,
        message: err.message,
        code: err.code,
        statusCode: err.statusCode,
        stack: err.stack ?? '',
      }),
    },
    redact: { paths: ['req.headers', 'req.body', 'body', 'passphrase', 'password'], remove: true },
  };
}

export function pathOnly(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
