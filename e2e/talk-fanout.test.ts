// Live updates across processes: two server processes on one PostgreSQL database (and one shared DATA_DIR, as a
// real deployment shares its keys). A person listens on process A; a caseworker replies through process B; the
// reply reaches the person's stream on A through PostgreSQL LISTEN/NOTIFY (the staff workspace's event bus).

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode } from '../src/crypto/encoding.ts';
import type { X25519KeyPair } from '../src/crypto/team-keys.ts';
import type { StoredMessage } from '../src/web/talk/api.ts';
import { type MessageContent, openContent, sealContent } from '../src/web/talk/sealed-content.ts';
import { postgresAvailable, TEST_DATABASE_URL } from '../test/support/postgres.ts';
import { type RunningServer, startServer } from './support/server.ts';
import {
  collectEvents,
  createAdminSetupCode,
  createTeamKeyOverHttp,
  type HttpMember,
  HttpPerson,
  setUpMember,
  until,
} from './support/talk.ts';

const available = await postgresAvailable();
const database = `casebook_talk_${randomBytes(5).toString('hex')}`;
const databaseUrl = TEST_DATABASE_URL.replace(/\/[^/]*$/, `/${database}`);
const dataDir = mkdtempSync(join(tmpdir(), 'casebook-talk-fanout-'));
let a: RunningServer;
let b: RunningServer;
let caseworker: HttpMember;
let team: X25519KeyPair;

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.skipIf(!available)('two server processes on one PostgreSQL database', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await admin(`create database ${database}`);
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, COOKIE_SECURE: 'false' };
    a = await startServer(env);
    b = await startServer(env);
    caseworker = await setUpMember(a.url, createAdminSetupCode(env));
    team = await createTeamKeyOverHttp(a.url, caseworker);
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await admin(`drop database if exists ${database} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a reply written on process B reaches the person listening on process A, and the workspace on B hears the person on A', async () => {
    const person = await new HttpPerson().start(a.url);
    const controller = new AbortController();
    const personStream = await fetch(`${a.url}/api/talk/conversation/events`, {
      headers: { authorization: `Bearer ${base64urlEncode(person.keys.token)}` },
      signal: controller.signal,
    });
    expect(personStream.status).toBe(200);
    expect(personStream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const heard = collectEvents(personStream);
    const staffStream = await fetch(`${b.url}/staff/queue/events`, { headers: { cookie: caseworker.cookie }, signal: controller.signal });
    expect(staffStream.status).toBe(200);
    const staffHeard = collectEvents(staffStream);
    await until(
      () => (heard.events.some((e) => e.event === 'ready') && staffHeard.events.some((e) => e.event === 'ready') ? true : undefined),
      'both streams to open',
    );

    const own = await person.send('Hello from process A', team);
    await until(
      () => staffHeard.events.find((e) => e.event === 'conversation' && (e.data as { id: string }).id === person.conversationId),
      'the workspace on B to hear of the message',
    );

    const detail = (await (await caseworker.request(b.url, 'GET', `/staff/queue/api/conversations/${person.conversationId}`)).json()) as {
      personPublicKey: string;
    };
    const id = randomUUID();
    const sealed = await sealContent(
      'message',
      person.conversationId,
      id,
      { text: 'A reply written on process B' } satisfies MessageContent,
      {
        teamKeyVersion: 1,
        teamPublicKey: team.publicKey,
        personPublicKey: base64urlDecode(detail.personPublicKey),
      },
    );
    expect(
      (await caseworker.request(b.url, 'POST', `/staff/queue/api/conversations/${person.conversationId}/messages`, sealed)).status,
    ).toBe(201);

    const arrived = await until(
      () => heard.events.find((e) => e.event === 'message' && (e.data as StoredMessage).id === id),
      'the reply on A',
    );
    const text = (
      await openContent<MessageContent>('message', person.conversationId, arrived.data as StoredMessage, person.keys.privateKey, 'person')
    ).text;
    expect(text).toBe('A reply written on process B');
    // Only this person's conversation reaches this stream: another person's reply does not.
    const other = await new HttpPerson().start(b.url);
    const theirs = await other.send('Someone else', team);
    await until(
      () => staffHeard.events.find((e) => e.event === 'conversation' && (e.data as { id: string }).id === other.conversationId),
      'the other message to be published',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const ids = heard.events.filter((e) => e.event === 'message').map((e) => (e.data as StoredMessage).id);
    expect(ids.sort()).toEqual([own.id, id].sort());
    expect(ids).not.toContain(theirs.id);
    controller.abort();
  });
});
