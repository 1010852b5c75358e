import type { FastifyInstance } from "fastify";
import type { Services } from "../../services.ts";
export async function trainingStaffRoutes(_app: FastifyInstance, _o: { services: Services }): Promise<void> {}
