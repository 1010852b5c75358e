// Opening status's contract for other features: whether a service is open now.
export type { LiveStatus } from './opening-status.ts';
