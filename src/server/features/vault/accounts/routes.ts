import { randomBytes } from 'node:crypto';
import { CURRENT_KDF_VERSION } from '../../../../crypto/kdf.ts';
import type { TypedApp } from '../../../http/typed-routes.ts';
import { decodeB64, encodeB64, sha256Hex } from '../../../shared/binary.ts';
import { VaultError } from '../../../shared/errors.ts';
import { LIMITS } from '../../../shared/rate-limits.ts';
import { slowHash } from '../../../shared/slow-hash.ts';
import type { VaultServices } from '../services.ts';
import { requireSession, sessionOf, setSessionCookie, signedOut } from '../sessions/guard.ts';
import { signedInResponse } from '../sessions/schemas.ts';
import { deviceOf, signedIn } from '../sessions/sign-in.ts';
import type { Kdf } from './repository.ts';
import {
  changePassphraseBody,
  deleteAccountBody,
  preloginBody,
  preloginResponse,
  recoveryBody,
  recoveryPassphraseBody,
  recoveryResponse,
  replaceRecoveryKeyBody,
  signInsResponse,
  signUpBody,
  signUpResponse,
  suggestionResponse,
} from './schemas.ts';
import { normalizeUsername, suggestUsername } from './usernames.ts';

const tags = ['accounts'];
const security = [{ session: [] }];
const RECOVERY_TOKEN_MS = 10 * 60_000;

const usernameInvalid = () =>
  new VaultError(400, 'username_invalid', 'A username is 3 to 32 characters: letters a to z, numbers, dots, dashes and underscores.');

function checkKdf(kdf: Kdf): Kdf {
  decodeB64(kdf.salt, 'kdf.salt', 16);
  return kdf;
}

