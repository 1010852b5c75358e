import type { Migration } from 'kysely';
import * as serviceMeta from './0001-service-meta.ts';

/** Every migration, in order. Names sort by their number; never rename or edit one that has shipped. */
export const migrations: Record<string, Migration> = {
  '0001-service-meta': serviceMeta,
};
