import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { base64urlEncode } from '../../src/crypto/encoding.ts';
import { generateX25519KeyPair, grantTeamKey, type X25519KeyPair } from '../../src/crypto/team-keys.ts';
import { type ConversationKeys, deriveConversationKeys, generateCode } from '../../src/web/talk/conversation-code.ts';
import { type SealedContent, sealContent } from '../../src/web/talk/sealed-content.ts';
import type { SetUpMember } from './staff.ts';

/** Creates the team key (version 1) through the real admin API and grants it to the given members. */
export async function createTeamKey(admin: SetUpMember, members: readonly SetUpMember[] = []): Promise<X25519KeyPair> {
  const team = generateX25519KeyPair();
  const grants = await Promise.all(
    [admin, ...members].map(async (m) => ({ staffId: m.id, sealedKey: await grantTeamKey(team.privateKey, m.keyPair.publicKey, 1) })),
  );
  const res = await admin.client.request('POST', '/api/staff/team-key', { body: { publicKey: base64urlEncode(team.publicKey), grants } });
  if (res.statusCode !== 201) throw new Error(`team key ${res.statusCode} ${res.body}`);
  return team;
}

/** A person with a fresh conversation code, talking to the API as their browser does. */
export class Person {
  readonly words = generateCode();
  keys!: ConversationKeys;
  conversationId = '';
  readonly app: FastifyInstance;
  readonly ip: string;
  constructor(app: FastifyInstance, ip = `203.0.113.${1 + Math.floor(Math.random() * 250)}`) {
    this.app = app;
    this.ip = ip;
  }

  async derive(): Promise<this> {
    this.keys = await deriveConversationKeys(this.words);
    return this;
  }

  get auth() {
    return { authorization: `Bearer ${base64urlEncode(this.keys.token)}` };
  }

  request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.app.inject({
      method: method as 'GET',
      url,
      remoteAddress: this.ip,
      headers: { ...this.auth, ...headers },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }

  async start() {
    await this.derive();
    const res = await this.request('POST', '/api/talk/conversations', {
      token: base64urlEncode(this.keys.token),
      publicKey: base64urlEncode(this.keys.publicKey),
    });
    if (res.statusCode !== 201) throw new Error(`start ${res.statusCode} ${res.body}`);
    this.conversationId = (res.json() as { id: string }).id;
    return this;
  }

  seal(kind: 'message' | 'share', content: unknown, team: X25519KeyPair, version = 1): Promise<SealedContent> {
    return sealContent(kind, this.conversationId, randomUUID(), content, {
      teamKeyVersion: version,
      teamPublicKey: team.publicKey,
      personPublicKey: this.keys.publicKey,
    });
  }
}
