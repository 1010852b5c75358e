import { STAFF_ROLES } from '../../../contracts/staff.ts';

// The list itself is part of the wire contract (src/contracts/staff.ts).
export { STAFF_ROLES };

export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  caseworker: 'Caseworker',
  supervisor: 'Supervisor',
  moderator: 'Moderator',
  training: 'Training',
  administrator: 'Administrator',
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

/** The stored form: known roles only, in the fixed order above, comma-separated. */
export function formatRoles(roles: Iterable<StaffRole>): string {
  const set = new Set(roles);
  return STAFF_ROLES.filter((role) => set.has(role)).join(',');
}

export function parseRoles(stored: string): ReadonlySet<StaffRole> {
  return new Set(stored.split(',').filter(isStaffRole));
}
