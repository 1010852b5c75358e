import {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from 'fastify';
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

/**
 * One line per request, and only where it is worth keeping: failures, refusals and slow answers at info;
 * ordinary successful requests at debug. A log of every page a visitor read is a record of their fears,
 * and it also costs throughput.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const entry = { reqId: request.id, req: request, res: reply, responseTime: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...entry, err: error }, 'request errored');
    else if (reply.statusCode >= 400 || reply.elapsedTime > 1000) reply.log.info(entry, 'request completed');
    else reply.log.debug(entry, 'request completed');
  }
}

/**
 * Requests share the server's logger instead of each getting a child logger: a child per request costs a
 * third of the throughput of a cached page, and the few lines we do log name their request id themselves.
 */
export const sharedRequestLogger = (logger: FastifyBaseLogger): FastifyBaseLogger => logger;
