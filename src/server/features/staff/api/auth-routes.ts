import type { AuthenticationResponseJSON, AuthenticatorTransport, RegistrationResponseJSON } from '@simplewebauthn/server';
import { CURRENT_KDF_VERSION } from '../../../../crypto/kdf.ts';
import type { TypedApp } from '../../../http/typed-routes.ts';
import { decodeB64, encodeB64 } from '../../../shared/binary.ts';
import { VaultError } from '../../../shared/errors.ts';
import { LIMITS } from '../../../shared/rate-limits.ts';
import { type SlowHash, slowHash, verifySlowHash } from '../../../shared/slow-hash.ts';
import { addressKey, checkPasswordSignIn, sessionBody, staffNameKey, staffSignInFailed, startStaffSession } from '../accounts/sign-in.ts';
import { matchTotp, totpFor } from '../accounts/totp.ts';
import { RP_NAME, relyingParty } from '../accounts/webauthn.ts';
import { clearedStaffCookie, requireStaff } from '../guard.ts';
import type { StaffServices } from '../services.ts';
import {
  kdfLookupBody,
  passkeyRegisterBody,
  passkeySignInBody,
  passwordChangeBody,
  passwordSignInBody,
  setupCompleteBody,
  setupStartBody,
} from './schemas.ts';

// Loaded with the first passkey request: the library and its X.509/ASN.1 stack are about 1 MB of code that a
// process serving the public would otherwise keep for nothing.
const webauthn = () => import('@simplewebauthn/server');

const setupCodeWrong = () =>
  new VaultError(404, 'setup_code', 'That set-up code is not right, has been used, or has expired. Ask an administrator for a new one.');

