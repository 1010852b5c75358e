import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';

export type HealthDeps = Pick<Services, 'database'>;

/**
 * Liveness (the process answers) and readiness (it can reach its database), for a load balancer: a process
 * whose database is gone says so here and the balancer stops sending it work until it answers again.
 */
export async function healthRoutes(app: FastifyInstance, { services }: { services: HealthDeps }): Promise<void> {
  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  app.get('/readyz', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await services.database.ping();
      return reply.send({ status: 'ready', database: services.database.dialect });
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({
        status: 'unavailable',
        database: services.database.dialect,
        message: 'This process cannot reach its database; it keeps trying and will be ready again by itself.',
      });
    }
  });
}
