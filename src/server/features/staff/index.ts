// The staff workspace's contract for other features (docs/staff.md).
export { hasRole, requireStaff, SIGN_IN_PATH, STAFF_COOKIE, type StaffUser } from './guard.ts';
export { STAFF_CONTENT_SECURITY_POLICY, type StaffSection, staffPage } from './pages/render.ts';
export { isStaffRole, ROLE_LABELS, STAFF_ROLES, type StaffRole } from './roles.ts';
