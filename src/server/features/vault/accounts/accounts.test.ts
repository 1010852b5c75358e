import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/support/app.ts';
import { envelope, newCredentials, randomB64, VaultClient, vaultDialects } from '../../../../../test/support/vault.ts';
import { CURRENT_KDF_VERSION } from '../../../../crypto/kdf.ts';

const dialects = await vaultDialects();

describe.each(dialects)('vault accounts and sessions on %s', (dialect) => {
  let t: TestApp;
  let now = Date.UTC(2026, 0, 5, 9, 0, 0);
  beforeAll(async () => {
    t = await buildTestApp({ dialect, clock: () => now });
  });
  afterAll(() => t.close());
  const client = () => new VaultClient(t.app);

  it('suggests an unused, readable username', async () => {
    const res = await client().request('GET', '/api/v1/usernames/suggestion');
    expect(res.statusCode).toBe(200);
    expect(res.json().username).toMatch(/^[a-z]+-[a-z]+-\d{4}$/);
  });

  it('signs up, signs in, shows sign-ins and session, and signs out', async () => {
    const c = client();
    const creds = await c.signUp();
    expect(c.cookie).toBeTruthy();
    const signUp = await c.request('GET', '/api/v1/session');
    expect(signUp.statusCode).toBe(200);
    expect(signUp.json()).toMatchObject({ username: creds.username, idleTimeoutSeconds: 1800 });

    const prelogin = await client().request('POST', '/api/v1/accounts/prelogin', { body: { username: creds.username } });
    expect(prelogin.json()).toEqual({ kdf: creds.kdf });

    const other = client();
    other.userAgent = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    now += 1000;
    const signIn = await other.signIn(creds.username, creds.authKey);
    expect(signIn.statusCode).toBe(200);
    const body = signIn.json();
    expect(body).toMatchObject({ username: creds.username, kdf: creds.kdf, wrappedVaultKey: creds.wrappedVaultKey.passphrase });
    expect(body.lastSignIns[0]).toMatchObject({ device: 'Firefox on Linux', succeeded: true });
    const cookie = signIn.headers['set-cookie']!.toString();
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);

    const signIns = await other.request('GET', '/api/v1/account/sign-ins');
    expect(signIns.json().signIns[0]).toMatchObject({ device: 'Chrome on Android', succeeded: true });

    const out = await other.request('DELETE', '/api/v1/session');
    expect(out.statusCode).toBe(204);
    expect((await other.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await c.request('GET', '/api/v1/session')).statusCode).toBe(200);
  });

  it('refuses a taken username and an invalid one', async () => {
    const c = client();
    const creds = await c.signUp();
    const again = await client().request('POST', '/api/v1/accounts', { body: { ...newCredentials(), username: creds.username } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('username_taken');
    for (const username of ['ab', 'has space', 'x'.repeat(33), 'émile']) {
      const res = await client().request('POST', '/api/v1/accounts', { body: { ...newCredentials(), username } });
      expect(res.statusCode, username).toBe(400);
      expect(res.json().error).toBe('username_invalid');
    }
  });

  it('answers the same for an unknown username as for a wrong key', async () => {
    const creds = await client().signUp();
    const wrong = await client().signIn(creds.username, randomB64(32));
    const unknown = await client().signIn('nobody-here-1234', randomB64(32));
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    const a = await client().request('POST', '/api/v1/accounts/prelogin', { body: { username: 'nobody-here-1234' } });
    const b = await client().request('POST', '/api/v1/accounts/prelogin', { body: { username: 'nobody-here-1234' } });
    expect(a.json()).toEqual(b.json());
    expect(a.json().kdf.salt).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // A made-up answer looks like a new account's: the current cost version.
    expect(a.json().kdf.version).toBe(CURRENT_KDF_VERSION);
  });

  it('spends similar time on unknown usernames and real ones', async () => {
    const creds = await client().signUp();
    const time = async (username: string) => {
      const started = performance.now();
      await client().signIn(username, randomB64(32));
      return performance.now() - started;
    };
    // Few enough attempts not to lock; both paths run one scrypt.
    const real = (await time(creds.username)) + (await time(creds.username));
    const unknown = (await time('unknown-x-1')) + (await time('unknown-x-2'));
    expect(unknown / real).toBeGreaterThan(0.5);
    expect(unknown / real).toBeLessThan(2);
  });

  it('locks an account after five failures, with back-off, and lets the right key in afterwards', async () => {
    const creds = await client().signUp();
    for (let i = 0; i < 5; i++) expect((await client().signIn(creds.username, randomB64(32))).statusCode).toBe(401);
    const locked = await client().signIn(creds.username, creds.authKey);
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: 'locked', retryAfterSeconds: 60 });
    expect(locked.headers['retry-after']).toBe('60');
    // Unknown names lock just the same, so a lock says nothing about whether a name exists.
    for (let i = 0; i < 5; i++) await client().signIn('ghost-name-77', randomB64(32));
    expect((await client().signIn('ghost-name-77', randomB64(32))).statusCode).toBe(429);

    now += 61_000;
    expect((await client().signIn(creds.username, randomB64(32))).statusCode).toBe(401);
    const twice = await client().signIn(creds.username, creds.authKey);
    expect(twice.statusCode).toBe(429);
    expect(twice.json().retryAfterSeconds).toBe(120);
    now += 121_000;
    const ok = await client().signIn(creds.username, creds.authKey);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().lastSignIns.some((s: { succeeded: boolean }) => !s.succeeded)).toBe(true);
  });

  it('limits sign-in attempts per address, keyed by an HMAC of the address', async () => {
    const c = client();
    c.ip = '198.51.100.99';
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await c.signIn(`some-user-${i}`, randomB64(32))).statusCode;
    expect(last).toBe(429);
    const other = client();
    other.ip = '198.51.100.100';
    expect((await other.signIn('some-user-x', randomB64(32))).statusCode).toBe(401);
    const keys = await t.services.database.db.selectFrom('vault_rate_limits').select('key').execute();
    expect(keys.map((k) => k.key).join(' ')).not.toContain('198.51.100');
    now += 15 * 60_000;
    expect((await c.signIn('some-user-y', randomB64(32))).statusCode).toBe(401);
  });

  it('limits sign-ups per address', async () => {
    const c = client();
    c.ip = '192.0.2.55';
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await c.request('POST', '/api/v1/accounts', { body: { ...newCredentials(), username: 'x' } })).statusCode);
    expect(codes.slice(0, 10).every((code) => code === 400)).toBe(true);
    expect(codes[10]).toBe(429);
  });

  it('requires the CSRF token for every state change', async () => {
    const c = client();
    await c.signUp();
    for (const [method, url] of [
      ['DELETE', '/api/v1/session'],
      ['DELETE', '/api/v1/sessions'],
      ['PUT', '/api/v1/items/0b5a3b0e-1c0a-4c1e-9a53-5d3f7f6a8b21'],
      ['POST', '/api/v1/attachments'],
    ] as const) {
      const res = await c.request(method, url, { csrf: false, body: {} });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error).toBe('csrf');
      const wrong = await c.request(method, url, { csrf: false, body: {}, headers: { 'x-csrf-token': 'x'.repeat(43) } });
      expect(wrong.statusCode).toBe(403);
    }
    expect((await c.request('GET', '/api/v1/session', { csrf: false })).statusCode).toBe(200);
  });

  it('ends idle sessions after 30 minutes and every session after 12 hours', async () => {
    const c = client();
    await c.signUp();
    now += 29 * 60_000;
    expect((await c.request('GET', '/api/v1/session')).statusCode).toBe(200);
    now += 31 * 60_000;
    const idle = await c.request('GET', '/api/v1/session');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error).toBe('signed_out');

    const d = client();
    await d.signUp();
    for (let i = 0; i < 25; i++) {
      now += 29 * 60_000;
      await d.request('GET', '/api/v1/session');
    }
    expect((await d.request('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('signs out everywhere', async () => {
    const a = client();
    const creds = await a.signUp();
    const b = client();
    expect((await b.signIn(creds.username, creds.authKey)).statusCode).toBe(200);
    expect((await b.request('DELETE', '/api/v1/sessions')).statusCode).toBe(204);
    expect((await a.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await b.request('GET', '/api/v1/session')).statusCode).toBe(401);
  });

  it('changes the passphrase: the old key stops working and other sessions end', async () => {
    const a = client();
    const creds = await a.signUp();
    const b = client();
    await b.signIn(creds.username, creds.authKey);
    const next = { authKey: randomB64(32), kdf: { version: 1, salt: randomB64(16) }, wrappedVaultKey: envelope(48) };
    const wrong = await a.request('PUT', '/api/v1/account/passphrase', { body: { currentAuthKey: randomB64(32), ...next } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toBe('wrong_passphrase');
    const res = await a.request('PUT', '/api/v1/account/passphrase', { body: { currentAuthKey: creds.authKey, ...next } });
    expect(res.statusCode).toBe(204);
    expect((await a.request('GET', '/api/v1/session')).statusCode).toBe(200);
    expect((await b.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await client().signIn(creds.username, creds.authKey)).statusCode).toBe(401);
    const signIn = await client().signIn(creds.username, next.authKey);
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ kdf: next.kdf, wrappedVaultKey: next.wrappedVaultKey });
  });

  it('recovers with the recovery key: a single-use token, a new passphrase, every other session ended', async () => {
    const a = client();
    const creds = await a.signUp();
    expect(
      (await client().request('POST', '/api/v1/recovery', { body: { username: creds.username, recoveryAuthKey: randomB64(32) } }))
        .statusCode,
    ).toBe(401);
    const r = client();
    const started = await r.request('POST', '/api/v1/recovery', {
      body: { username: creds.username, recoveryAuthKey: creds.recoveryAuthKey },
    });
    expect(started.statusCode).toBe(200);
    const { recoveryToken, wrappedVaultKey } = started.json();
    expect(wrappedVaultKey).toEqual(creds.wrappedVaultKey.recovery);
    const next = { authKey: randomB64(32), kdf: { version: 1, salt: randomB64(16) }, wrappedVaultKey: envelope(48) };
    const done = await r.request('PUT', '/api/v1/recovery/passphrase', { body: { recoveryToken, ...next } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ username: creds.username, kdf: next.kdf, wrappedVaultKey: next.wrappedVaultKey });
    expect((await r.request('GET', '/api/v1/session')).statusCode).toBe(200);
    expect((await a.request('GET', '/api/v1/session')).statusCode).toBe(401);
    const replay = await client().request('PUT', '/api/v1/recovery/passphrase', { body: { recoveryToken, ...next } });
    expect(replay.statusCode).toBe(401);
    expect((await client().signIn(creds.username, next.authKey)).statusCode).toBe(200);

    const late = await client().request('POST', '/api/v1/recovery', {
      body: { username: creds.username, recoveryAuthKey: creds.recoveryAuthKey },
    });
    now += 11 * 60_000;
    const expired = await client().request('PUT', '/api/v1/recovery/passphrase', {
      body: { recoveryToken: late.json().recoveryToken, ...next },
    });
    expect(expired.statusCode).toBe(401);
  });

  it('replaces the used recovery key during recovery: the old key stops working, the new one works', async () => {
    const creds = await client().signUp();
    const r = client();
    const { recoveryToken } = (
      await r.request('POST', '/api/v1/recovery', { body: { username: creds.username, recoveryAuthKey: creds.recoveryAuthKey } })
    ).json();
    const newRecovery = { wrappedVaultKey: envelope(48), recoveryAuthKey: randomB64(32) };
    const next = { authKey: randomB64(32), kdf: { version: 2, salt: randomB64(16) }, wrappedVaultKey: envelope(48) };
    const bad = await r.request('PUT', '/api/v1/recovery/passphrase', {
      body: { recoveryToken, ...next, newRecovery: { wrappedVaultKey: envelope(48) } },
    });
    expect(bad.statusCode).toBe(400);
    const done = await r.request('PUT', '/api/v1/recovery/passphrase', { body: { recoveryToken, ...next, newRecovery } });
    expect(done.statusCode).toBe(200);
    expect(
      (await client().request('POST', '/api/v1/recovery', { body: { username: creds.username, recoveryAuthKey: creds.recoveryAuthKey } }))
        .statusCode,
    ).toBe(401);
    const again = await client().request('POST', '/api/v1/recovery', {
      body: { username: creds.username, recoveryAuthKey: newRecovery.recoveryAuthKey },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().wrappedVaultKey).toEqual(newRecovery.wrappedVaultKey);
  });

  it('replaces the recovery key of a signed-in account after checking the passphrase', async () => {
    const c = client();
    const creds = await c.signUp();
    const newRecovery = { wrappedVaultKey: envelope(48), recoveryAuthKey: randomB64(32) };
    expect(
      (await client().request('PUT', '/api/v1/account/recovery-key', { body: { currentAuthKey: creds.authKey, newRecovery } })).statusCode,
    ).toBe(401);
    const wrong = await c.request('PUT', '/api/v1/account/recovery-key', { body: { currentAuthKey: randomB64(32), newRecovery } });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error).toBe('wrong_passphrase');
    expect(
      (await client().request('POST', '/api/v1/recovery', { body: { username: creds.username, recoveryAuthKey: creds.recoveryAuthKey } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await c.request('PUT', '/api/v1/account/recovery-key', { body: { currentAuthKey: creds.authKey, newRecovery } })).statusCode,
    ).toBe(204);
    expect(
      (await client().request('POST', '/api/v1/recovery', { body: { username: creds.username, recoveryAuthKey: creds.recoveryAuthKey } }))
        .statusCode,
    ).toBe(401);
    const works = await client().request('POST', '/api/v1/recovery', {
      body: { username: creds.username, recoveryAuthKey: newRecovery.recoveryAuthKey },
    });
    expect(works.json().wrappedVaultKey).toEqual(newRecovery.wrappedVaultKey);
  });

  it('deletes an account and every row and blob it owned', async () => {
    const c = client();
    const creds = await c.signUp();
    const itemId = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
    expect(
      (
        await c.request('PUT', `/api/v1/items/${itemId}`, {
          body: { expectedVersion: 0, envelope: envelope(300), commitment: randomB64(32) },
        })
      ).statusCode,
    ).toBe(200);
    const att = await c.request('POST', '/api/v1/attachments', {
      body: {
        chunkCount: 1,
        size: 100,
        header: { v: 1, fileId: randomB64(16), noncePrefix: randomB64(8), wrappedKey: envelope(48) },
        metadata: envelope(64),
      },
    });
    const id = att.json().id as string;
    expect(
      (
        await c.request('PUT', `/api/v1/attachments/${id}/chunks/0`, {
          payload: Buffer.alloc(100, 7),
          headers: { 'content-type': 'application/octet-stream' },
        })
      ).statusCode,
    ).toBe(204);
    const { db } = t.services.database;
    const account = await db.selectFrom('vault_accounts').select('id').where('username', '=', creds.username).executeTakeFirstOrThrow();

    expect((await c.request('DELETE', '/api/v1/account', { body: { authKey: randomB64(32) } })).statusCode).toBe(403);
    const res = await c.request('DELETE', '/api/v1/account', { body: { authKey: creds.authKey } });
    expect(res.statusCode).toBe(204);
    for (const table of [
      'vault_sessions',
      'vault_sign_ins',
      'vault_recovery_tokens',
      'vault_items',
      'vault_item_versions',
      'vault_attachments',
    ] as const) {
      const rows = await db.selectFrom(table).selectAll().where('account_id', '=', account.id).execute();
      expect(rows, table).toEqual([]);
    }
    expect(await db.selectFrom('vault_attachment_chunks').selectAll().where('attachment_id', '=', id).execute()).toEqual([]);
    expect(await db.selectFrom('vault_accounts').selectAll().where('id', '=', account.id).execute()).toEqual([]);
    expect(await t.services.vault.blobs.get(`attachments/${id}/0`)).toBeUndefined();
    expect((await c.request('GET', '/api/v1/session')).statusCode).toBe(401);
    expect((await client().signIn(creds.username, creds.authKey)).statusCode).toBe(401);
  });

  it('rejects malformed, oversized and unknown-property bodies and wrong content types without a 500', async () => {
    const c = client();
    const cases: [string, Record<string, unknown>][] = [
      ['not json', { payload: '{"username": ', headers: { 'content-type': 'application/json' } }],
      ['text/plain', { payload: 'username=a', headers: { 'content-type': 'text/plain' } }],
      ['form', { payload: 'username=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['unknown property', { body: { ...newCredentials(), isAdmin: true } }],
      ['short key', { body: { ...newCredentials(), authKey: randomB64(16) } }],
      ['huge', { body: { ...newCredentials(), username: 'a'.repeat(100_000) } }],
      ['array', { body: [1, 2, 3] }],
      ['null', { payload: 'null', headers: { 'content-type': 'application/json' } }],
    ];
    for (const [name, options] of cases) {
      const res = await c.request('POST', '/api/v1/accounts', options);
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
      expect(res.json(), name).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    }
    expect((await c.request('POST', '/api/v1/accounts', cases[1]![1])).statusCode).toBe(415);
    expect((await c.request('POST', '/api/v1/accounts', cases[5]![1])).statusCode).toBe(413);
  });
});
