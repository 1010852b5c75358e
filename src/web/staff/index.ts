// What other workspace screens use (docs/staff.md): the API helper and the team keys.
export { staffFetch, postJson, setCsrfToken } from './api.ts';
export { unlockTeamKeys } from './keys.ts';
export { UnlockTeamKeys } from './screens/unlock-team-keys.tsx';
export type { TeamKeys } from '../../crypto/team-keys.ts';
