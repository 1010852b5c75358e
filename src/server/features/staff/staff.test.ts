import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { postgresAvailable } from '../../../../test/support/postgres.ts';
import { addMember, completeSetup, firstAdmin, type SetUpMember, StaffClient, totpNow } from '../../../../test/support/staff.ts';

const dialects: ('sqlite' | 'postgres')[] = (await postgresAvailable()) ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(dialects)('staff workspace on %s', (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 10, 23, 9, 0, 0);
  const clock = () => now;
  let admin: SetUpMember;
  let caseworker: SetUpMember;
  beforeAll(async () => {
    t = await buildTestApp({ dialect, clock });
    admin = await firstAdmin(t.app, t.services, clock);
    now += 30_000;
    caseworker = await addMember(admin.client, ['caseworker'], clock);
  });
  afterAll(() => t.close());

  it('signs in with password and a real TOTP code, refuses a replayed code, and signs out', async () => {
    now += 60_000;
    const c = new StaffClient(t.app);
    const kdf = await c.request('POST', '/api/staff/sign-in/kdf', { body: { signInName: caseworker.signInName } });
    expect(kdf.json().kdf.version).toBe(2);
    const code = totpNow(caseworker.totpSecret, now);
    const ok = await c.request('POST', '/api/staff/sign-in/password', {
      body: { signInName: caseworker.signInName, authKey: caseworker.authKey, totp: code },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().staff.roles).toEqual(['caseworker']);
    const cookie = ok.headers['set-cookie'] as string;
    expect(cookie).toMatch(/^casebook_staff=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Secure$/);
    const replay = await new StaffClient(t.app).request('POST', '/api/staff/sign-in/password', {
      body: { signInName: caseworker.signInName, authKey: caseworker.authKey, totp: code },
    });
    expect(replay.statusCode).toBe(401);
    expect((await c.request('GET', '/api/staff/session')).statusCode).toBe(200);
    expect((await c.request('DELETE', '/api/staff/session', { headers: { 'x-csrf-token': 'wrong' } })).statusCode).toBe(403);
    expect((await c.request('DELETE', '/api/staff/session')).statusCode).toBe(204);
    expect((await c.request('GET', '/api/staff/session')).statusCode).toBe(401);
  });

  it('answers a wrong password, an unknown name and a wrong code alike, then locks', async () => {
    now += 60_000;
    const attempt = (signInName: string, authKey: string, totp: string) =>
      new StaffClient(t.app).request('POST', '/api/staff/sign-in/password', { body: { signInName, authKey, totp } });
    const wrongKey = Buffer.alloc(32, 7).toString('base64url');
    const a = await attempt(caseworker.signInName, wrongKey, totpNow(caseworker.totpSecret, now));
    const b = await attempt('nobody-here', wrongKey, '123456');
    const c = await attempt(caseworker.signInName, caseworker.authKey, '000000');
    for (const res of [a, b, c]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('sign_in_failed');
    }
    for (let i = 0; i < 3; i++) await attempt(caseworker.signInName, wrongKey, '111111');
    const locked = await attempt(caseworker.signInName, caseworker.authKey, totpNow(caseworker.totpSecret, now + 30_000));
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeTruthy();
    // An administrator-side unlock stands in for waiting out the lock, so the other sessions here stay live.
    await t.services.staff.limits.clear(`staff-name:${t.services.staff.pseudonyms.tag('staff-name', caseworker.signInName)}`);
  });

  it('enforces roles on every staff route: signed out 401 (or a redirect for pages), caseworker 403 on admin routes', async () => {
    const anon = new StaffClient(t.app);
    const apiRoutes: [string, string][] = [
      ['GET', '/api/staff/members'],
      ['POST', '/api/staff/members'],
      ['PATCH', `/api/staff/members/${admin.id}`],
      ['POST', `/api/staff/members/${admin.id}/disable`],
      ['POST', `/api/staff/members/${admin.id}/reset`],
      ['POST', '/api/staff/team-key'],
      ['POST', '/api/staff/team-key/grants'],
      ['POST', '/api/staff/team-key/rotate'],
      ['GET', '/api/staff/audit'],
      ['GET', '/api/staff/audit/verify'],
    ];
    for (const [method, url] of [
      ...apiRoutes,
      ['GET', '/api/staff/keys'],
      ['GET', '/api/staff/session'],
      ['GET', '/api/staff/passkeys'],
      ['POST', '/api/staff/passkeys/options'],
    ] as [string, string][]) {
      const res = await anon.request(method, url, { body: {} });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    for (const [method, url] of apiRoutes) {
      const res = await caseworker.client.request(method, url, { body: {} });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
    for (const url of ['/staff', '/staff/team', '/staff/audit', '/staff/account']) {
      const res = await anon.request('GET', url, { headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/staff/sign-in?next=${encodeURIComponent(url)}`);
    }
    for (const url of ['/staff/team', '/staff/audit']) {
      const res = await caseworker.client.request('GET', url, { headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(403);
      expect(res.body).toContain('You cannot open this page');
    }
    expect((await caseworker.client.request('GET', '/staff', { headers: { accept: 'text/html' } })).statusCode).toBe(200);
    expect((await admin.client.request('GET', '/staff/team', { headers: { accept: 'text/html' } })).statusCode).toBe(200);
    const audit = await admin.client.request('GET', '/staff/audit?check=1', { headers: { accept: 'text/html' } });
    expect(audit.statusCode).toBe(200);
    expect(audit.headers['cache-control']).toBe('no-store');
    expect(audit.headers['content-security-policy']).toContain("'wasm-unsafe-eval'");
    expect(audit.body).toContain('data-audit-chain="ok"');
  });

  it('refuses a form post without the CSRF token', async () => {
    const res = await caseworker.client.app.inject({
      method: 'POST',
      url: '/staff/sign-out',
      headers: { cookie: caseworker.client.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: '_csrf=nope',
    });
    expect(res.statusCode).toBe(403);
  });

  it('keeps team keys wrapped: create, grant to a newcomer, rotate on removal; disabled members lose access', async () => {
    const pub = (m: SetUpMember) => Buffer.from(m.keyPair.publicKey).toString('base64url');
    const sealed = 's1.' + 'A'.repeat(43) + '.' + 'B'.repeat(16) + '.' + 'C'.repeat(64);
    const create = await admin.client.request('POST', '/api/staff/team-key', {
      body: { publicKey: pub(admin), grants: [{ staffId: admin.id, sealedKey: sealed }] },
    });
    expect(create.statusCode).toBe(201);
    expect(
      (
        await admin.client.request('POST', '/api/staff/team-key', {
          body: { publicKey: pub(admin), grants: [{ staffId: admin.id, sealedKey: sealed }] },
        })
      ).statusCode,
    ).toBe(409);
    expect((await new StaffClient(t.app).request('GET', '/api/staff/team-key')).json()).toEqual({ version: 1, publicKey: pub(admin) });
    const grant = await admin.client.request('POST', '/api/staff/team-key/grants', {
      body: { version: 1, grants: [{ staffId: caseworker.id, sealedKey: sealed }] },
    });
    expect(grant.statusCode).toBe(200);
    const keys = await caseworker.client.request('GET', '/api/staff/keys');
    expect(keys.json().grant).toEqual({ version: 1, sealedKey: sealed });
    expect(keys.json().member.publicKey).toBe(pub(caseworker));

    const leaver = await addMember(admin.client, ['caseworker'], clock, 'Lee Leaver');
    await admin.client.request('POST', '/api/staff/team-key/grants', {
      body: { version: 1, grants: [{ staffId: leaver.id, sealedKey: sealed }] },
    });
    const disable = await admin.client.request('POST', `/api/staff/members/${leaver.id}/disable`);
    expect(disable.json()).toEqual({ rotationNeeded: true });
    expect((await leaver.client.request('GET', '/api/staff/keys')).statusCode).toBe(401);
    const badRotate = await admin.client.request('POST', '/api/staff/team-key/rotate', {
      body: {
        version: 2,
        publicKey: pub(caseworker),
        sealedPrevious: sealed,
        grants: [
          { staffId: admin.id, sealedKey: sealed },
          { staffId: leaver.id, sealedKey: sealed },
        ],
      },
    });
    expect(badRotate.statusCode).toBe(400);
    const rotate = await admin.client.request('POST', '/api/staff/team-key/rotate', {
      body: {
        version: 2,
        publicKey: pub(caseworker),
        sealedPrevious: sealed,
        grants: [
          { staffId: admin.id, sealedKey: sealed },
          { staffId: caseworker.id, sealedKey: sealed },
        ],
      },
    });
    expect(rotate.statusCode).toBe(200);
    const after = await caseworker.client.request('GET', '/api/staff/keys');
    expect(after.json().team.map((k: { version: number }) => k.version)).toEqual([1, 2]);
    expect(after.json().grant.version).toBe(2);

    const actions = (await t.services.audit.list({ action: 'staff.' }, { limit: 200 })).entries.map((e) => e.action);
    for (const a of [
      'staff.account_create',
      'staff.setup_complete',
      'staff.sign_in',
      'staff.sign_out',
      'staff.team_key_create',
      'staff.team_key_grant',
      'staff.account_disable',
      'staff.team_key_rotate',
      'staff.sign_in_failed',
    ]) {
      expect(actions, a).toContain(a);
    }
  });

  it('records role changes, and will not let an administrator remove their own role', async () => {
    const own = await admin.client.request('PATCH', `/api/staff/members/${admin.id}`, { body: { roles: ['caseworker'] } });
    expect(own.statusCode).toBe(409);
    const res = await admin.client.request('PATCH', `/api/staff/members/${caseworker.id}`, {
      body: { roles: ['caseworker', 'supervisor'] },
    });
    expect(res.statusCode).toBe(200);
    const [entry] = (await t.services.audit.list({ action: 'staff.roles_change' })).entries;
    expect(entry).toMatchObject({
      staffId: admin.id,
      subjectId: caseworker.id,
      detail: { from: 'caseworker', to: 'caseworker,supervisor' },
    });
    // The new supervisor may now read the audit log.
    expect((await caseworker.client.request('GET', '/api/staff/audit?action=staff.&limit=5')).statusCode).toBe(200);
  });

  it('changes a password with the current one, re-wraps the key, and ends other sessions', async () => {
    now += 60_000;
    const other = new StaffClient(t.app);
    expect(
      (
        await other.request('POST', '/api/staff/sign-in/password', {
          body: { signInName: caseworker.signInName, authKey: caseworker.authKey, totp: totpNow(caseworker.totpSecret, now) },
        })
      ).statusCode,
    ).toBe(200);
    const newKey = Buffer.alloc(32, 3).toString('base64url');
    const body = (current: string) => ({
      currentAuthKey: current,
      authKey: newKey,
      kdf: { version: 2, salt: Buffer.alloc(16, 1).toString('base64url') },
      wrappedPrivateKey: { v: 1, nonce: Buffer.alloc(12).toString('base64url'), ciphertext: Buffer.alloc(48, 2).toString('base64url') },
    });
    const wrong = await caseworker.client.request('PUT', '/api/staff/password', { body: body(Buffer.alloc(32, 9).toString('base64url')) });
    expect(wrong.statusCode).toBe(403);
    const ok = await caseworker.client.request('PUT', '/api/staff/password', { body: body(caseworker.authKey) });
    expect(ok.statusCode).toBe(200);
    caseworker.authKey = newKey;
    expect((await other.request('GET', '/api/staff/session')).statusCode).toBe(401);
    expect((await caseworker.client.request('GET', '/api/staff/session')).statusCode).toBe(200);
    const keys = (await caseworker.client.request('GET', '/api/staff/keys')).json();
    expect(keys.member.kdf.salt).toBe(Buffer.alloc(16, 1).toString('base64url'));
    expect(keys.member.publicKey).toBe(Buffer.from(caseworker.keyPair.publicKey).toString('base64url'));
    now += 60_000;
    const signIn = await new StaffClient(t.app).request('POST', '/api/staff/sign-in/password', {
      body: { signInName: caseworker.signInName, authKey: newKey, totp: totpNow(caseworker.totpSecret, now) },
    });
    expect(signIn.statusCode).toBe(200);
  });

  it('a set-up code works once, and a wrong one is refused', async () => {
    const res = await admin.client.request('POST', '/api/staff/members', {
      body: { signInName: `once-${dialect}`, displayName: 'Once', roles: ['moderator'] },
    });
    const code = res.json().setupCode as string;
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){4}$/);
    await completeSetup(t.app, code.toLowerCase().replace(/-/g, ' '), clock);
    expect((await new StaffClient(t.app).request('POST', '/api/staff/setup/start', { body: { code } })).statusCode).toBe(404);
    expect(
      (await new StaffClient(t.app).request('POST', '/api/staff/setup/start', { body: { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' } })).statusCode,
    ).toBe(404);
  });

  it('the audit log refuses UPDATE and DELETE, and a changed row breaks the chain check', async () => {
    const { db } = t.services.database;
    const entry = await t.services.audit.record({
      staffId: admin.id,
      action: 'test.check',
      subjectType: 'test',
      subjectId: 'x',
      detail: { n: 1 },
    });
    await expect(db.updateTable('audit_log').set({ action: 'test.changed' }).where('id', '=', entry.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await t.services.audit.verifyChain()).toMatchObject({ ok: true });
    // Someone with the power to drop the trigger changes a row: the chain shows where.
    if (dialect === 'sqlite') {
      await sql`drop trigger audit_log_no_update`.execute(db);
    } else {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
    }
    await db.updateTable('audit_log').set({ detail: '{"n":2}' }).where('id', '=', entry.id).execute();
    expect(await t.services.audit.verifyChain()).toEqual({ ok: false, brokenAt: entry.id });
    const page = await admin.client.request('GET', '/staff/audit', { headers: { accept: 'text/html' } });
    expect(page.body).toContain('data-audit-chain="broken"');
    expect(page.body).toContain(`tampered with at entry ${entry.id}`);
  });
  it('times out an idle session after 30 minutes', async () => {
    now += 60_000;
    const c = new StaffClient(t.app);
    const res = await c.request('POST', '/api/staff/sign-in/password', {
      body: { signInName: admin.signInName, authKey: admin.authKey, totp: totpNow(admin.totpSecret, now) },
    });
    expect(res.statusCode).toBe(200);
    now += 29 * 60_000;
    expect((await c.request('GET', '/api/staff/session')).statusCode).toBe(200);
    now += 30 * 60_000;
    expect((await c.request('GET', '/api/staff/session')).statusCode).toBe(401);
  });
});
