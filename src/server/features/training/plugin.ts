import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.ts';
import { trainingPublicRoutes } from './public-routes.ts';
import { startTrainingRetentionSweeper } from './retention-sweep.ts';
import { trainingStaffRoutes } from './staff-routes.ts';

/** Training and events (docs/training.md): public pages at /training, the workspace's at /staff/training. */
export async function trainingRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
  const { training } = services;
  training.problems.report = (what, error) => app.log.error({ err: error }, `training: ${what}`);
  await app.register(trainingPublicRoutes, { services });
  await app.register(trainingStaffRoutes, { services });

  let stopSweeper: (() => Promise<unknown>) | undefined;
  app.addHook('onReady', async () => {
    stopSweeper = startTrainingRetentionSweeper(training, services.clock, (error) => app.log.error({ err: error }, 'training: anonymising old bookings failed'));
  });
  app.addHook('onClose', async () => {
    await stopSweeper?.();
    training.campaigns.close();
    training.mailer.close();
  });
}