/** Sign-in (password + TOTP, or a passkey), sign-out, first set-up with a one-time code, and passkeys. */
export async function authRoutes(app: TypedApp, { staff, dummy }: { staff: StaffServices; dummy: Promise<SlowHash> }): Promise<void> {
  const signedIn = requireStaff();

  app.post('/api/staff/sign-in/kdf', { schema: { body: kdfLookupBody } }, async (request) => {
    await staff.limits.hit(addressKey(staff, 'kdf', request.ip), LIMITS.signInPerAddress, staff.clock());
    const name = request.body.signInName.trim().toLowerCase();
    const account = await staff.accounts.bySignInName(name);
    const password = account?.status === 'active' ? await staff.accounts.password(account.id) : undefined;
    if (password) return { kdf: password.kdf };
    // An unknown name gets a salt that is stable for that name, so the answer does not tell who works here.
    return { kdf: { version: CURRENT_KDF_VERSION, salt: encodeB64(staff.pseudonyms.bytes('staff-kdf-salt', name, 16)) } };
  });

  app.post('/api/staff/sign-in/password', { schema: { body: passwordSignInBody } }, async (request, reply) => {
    const account = await checkPasswordSignIn(staff, dummy, {
      signInName: request.body.signInName,
      authKey: decodeB64(request.body.authKey, 'authKey', 32),
      totp: request.body.totp,
      ip: request.ip,
    });
    return startStaffSession(staff, request, reply, account, 'password');
  });

  app.post('/api/staff/sign-in/passkey/options', async (request) => {
    const now = staff.clock();
    await staff.limits.hit(addressKey(staff, 'signin', request.ip), LIMITS.signInPerAddress, now);
    const { id, challenge } = await staff.challenges.create('authenticate', null, now);
    const { rpID } = relyingParty(staff.config, request);
    const options = await (await webauthn()).generateAuthenticationOptions({
      rpID,
      challenge: Buffer.from(challenge, 'base64url'),
      userVerification: 'required',
      timeout: 120_000,
    });
    return { challengeId: id, options };
  });

  app.post('/api/staff/sign-in/passkey', { schema: { body: passkeySignInBody } }, async (request, reply) => {
    const now = staff.clock();
    await staff.limits.hit(addressKey(staff, 'signin', request.ip), LIMITS.signInPerAddress, now);
    const expectedChallenge = await staff.challenges.take(request.body.challengeId, 'authenticate', null, now);
    const response = request.body.response as unknown as AuthenticationResponseJSON;
    const passkey = typeof response.id === 'string' && response.id.length <= 512 ? await staff.accounts.passkey(response.id) : undefined;
    const account = passkey ? await staff.accounts.byId(passkey.staffId) : undefined;
    if (!expectedChallenge || !passkey || account?.status !== 'active') throw staffSignInFailed();
    const { rpID, origin } = relyingParty(staff.config, request);
    let verified = false;
    let newCounter = passkey.counter;
    try {
      const result = await (await webauthn()).verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
        credential: {
          id: passkey.credentialId,
          publicKey: new Uint8Array(passkey.publicKey),
          counter: passkey.counter,
          transports: passkey.transports as AuthenticatorTransport[],
        },
      });
      verified = result.verified;
      newCounter = result.authenticationInfo.newCounter;
    } catch {
      verified = false;
    }
    if (!verified) {
      await staff.audit.record({
        staffId: account.id,
        action: 'staff.sign_in_failed',
        subjectType: 'staff',
        subjectId: account.id,
        detail: { method: 'passkey' },
      });
      throw staffSignInFailed();
    }
    await staff.accounts.usePasskey(passkey.credentialId, newCounter, now);
    return startStaffSession(staff, request, reply, account, 'passkey');
  });

  app.get('/api/staff/session', { preValidation: signedIn }, async (request) => {
    const s = request.staff!;
    return sessionBody(s, s.csrfToken, s.expiresAt, s.method);
  });

  app.delete('/api/staff/session', { preValidation: signedIn }, async (request, reply) => {
    const s = request.staff!;
    await staff.sessions.delete(s.sessionIdHash);
    await staff.audit.record({ staffId: s.id, action: 'staff.sign_out', subjectType: 'staff', subjectId: s.id });
    reply.header('set-cookie', clearedStaffCookie(staff.config.cookieSecure));
    return reply.code(204).send();
  });

  // --- First set-up with a one-time code: password (as Argon2id-derived auth key), TOTP, own key pair.

  async function liveSetup(code: string, ip: string) {
    const now = staff.clock();
    await staff.limits.hit(addressKey(staff, 'setup', ip), LIMITS.signUpPerAddress, now);
    const found = await staff.accounts.bySetupCode(code, now);
    if (!found) throw setupCodeWrong();
    return found;
  }

  app.post('/api/staff/setup/start', { schema: { body: setupStartBody } }, async (request) => {
    const { account, codeHash } = await liveSetup(request.body.code, request.ip);
    const secret = staff.totp.setupSecret(codeHash);
    return {
      signInName: account.signInName,
      displayName: account.displayName,
      roles: [...account.roles],
      kdfVersion: CURRENT_KDF_VERSION,
      totp: { secret, uri: totpFor(secret, account.signInName).toString() },
    };
  });

  app.post('/api/staff/setup/complete', { schema: { body: setupCompleteBody } }, async (request, reply) => {
    const { account, codeHash } = await liveSetup(request.body.code, request.ip);
    const now = staff.clock();
    const secret = staff.totp.setupSecret(codeHash);
    const step = matchTotp(secret, request.body.totp, now);
    if (step === undefined)
      throw new VaultError(
        400,
        'totp',
        'That code from your authenticator app is not right. Check the app shows “Casebook workspace” and try the newest code.',
      );
    decodeB64(request.body.kdf.salt, 'kdf.salt', 16);
    const auth = await slowHash(decodeB64(request.body.authKey, 'authKey', 32));
    await staff.database.db.transaction().execute(async (trx) => {
      await staff.accounts.setPassword(account.id, { auth, kdf: request.body.kdf, sealedTotp: staff.totp.seal(secret), now }, trx);
      await staff.keys.setMemberKey(
        account.id,
        {
          publicKey: request.body.memberKey.publicKey,
          wrappedPrivateKey: JSON.stringify(request.body.memberKey.wrappedPrivateKey),
          kdf: request.body.kdf,
        },
        now,
        trx,
      );
      await staff.accounts.update(account.id, { status: 'active' }, now, trx);
      await staff.accounts.deleteSetupCodes(account.id, trx);
      await staff.audit.record({ staffId: account.id, action: 'staff.setup_complete', subjectType: 'staff', subjectId: account.id }, trx);
    });
    await staff.accounts.useTotpStep(account.id, step);
    return startStaffSession(staff, request, reply, { ...account, status: 'active' }, 'password');
  });

  // A new password re-wraps the member's own private key in their browser; the team keys are untouched. The current
  // password's auth key is checked (counted towards the lockout), and every other session ends.
  app.put('/api/staff/password', { preValidation: signedIn, schema: { body: passwordChangeBody } }, async (request) => {
    const s = request.staff!;
    const now = staff.clock();
    const account = await staff.accounts.byId(s.id);
    const password = await staff.accounts.password(s.id);
    const memberKey = await staff.keys.memberKey(s.id);
    if (!account || !password || !memberKey)
      throw new VaultError(409, 'no_password', 'Your account has no password to change. Ask an administrator to reset it.');
    const key = staffNameKey(staff, account.signInName);
    await staff.limits.assertUnlocked(key, now);
    if (!(await verifySlowHash(decodeB64(request.body.currentAuthKey, 'currentAuthKey', 32), password.auth))) {
      await staff.limits.fail(key, now);
      throw new VaultError(403, 'wrong_password', 'Your current password is not right. Nothing has been changed.');
    }
    decodeB64(request.body.kdf.salt, 'kdf.salt', 16);
    const auth = await slowHash(decodeB64(request.body.authKey, 'authKey', 32));
    await staff.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('staff_passwords')
        .set({
          auth_hash: auth.hash,
          auth_salt: auth.salt,
          auth_params: auth.params,
          kdf_version: request.body.kdf.version,
          kdf_salt: request.body.kdf.salt,
          updated_at: now,
        })
        .where('staff_id', '=', s.id)
        .execute();
      await staff.keys.setMemberKey(
        s.id,
        { publicKey: memberKey.publicKey, wrappedPrivateKey: JSON.stringify(request.body.wrappedPrivateKey), kdf: request.body.kdf },
        now,
        trx,
      );
      await trx.deleteFrom('staff_sessions').where('staff_id', '=', s.id).where('id_hash', '!=', s.sessionIdHash).execute();
      await staff.audit.record({ staffId: s.id, action: 'staff.password_change', subjectType: 'staff', subjectId: s.id }, trx);
    });
    await staff.limits.clear(key);
    return { ok: true };
  });

  // --- Passkeys of the signed-in member.

  app.get('/api/staff/passkeys', { preValidation: signedIn }, async (request) => {
    const passkeys = await staff.accounts.passkeys(request.staff!.id);
    return { passkeys: passkeys.map((p) => ({ id: p.credentialId, name: p.name, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt })) };
  });

  app.post('/api/staff/passkeys/options', { preValidation: signedIn }, async (request) => {
    const s = request.staff!;
    const account = await staff.accounts.byId(s.id);
    const existing = await staff.accounts.passkeys(s.id);
    const { id, challenge } = await staff.challenges.create('register', s.id, staff.clock());
    const { rpID } = relyingParty(staff.config, request);
    const options = await (await webauthn()).generateRegistrationOptions({
      rpName: RP_NAME,
      rpID,
      userName: account!.signInName,
      userDisplayName: account!.displayName,
      // A random handle per registration would split one member into several; their id says nothing personal.
      userID: new TextEncoder().encode(s.id),
      challenge: Buffer.from(challenge, 'base64url'),
      attestationType: 'none',
      timeout: 120_000,
      excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    return { challengeId: id, options };
  });

  app.post('/api/staff/passkeys', { preValidation: signedIn, schema: { body: passkeyRegisterBody } }, async (request, reply) => {
    const s = request.staff!;
    const now = staff.clock();
    const expectedChallenge = await staff.challenges.take(request.body.challengeId, 'register', s.id, now);
    if (!expectedChallenge) throw new VaultError(400, 'challenge', 'That passkey request has expired. Try again.');
    const { rpID, origin } = relyingParty(staff.config, request);
    let info;
    try {
      const result = await (await webauthn()).verifyRegistrationResponse({
        response: request.body.response as unknown as RegistrationResponseJSON,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        requireUserVerification: true,
      });
      info = result.verified ? result.registrationInfo : undefined;
    } catch {
      info = undefined;
    }
    if (!info) throw new VaultError(400, 'passkey', 'That passkey could not be checked. Try again, or use another passkey.');
    if (await staff.accounts.passkey(info.credential.id))
      throw new VaultError(409, 'passkey_exists', 'That passkey is already registered.');
    await staff.accounts.addPasskey({
      credentialId: info.credential.id,
      staffId: s.id,
      publicKey: info.credential.publicKey,
      counter: info.credential.counter,
      transports: info.credential.transports ?? [],
      name: request.body.name.trim() || 'Passkey',
      createdAt: now,
    });
    await staff.audit.record({
      staffId: s.id,
      action: 'staff.passkey_add',
      subjectType: 'staff',
      subjectId: s.id,
      detail: { credential: info.credential.id.slice(0, 16) },
    });
    return reply.code(201).send({ id: info.credential.id, name: request.body.name.trim() });
  });

  app.delete<{ Params: { credentialId: string } }>(
    '/api/staff/passkeys/:credentialId',
    { preValidation: signedIn },
    async (request, reply) => {
      const s = request.staff!;
      const id = request.params.credentialId;
      if (id.length > 512 || !(await staff.accounts.removePasskey(s.id, id))) throw new VaultError(404, 'not_found', 'Not found');
      await staff.audit.record({
        staffId: s.id,
        action: 'staff.passkey_remove',
        subjectType: 'staff',
        subjectId: s.id,
        detail: { credential: id.slice(0, 16) },
      });
      return reply.code(204).send();
    },
  );
}
