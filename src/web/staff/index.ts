// What other workspace screens use (docs/staff.md): the API helper and the team keys.

export type { TeamKeys } from '../../crypto/team-keys.ts';
export { postJson, setCsrfToken, staffFetch } from './api.ts';
export { unlockTeamKeys } from './keys.ts';
export { UnlockTeamKeys } from './screens/unlock-team-keys.tsx';
