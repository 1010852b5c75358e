import type { FastifyReply, FastifyRequest } from 'fastify';
import { roughDevice } from '../../../shared/device.ts';
import { VaultError } from '../../../shared/errors.ts';
import { LIMITS } from '../../../shared/rate-limits.ts';
import { type SlowHash, verifySlowHash } from '../../../shared/slow-hash.ts';
import { staffCookie } from '../guard.ts';
import type { StaffServices } from '../services.ts';
import { STAFF_IDLE_MS } from '../sessions/repository.ts';
import type { StaffAccount } from './repository.ts';
import { matchTotp } from './totp.ts';

export const staffSignInFailed = () =>
  new VaultError(401, 'sign_in_failed', 'Those details do not match. Check your sign-in name, password and code, and try again.');

export const addressKey = (staff: StaffServices, purpose: string, ip: string) => `staff-${purpose}:${staff.pseudonyms.tag('address', ip)}`;
export const staffNameKey = (staff: StaffServices, name: string) => `staff-name:${staff.pseudonyms.tag('staff-name', name)}`;

/**
 * Password + TOTP (T5). Unknown names, wrong passwords and wrong codes get the same answer at the same cost
 * (one scrypt) and count towards the same lockout, keyed by an HMAC of the name, as the vault does.
 */
export async function checkPasswordSignIn(
  staff: StaffServices,
  dummy: Promise<SlowHash>,
  input: { signInName: string; authKey: Buffer; totp: string; ip: string },
): Promise<StaffAccount> {
  const now = staff.clock();
  await staff.limits.hit(addressKey(staff, 'signin', input.ip), LIMITS.signInPerAddress, now);
  const name = input.signInName.trim().toLowerCase().slice(0, 64);
  const key = staffNameKey(staff, name);
  await staff.limits.assertUnlocked(key, now);
  const account = await staff.accounts.bySignInName(name);
  const password = account?.status === 'active' ? await staff.accounts.password(account.id) : undefined;
  const passwordOk = await verifySlowHash(input.authKey, password?.auth ?? (await dummy));
  let reason: 'password' | 'totp' | undefined = passwordOk && password ? undefined : 'password';
  if (!reason && account && password) {
    const step = matchTotp(staff.totp.open(password.totpSecret), input.totp, now);
    if (step === undefined || !(await staff.accounts.useTotpStep(account.id, step))) reason = 'totp';
  }
  if (reason || !account) {
    await staff.limits.fail(key, now);
    if (account)
      await staff.audit.record({
        staffId: account.id,
        action: 'staff.sign_in_failed',
        subjectType: 'staff',
        subjectId: account.id,
        detail: { method: 'password', reason },
      });
    throw staffSignInFailed();
  }
  await staff.limits.clear(key);
  return account;
}

/** Starts a session, sets the cookie and records the sign-in; answers as GET /api/staff/session does. */
export async function startStaffSession(
  staff: StaffServices,
  request: FastifyRequest,
  reply: FastifyReply,
  account: StaffAccount,
  method: 'passkey' | 'password',
) {
  const now = staff.clock();
  // Housekeeping rides on sign-ins: rare enough to cost nothing, frequent enough that dead sessions do not pile up.
  await staff.sessions.deleteExpired(now);
  const session = await staff.sessions.create(account.id, method, now);
  await staff.audit.record({
    staffId: account.id,
    action: 'staff.sign_in',
    subjectType: 'staff',
    subjectId: account.id,
    detail: { method, device: roughDevice(request.headers['user-agent']) },
  });
  reply.header('set-cookie', staffCookie(session.id, staff.config.cookieSecure));
  reply.header('cache-control', 'no-store');
  return sessionBody(
    { id: account.id, displayName: account.displayName, roles: account.roles },
    session.csrfToken,
    session.expiresAt,
    method,
  );
}

export function sessionBody(
  staff: { id: string; displayName: string; roles: ReadonlySet<string> },
  csrfToken: string,
  expiresAt: number,
  method: string,
) {
  return {
    staff: { id: staff.id, displayName: staff.displayName, roles: [...staff.roles] },
    csrfToken,
    method,
    idleTimeoutSeconds: STAFF_IDLE_MS / 1000,
    expiresAt,
  };
}
