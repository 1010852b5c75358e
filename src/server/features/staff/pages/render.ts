import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendDynamicPage } from '../../../http/html.ts';
import type { Services } from '../../../services.ts';
import { VAULT_CONTENT_SECURITY_POLICY } from '../../../shared/csp.ts';
import { hasRole, type StaffUser } from '../guard.ts';
import { ROLE_LABELS, STAFF_ROLES } from '../roles.ts';
import { STAFF_IDLE_MS } from '../sessions/repository.ts';

/** The workspace's policy is the diary's: the site's plus 'wasm-unsafe-eval' for Argon2id, nothing more. */
export const STAFF_CONTENT_SECURITY_POLICY = VAULT_CONTENT_SECURITY_POLICY;
export const STAFF_KDF_WORKER_PATH = '/staff/kdf-worker.js';

export type StaffSection = 'home' | 'queue' | 'moderation' | 'training' | 'audit' | 'team' | 'account';

export interface NavigationItem {
  href: string;
  text: string;
  active: boolean;
}

export function staffNavigation(staff: StaffUser | null, current: StaffSection | undefined): NavigationItem[] {
  if (!staff) return [];
  const items: { id: StaffSection; href: string; text: string; show: boolean }[] = [
    { id: 'queue', href: '/staff/queue', text: 'Queue', show: hasRole(staff, 'caseworker', 'supervisor') },
    { id: 'moderation', href: '/staff/moderation', text: 'Moderation', show: hasRole(staff, 'moderator') },
    { id: 'training', href: '/staff/training', text: 'Training', show: hasRole(staff, 'training') },
    { id: 'audit', href: '/staff/audit', text: 'Audit log', show: hasRole(staff, 'supervisor', 'administrator') },
    { id: 'team', href: '/staff/team', text: 'Team', show: hasRole(staff, 'administrator') },
    { id: 'account', href: '/staff/account', text: 'Your account', show: true },
  ];
  return items.filter((i) => i.show).map((i) => ({ href: i.href, text: i.text, active: i.id === current }));
}

export function roleNames(staff: StaffUser | { roles: ReadonlySet<string> }): string {
  return STAFF_ROLES.filter((r) => staff.roles.has(r))
    .map((r) => ROLE_LABELS[r])
    .join(', ');
}

/**
 * Renders a workspace page (a template that extends "staff/layout.njk"): never stored, never indexed, a neutral
 * title, and the staff policy. `current` highlights the navigation item.
 */
export function staffPage(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Pick<Services, 'views'>,
  template: string,
  context: Record<string, unknown> & { current?: StaffSection } = {},
  status = 200,
): FastifyReply {
  reply.header('content-security-policy', STAFF_CONTENT_SECURITY_POLICY);
  const staff = request.staff;
  const html = services.views.render(template, {
    noindex: true,
    staff: staff ? { id: staff.id, displayName: staff.displayName, roleNames: roleNames(staff) } : null,
    csrfToken: staff?.csrfToken ?? '',
    staffNavigation: staffNavigation(staff, context.current),
    idleTimeoutSeconds: STAFF_IDLE_MS / 1000,
    kdfWorkerUrl: STAFF_KDF_WORKER_PATH,
    ...context,
  });
  return sendDynamicPage(reply, html, status);
}
