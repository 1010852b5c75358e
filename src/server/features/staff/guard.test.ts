import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { newSetupCode, normaliseSetupCode } from './accounts/repository.ts';
import { clearedStaffCookie, staffCookie } from './guard.ts';
import { safeNext } from './pages/routes.ts';
import { formatRoles, parseRoles } from './roles.ts';

describe('staff guard pieces', () => {
  it('reads only the named cookie, exactly (with @fastify/cookie, which the guard reads request.cookies from)', async () => {
    const app = Fastify();
    await app.register(cookie);
    const readCookie = (header: string | undefined, name: string) => (header ? app.parseCookie(header)[name] : undefined);
    expect(readCookie('a=1; casebook_staff=abc; b=2', 'casebook_staff')).toBe('abc');
    expect(readCookie('xcasebook_staff=evil; casebook_vault=v', 'casebook_staff')).toBeUndefined();
    expect(readCookie(undefined, 'casebook_staff')).toBeUndefined();
  });

  it('sets a Strict, HttpOnly, whole-site cookie, Secure unless configured off', () => {
    expect(staffCookie('id', true)).toBe('casebook_staff=id; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(staffCookie('id', false)).not.toContain('Secure');
    expect(clearedStaffCookie(true)).toContain('Max-Age=0');
  });

  it('sends a signed-in member only to workspace paths (no open redirect)', () => {
    expect(safeNext('/staff/audit')).toBe('/staff/audit');
    for (const bad of ['//evil.example', 'https://evil.example/staff', '/staff/../diary', '/staffroom', '/staff?x=1', undefined, 3]) {
      expect(safeNext(bad), String(bad)).toBe('/staff');
    }
  });

  it('stores roles as a sorted set and ignores unknown ones', () => {
    expect(formatRoles(['administrator', 'caseworker', 'caseworker'])).toBe('caseworker,administrator');
    expect([...parseRoles('caseworker,root,moderator')]).toEqual(['caseworker', 'moderator']);
  });

  it('makes set-up codes without look-alike letters, and accepts them typed loosely', () => {
    const code = newSetupCode();
    expect(code).toMatch(/^[A-HJ-NP-TV-Z2-9]{4}(-[A-HJ-NP-TV-Z2-9]{4}){4}$/);
    expect(code).not.toMatch(/[01ILOU]/);
    expect(normaliseSetupCode(code.toLowerCase().replaceAll('-', ' '))).toBe(code);
  });
});
