import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { generateX25519KeyPair } from '../../src/crypto/team-keys.ts';
import { createFirstAdministrator } from '../../src/server/features/staff/accounts/bootstrap.ts';
import type { StaffRole } from '../../src/server/features/staff/roles.ts';
import type { Services } from '../../src/server/services.ts';

/** A staff member driven through the real API: cookie jar, CSRF header, real TOTP codes. */
export class StaffClient {
  cookie = '';
  csrf = '';
  readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  async request(method: string, url: string, options: { body?: unknown; headers?: Record<string, string> } = {}) {
    const res = await this.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: options.body as object } : {}),
    });
    const set = res.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first?.startsWith('casebook_staff=')) this.cookie = first.split(';', 1)[0]!.endsWith('=') ? '' : first.split(';', 1)[0]!;
    if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json') && res.body) {
      const body = res.json() as { csrfToken?: string };
      if (body.csrfToken) this.csrf = body.csrfToken;
    }
    return res;
  }
}

export interface SetUpMember {
  id: string;
  signInName: string;
  authKey: string;
  totpSecret: string;
  keyPair: ReturnType<typeof generateX25519KeyPair>;
  client: StaffClient;
}

export function totpNow(secret: string, at: number): string {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({ timestamp: at });
}

/** Redeems a set-up code as the browser would (an auth key stands in for the Argon2id output). */
export async function completeSetup(app: FastifyInstance, code: string, now: () => number): Promise<SetUpMember> {
  const client = new StaffClient(app);
  const start = await client.request('POST', '/api/staff/setup/start', { body: { code } });
  if (start.statusCode !== 200) throw new Error(`setup/start ${start.statusCode} ${start.body}`);
  const { signInName, totp } = start.json() as { signInName: string; totp: { secret: string } };
  const authKey = randomBytes(32).toString('base64url');
  const keyPair = generateX25519KeyPair();
  const done = await client.request('POST', '/api/staff/setup/complete', {
    body: {
      code,
      authKey,
      kdf: { version: 2, salt: randomBytes(16).toString('base64url') },
      totp: totpNow(totp.secret, now()),
      memberKey: {
        publicKey: Buffer.from(keyPair.publicKey).toString('base64url'),
        wrappedPrivateKey: { v: 1, nonce: randomBytes(12).toString('base64url'), ciphertext: randomBytes(48).toString('base64url') },
      },
    },
  });
  if (done.statusCode !== 200) throw new Error(`setup/complete ${done.statusCode} ${done.body}`);
  const id = (done.json() as { staff: { id: string } }).staff.id;
  return { id, signInName, authKey, totpSecret: totp.secret, keyPair, client };
}

export async function firstAdmin(app: FastifyInstance, services: Services, now: () => number): Promise<SetUpMember> {
  const { setupCode } = await createFirstAdministrator(services, {
    signInName: `admin-${randomBytes(3).toString('hex')}`,
    displayName: 'Alex Admin',
  });
  return completeSetup(app, setupCode, now);
}

export async function addMember(
  admin: StaffClient,
  roles: StaffRole[],
  now: () => number,
  displayName = 'Casey Worker',
): Promise<SetUpMember> {
  const res = await admin.request('POST', '/api/staff/members', {
    body: { signInName: `m-${randomBytes(4).toString('hex')}`, displayName, roles },
  });
  if (res.statusCode !== 201) throw new Error(`create member ${res.statusCode} ${res.body}`);
  return completeSetup(admin.app, (res.json() as { setupCode: string }).setupCode, now);
}
