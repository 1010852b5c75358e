// The vault's contract for other features (docs/vault-api.md): forum membership and helpline shares ride on the
// Casebook account and its session.
export type { VaultServices } from './services.ts';
export { SESSION_COOKIE } from './sessions/guard.ts';
export type { EndedSessions, Session } from './sessions/repository.ts';
