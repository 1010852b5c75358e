// Workspace members and people writing to the helpline, driven over real HTTP against a running server process
// (or two): what the conversation browser tests and the two-process fan-out test share.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { base64urlEncode } from '../../src/crypto/encoding.ts';
import { deriveKeysWithParams, kdfParamsFor } from '../../src/crypto/kdf.ts';
import { generateX25519KeyPair, grantTeamKey, wrapMemberPrivateKey, type X25519KeyPair } from '../../src/crypto/team-keys.ts';
import { readEvents, TalkClient } from '../../src/web/talk/api.ts';
import { type ConversationKeys, deriveConversationKeys, generateCode } from '../../src/web/talk/conversation-code.ts';
import { sealContent } from '../../src/web/talk/sealed-content.ts';

export const STAFF_PASSWORD = 'harbour lantern quietly seventeen';

export interface HttpMember {
  id: string;
  cookie: string;
  csrf: string;
  keyPair: X25519KeyPair;
  request(origin: string, method: string, path: string, body?: unknown): Promise<Response>;
}

/** The first administrator (also a caseworker and supervisor), made with the real command-line script. */
export function createAdminSetupCode(env: Record<string, string>): string {
  const out = execFileSync(
    process.execPath,
    ['scripts/staff-create-admin.ts', '--sign-in-name', `admin-${randomBytes(3).toString('hex')}`, '--display-name', 'Casey Caseworker'],
    {
      env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env },
      encoding: 'utf8',
    },
  );
  const code = /Set-up code[^:]*: (\S.*)$/m.exec(out)?.[1]?.trim();
  if (!code) throw new Error(`no set-up code in: ${out}`);
  return code;
}

/** Redeems a set-up code as the workspace's set-up screen does: a real password, Argon2id, a wrapped member key. */
export async function setUpMember(origin: string, code: string): Promise<HttpMember> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(origin + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const start = await post('/api/staff/setup/start', { code });
  if (start.status !== 200) throw new Error(`setup/start ${start.status} ${await start.text()}`);
  const { totp } = (await start.json()) as { totp: { secret: string } };
  const salt = randomBytes(16);
  const keys = await deriveKeysWithParams(STAFF_PASSWORD, salt, kdfParamsFor(2));
  const keyPair = generateX25519KeyPair();
  const complete = await post('/api/staff/setup/complete', {
    code,
    authKey: base64urlEncode(keys.authKey),
    kdf: { version: 2, salt: base64urlEncode(salt) },
    totp: new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(totp.secret) }).generate(),
    memberKey: {
      publicKey: base64urlEncode(keyPair.publicKey),
      wrappedPrivateKey: await wrapMemberPrivateKey(keyPair.privateKey, keys.wrappingKey),
    },
  });
  if (complete.status !== 200) throw new Error(`setup/complete ${complete.status} ${await complete.text()}`);
  const cookie = (complete.headers.get('set-cookie') ?? '').split(';', 1)[0]!;
  const body = (await complete.json()) as { csrfToken: string; staff: { id: string } };
  return {
    id: body.staff.id,
    cookie,
    csrf: body.csrfToken,
    keyPair,
    request: (o, method, path, payload) =>
      fetch(o + path, {
        method,
        headers: { cookie, 'x-csrf-token': body.csrfToken, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
      }),
  };
}

export async function createTeamKeyOverHttp(origin: string, admin: HttpMember): Promise<X25519KeyPair> {
  const team = generateX25519KeyPair();
  const res = await admin.request(origin, 'POST', '/api/staff/team-key', {
    publicKey: base64urlEncode(team.publicKey),
    grants: [{ staffId: admin.id, sealedKey: await grantTeamKey(team.privateKey, admin.keyPair.publicKey, 1) }],
  });
  if (res.status !== 201) throw new Error(`team key ${res.status} ${await res.text()}`);
  return team;
}

/** A person's browser, without the page: the same client, keys and sealing the page uses. */
export class HttpPerson {
  readonly words = generateCode();
  keys!: ConversationKeys;
  client!: TalkClient;
  conversationId = '';

  /** `headers`: e.g. x-forwarded-for, so a benchmark can stand in for many people behind a proxy. */
  async start(origin: string, headers: Record<string, string> = {}): Promise<this> {
    this.keys = await deriveConversationKeys(this.words);
    this.client = new TalkClient(this.keys.token, origin);
    const res = await fetch(`${origin}/api/talk/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ token: base64urlEncode(this.keys.token), publicKey: base64urlEncode(this.keys.publicKey) }),
    });
    if (res.status !== 201) throw new Error(`start ${res.status} ${await res.text()}`);
    this.conversationId = ((await res.json()) as { id: string }).id;
    return this;
  }

  async send(text: string, team: X25519KeyPair, version = 1) {
    const sealed = await sealContent(
      'message',
      this.conversationId,
      randomUUID(),
      { text },
      { teamKeyVersion: version, teamPublicKey: team.publicKey, personPublicKey: this.keys.publicKey },
    );
    return this.client.send(sealed);
  }
}

/** Reads Server-Sent Events from a response until stopped; each event is kept with the time it arrived. */
export function collectEvents(response: Response): { events: { event: string; data: unknown; at: number }[]; done: Promise<void> } {
  const events: { event: string; data: unknown; at: number }[] = [];
  const done = readEvents(response, (event, data) => events.push({ event, data, at: performance.now() })).catch(() => {});
  return { events, done };
}

export async function until<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
