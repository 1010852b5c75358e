import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { postgresAvailable } from '../../../../test/support/postgres.ts';
import { addMember, firstAdmin, type SetUpMember, StaffClient, totpNow } from '../../../../test/support/staff.ts';

// The workspace behind a load balancer without sticky sessions: any request may land on any process, so
// sessions, passkey challenges, lockouts and the audit chain must live in PostgreSQL, not in one process.
const hasPostgres = await postgresAvailable();
if (!hasPostgres) console.warn('staff across processes: skipped (no PostgreSQL at TEST_DATABASE_URL; CI requires it)');

describe.runIf(hasPostgres)('staff workspace across two processes on PostgreSQL', () => {
  let a: TestApp;
  let b: TestApp;
  let now = Date.UTC(2026, 11, 4, 10, 0, 0);
  const clock = () => now;
  let admin: SetUpMember;
  let caseworker: SetUpMember;
  beforeAll(async () => {
    a = await buildTestApp({ dialect: 'postgres', clock });
    b = await a.anotherProcess();
    admin = await firstAdmin(a.app, a.services, clock);
    now += 30_000;
    caseworker = await addMember(admin.client, ['caseworker'], clock);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('signs in on one process and keeps the session on the other; signing out on either ends it on both', async () => {
    now += 60_000;
    const onA = new StaffClient(a.app);
    expect((await onA.request('POST', '/api/staff/sign-in/kdf', { body: { signInName: caseworker.signInName } })).statusCode).toBe(200);
    const onB = new StaffClient(b.app);
    const signedIn = await onB.request('POST', '/api/staff/sign-in/password', {
      body: { signInName: caseworker.signInName, authKey: caseworker.authKey, totp: totpNow(caseworker.totpSecret, now) },
    });
    expect(signedIn.statusCode).toBe(200);
    // The same cookie and CSRF token, now sent to the other process.
    Object.assign(onA, { cookie: onB.cookie, csrf: onB.csrf });
    expect((await onA.request('GET', '/api/staff/session')).statusCode).toBe(200);
    expect((await onA.request('DELETE', '/api/staff/session')).statusCode).toBe(204);
    expect((await onB.request('GET', '/api/staff/session')).statusCode).toBe(401);
  });

  it('refuses a TOTP code replayed on the other process', async () => {
    now += 60_000;
    const code = totpNow(caseworker.totpSecret, now);
    const body = { signInName: caseworker.signInName, authKey: caseworker.authKey, totp: code };
    expect((await new StaffClient(a.app).request('POST', '/api/staff/sign-in/password', { body })).statusCode).toBe(200);
    expect((await new StaffClient(b.app).request('POST', '/api/staff/sign-in/password', { body })).statusCode).toBe(401);
  });

  it('takes a passkey challenge made on one process on the other, once only', async () => {
    const made = await a.services.staff.challenges.create('authenticate', null, now);
    expect(await b.services.staff.challenges.take(made.id, 'authenticate', null, now)).toBe(made.challenge);
    expect(await a.services.staff.challenges.take(made.id, 'authenticate', null, now)).toBeUndefined();
    // The options a browser starts a ceremony with can come from either process.
    const options = await new StaffClient(b.app).request('POST', '/api/staff/sign-in/passkey/options');
    expect(options.statusCode).toBe(200);
    const { challengeId } = options.json() as { challengeId: string };
    expect(await a.services.staff.challenges.take(challengeId, 'authenticate', null, a.services.clock())).toBeTruthy();
  });

  it('counts failed sign-ins from both processes towards one lockout', async () => {
    now += 60_000;
    const nameKey = `staff-name:${a.services.staff.pseudonyms.tag('staff-name', caseworker.signInName)}`;
    await a.services.staff.limits.clear(nameKey); // the replayed code above was a failure too
    const wrongKey = Buffer.alloc(32, 9).toString('base64url');
    const attempt = (t: TestApp, authKey: string, totp: string) =>
      new StaffClient(t.app).request('POST', '/api/staff/sign-in/password', { body: { signInName: caseworker.signInName, authKey, totp } });
    for (let i = 0; i < 5; i++) expect((await attempt(i % 2 === 0 ? a : b, wrongKey, '111111')).statusCode).toBe(401);
    const locked = await attempt(a, caseworker.authKey, totpNow(caseworker.totpSecret, now + 30_000));
    expect(locked.statusCode).toBe(429);
    expect((await attempt(b, caseworker.authKey, totpNow(caseworker.totpSecret, now + 30_000))).statusCode).toBe(429);
    await a.services.staff.limits.clear(nameKey);
  });

  it('appends to one audit chain from both processes at once, and both see it whole', async () => {
    const before = await a.services.audit.verifyChain();
    expect(before.ok).toBe(true);
    const count = before.ok ? before.count : 0;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? a : b).services.audit.record({
          staffId: admin.id,
          action: 'test.cross_process',
          subjectType: 'test',
          subjectId: `n${i}`,
          detail: { i },
        }),
      ),
    );
    for (const t of [a, b]) expect(await t.services.audit.verifyChain()).toEqual({ ok: true, count: count + 40 });
  });
});