/** Accounts with no email and no phone number (T2): sign-up, prelogin, recovery, passphrase change, deletion. */
export async function accountRoutes(app: TypedApp, { vault }: { vault: VaultServices }): Promise<void> {
  const preValidation = requireSession(vault);

  app.get('/api/v1/usernames/suggestion', { schema: { tags, response: { 200: suggestionResponse } } }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    for (let attempt = 0; attempt < 5; attempt++) {
      const username = suggestUsername();
      if (!(await vault.accounts.usernameTaken(username))) return { username };
    }
    return { username: `${suggestUsername()}${randomBytes(2).toString('hex')}`.slice(0, 32) };
  });

  app.post('/api/v1/accounts/prelogin', { schema: { tags, body: preloginBody, response: { 200: preloginResponse } } }, async (request) => {
    const username = normalizeUsername(request.body.username);
    const account = username ? await vault.accounts.byUsername(username) : undefined;
    if (account) return { kdf: account.kdf };
    // A made-up salt, stable per name, so probing names learns nothing. Keep the version in step with
    // what real accounts use (CURRENT_KDF_VERSION) when raising it.
    const salt = vault.pseudonyms.bytes('prelogin-salt', username ?? request.body.username, 16);
    return { kdf: { version: CURRENT_KDF_VERSION, salt: encodeB64(salt) } };
  });

  app.post('/api/v1/accounts', { schema: { tags, body: signUpBody, response: { 201: signUpResponse } } }, async (request, reply) => {
    const now = vault.clock();
    await vault.limits.hit(vault.credentials.addressKey('signup', request.ip), LIMITS.signUpPerAddress, now);
    const username = normalizeUsername(request.body.username);
    if (!username) throw usernameInvalid();
    const kdf = checkKdf(request.body.kdf);
    const [auth, recovery] = await Promise.all([
      slowHash(decodeB64(request.body.authKey, 'authKey', 32)),
      slowHash(decodeB64(request.body.recoveryAuthKey, 'recoveryAuthKey', 32)),
    ]);
    const accountId = await vault.accounts.create(
      {
        username,
        auth,
        recovery,
        kdf,
        wrappedKeyPassphrase: request.body.wrappedVaultKey.passphrase,
        wrappedKeyRecovery: request.body.wrappedVaultKey.recovery,
      },
      now,
    );
    if (!accountId) throw new VaultError(409, 'username_taken', 'That username is taken. Choose another one.');
    const session = await vault.sessions.create(accountId, now);
    await vault.accounts.recordSignIn(accountId, now, deviceOf(request), true);
    setSessionCookie(reply, vault, session.id);
    return reply.code(201).header('cache-control', 'no-store').send({ username, csrfToken: session.csrfToken });
  });

  app.get(
    '/api/v1/account/sign-ins',
    { preValidation, schema: { tags, security, response: { 200: signInsResponse } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { signIns: await vault.accounts.signIns(sessionOf(request).accountId) };
    },
  );

  app.put(
    '/api/v1/account/passphrase',
    { preValidation, schema: { tags, security, body: changePassphraseBody } },
    async (request, reply) => {
      const session = sessionOf(request);
      const account = await vault.accounts.byId(session.accountId);
      if (!account) throw signedOut();
      await vault.credentials.confirm(account, decodeB64(request.body.currentAuthKey, 'currentAuthKey', 32));
      const kdf = checkKdf(request.body.kdf);
      const auth = await slowHash(decodeB64(request.body.authKey, 'authKey', 32));
      await vault.database.db.transaction().execute(async (trx) => {
        await vault.accounts.setPassphrase(trx, account.id, auth, kdf, request.body.wrappedVaultKey);
        await vault.sessions.deleteAll(account.id, session.idHash, trx);
      });
      return reply.code(204).send();
    },
  );

  app.post('/api/v1/recovery', { schema: { tags, body: recoveryBody, response: { 200: recoveryResponse } } }, async (request, reply) => {
    const account = await vault.credentials.signIn({
      username: request.body.username,
      secret: decodeB64(request.body.recoveryAuthKey, 'recoveryAuthKey', 32),
      kind: 'recovery',
      ip: request.ip,
      device: deviceOf(request),
    });
    const recoveryToken = randomBytes(32).toString('base64url');
    await vault.accounts.createRecoveryToken(account.id, sha256Hex(recoveryToken), vault.clock() + RECOVERY_TOKEN_MS);
    reply.header('cache-control', 'no-store');
    return { wrappedVaultKey: account.wrappedKeyRecovery, recoveryToken };
  });

  app.put(
    '/api/v1/recovery/passphrase',
    { schema: { tags, body: recoveryPassphraseBody, response: { 200: signedInResponse } } },
    async (request, reply) => {
      const kdf = checkKdf(request.body.kdf);
      const secret = decodeB64(request.body.authKey, 'authKey', 32);
      const newRecovery = request.body.newRecovery;
      const newRecoverySecret = newRecovery && decodeB64(newRecovery.recoveryAuthKey, 'newRecovery.recoveryAuthKey', 32);
      const accountId = await vault.accounts.redeemRecoveryToken(sha256Hex(request.body.recoveryToken), vault.clock());
      if (!accountId) throw new VaultError(401, 'recovery_token_invalid', 'That recovery has expired. Start again with your recovery key.');
      const [auth, recovery] = await Promise.all([slowHash(secret), newRecoverySecret && slowHash(newRecoverySecret)]);
      await vault.database.db.transaction().execute(async (trx) => {
        await vault.accounts.setPassphrase(trx, accountId, auth, kdf, request.body.wrappedVaultKey);
        if (newRecovery && recovery) await vault.accounts.setRecovery(trx, accountId, recovery, newRecovery.wrappedVaultKey);
        await vault.sessions.deleteAll(accountId, undefined, trx);
      });
      const account = await vault.accounts.byId(accountId);
      if (!account) throw signedOut();
      await vault.credentials.clearLock(account.username);
      return signedIn(vault, request, reply, account);
    },
  );

  app.put(
    '/api/v1/account/recovery-key',
    { preValidation, schema: { tags, security, body: replaceRecoveryKeyBody } },
    async (request, reply) => {
      const account = await vault.accounts.byId(sessionOf(request).accountId);
      if (!account) throw signedOut();
      await vault.credentials.confirm(account, decodeB64(request.body.currentAuthKey, 'currentAuthKey', 32));
      const recovery = await slowHash(decodeB64(request.body.newRecovery.recoveryAuthKey, 'newRecovery.recoveryAuthKey', 32));
      await vault.database.db
        .transaction()
        .execute((trx) => vault.accounts.setRecovery(trx, account.id, recovery, request.body.newRecovery.wrappedVaultKey));
      return reply.code(204).send();
    },
  );

  app.delete('/api/v1/account', { preValidation, schema: { tags, security, body: deleteAccountBody } }, async (request, reply) => {
    const account = await vault.accounts.byId(sessionOf(request).accountId);
    if (!account) throw signedOut();
    await vault.credentials.confirm(account, decodeB64(request.body.authKey, 'authKey', 32));
    const attachmentIds = await vault.accounts.deleteAccount(account.id);
    for (const id of attachmentIds) await vault.blobs.deletePrefix(`attachments/${id}`);
    await vault.credentials.clearLock(account.username);
    return reply.code(204).send();
  });
}
