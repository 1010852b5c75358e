import type { StaffRole } from '../roles.ts';
import type { StaffServices } from '../services.ts';

/** Roles that read conversations, and so hold the team key. Moderators work on the forums only. */
export const TEAM_KEY_ROLES: readonly StaffRole[] = ['caseworker', 'supervisor', 'administrator'];

export interface MemberOverview {
  id: string;
  signInName: string;
  displayName: string;
  roles: StaffRole[];
  status: 'pending' | 'active' | 'disabled';
  publicKey: string | null;
  eligibleForTeamKey: boolean;
  hasTeamKey: boolean;
  createdAt: number;
}

/** Every member with what the Team screen needs to show and to grant the team key. */
export async function membersOverview(staff: StaffServices): Promise<MemberOverview[]> {
  const accounts = await staff.accounts.list();
  const keys = await staff.keys.memberKeys(accounts.map((a) => a.id));
  const current = await staff.keys.currentTeamKey();
  const granted = current ? await staff.keys.grantedStaff(current.version) : new Set<string>();
  return accounts.map((a) => ({
    id: a.id,
    signInName: a.signInName,
    displayName: a.displayName,
    roles: [...a.roles],
    status: a.status,
    publicKey: keys.get(a.id) ?? null,
    eligibleForTeamKey: [...a.roles].some((r) => TEAM_KEY_ROLES.includes(r)),
    hasTeamKey: granted.has(a.id),
    createdAt: a.createdAt,
  }));
}
