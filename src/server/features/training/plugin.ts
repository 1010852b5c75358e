import formbody from '@fastify/formbody';
import type { FastifyInstance } from 'fastify';
import { type TrainingPublicDeps, trainingPublicRoutes } from './public-routes.ts';
import { type TrainingStaffDeps, trainingStaffRoutes } from './staff-routes.ts';

export type TrainingDeps = TrainingPublicDeps & TrainingStaffDeps;

/** Training and events (docs/training.md): public pages at /training, the workspace's at /staff/training. */
export async function trainingRoutes(app: FastifyInstance, { services }: { services: TrainingDeps }): Promise<void> {
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) await app.register(formbody);
  await app.register(trainingPublicRoutes, { services });
  await app.register(trainingStaffRoutes, { services });
}
