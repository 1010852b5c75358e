// The staff workspace's contract for other features (docs/staff.md).
export { requireStaff, hasRole, STAFF_COOKIE, SIGN_IN_PATH, type StaffUser } from './guard.ts';
export { STAFF_ROLES, ROLE_LABELS, isStaffRole, type StaffRole } from './roles.ts';
export { staffPage, STAFF_CONTENT_SECURITY_POLICY, type StaffSection } from './pages/render.ts';
