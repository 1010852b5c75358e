import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { base64urlDecode, base64urlEncode } from '../src/crypto/encoding.ts';
import type { X25519KeyPair } from '../src/crypto/team-keys.ts';
import { LIMITS } from '../src/server/features/conversations/person-routes.ts';
import {
  type MessageContent,
  openContent,
  openForTeam,
  type SealedContent,
  sealContent,
  sealForTeam,
} from '../src/web/talk/sealed-content.ts';
import { buildTestApp, type TestApp } from './support/app.ts';
import { postgresAvailable } from './support/postgres.ts';
import { addMember, firstAdmin, type SetUpMember, StaffClient } from './support/staff.ts';
import { createTeamKey, Person } from './support/talk.ts';

// The conversations feature through its real HTTP API on SQLite, with real crypto on both sides.
const pgAvailable = await postgresAvailable();

describe.each(['sqlite', 'postgres'] as const)('conversations on %s', (dialect) => {
  let now = Date.parse('2026-11-25T10:00:00Z');
  const clock = () => now;
  let t: TestApp;
  let admin: SetUpMember;
  let caseworker: SetUpMember;
  let other: SetUpMember;
  let moderator: SetUpMember;
  let team: X25519KeyPair;

  beforeAll(async () => {
    if (dialect === 'postgres' && !pgAvailable) return;
    t = await buildTestApp({ clock, dialect });
    admin = await firstAdmin(t.app, t.services, clock);
    caseworker = await addMember(admin.client, ['caseworker'], clock, 'Casey Worker');
    other = await addMember(admin.client, ['caseworker'], clock, 'Robin Worker');
    moderator = await addMember(admin.client, ['moderator'], clock, 'Morgan Moderator');
    team = await createTeamKey(admin, [caseworker, other]);
  });
  afterAll(() => t?.close());

  const MARKER = 'PLAINTEXT-MARKER-7f3c';
  const staffApi = (m: SetUpMember, method: string, path: string, body?: unknown) =>
    m.client.request(method, `/staff/queue/api${path}`, body === undefined ? {} : { body });

  async function personWrites(person: Person, text: string) {
    const sealed = await person.seal('message', { text } satisfies MessageContent, team);
    const res = await person.request('POST', '/api/talk/conversation/messages', sealed);
    expect(res.statusCode, res.body).toBe(201);
    return sealed;
  }

  describe.skipIf(dialect === 'postgres' && !pgAvailable)('a person with no account', () => {
    it('starts a conversation with a code-derived token, comes back with it, and a wrong code finds nothing', async () => {
      const person = await new Person(t.app).start();
      const again = await person.request('GET', '/api/talk/conversation');
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({
        id: person.conversationId,
        status: 'with-helpline',
        teamKey: { version: 1 },
        messages: [],
        shares: [],
      });
      expect(again.headers['cache-control']).toBe('no-store');

      const stranger = await new Person(t.app).derive();
      const res = await stranger.request('GET', '/api/talk/conversation');
      expect(res.statusCode).toBe(404);
      expect(res.json().message).toMatch(/could not find a conversation for that code/);
      expect((await t.app.inject({ method: 'GET', url: '/api/talk/conversation' })).statusCode).toBe(404);

      // The server keeps an HMAC of the token, never the token or the words.
      const row = await t.services.database.db
        .selectFrom('talk_conversations')
        .selectAll()
        .where('id', '=', person.conversationId)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(row)).not.toContain(base64urlEncode(person.keys.token));
    });

    it('writes; a caseworker reads it with the team key and replies; the person reads the reply; the database holds ciphertext only', async () => {
      const person = await new Person(t.app).start();
      await personWrites(person, `Someone keeps waiting outside my work ${MARKER}`);

      const queue = await staffApi(caseworker, 'GET', '/conversations?view=new');
      expect(queue.statusCode).toBe(200);
      expect(queue.json().conversations.map((c: { id: string }) => c.id)).toContain(person.conversationId);
      expect(JSON.stringify(queue.json())).not.toContain(MARKER);

      const detail = await staffApi(caseworker, 'GET', `/conversations/${person.conversationId}`);
      expect(detail.statusCode).toBe(200);
      const [message] = detail.json().messages as (SealedContent & { author: string })[];
      const opened = await openContent<MessageContent>('message', person.conversationId, message!, team.privateKey, 'team');
      expect(opened.text).toContain(MARKER);

      const replyId = randomUUID();
      const reply = await sealContent(
        'message',
        person.conversationId,
        replyId,
        { text: 'Thank you for writing. You are not alone.' },
        {
          teamKeyVersion: 1,
          teamPublicKey: team.publicKey,
          personPublicKey: base64urlDecode(detail.json().personPublicKey),
        },
      );
      expect((await staffApi(caseworker, 'POST', `/conversations/${person.conversationId}/messages`, reply)).statusCode).toBe(201);

      const mine = await person.request('GET', '/api/talk/conversation');
      expect(mine.json().status).toBe('answered');
      const staffMessage = (mine.json().messages as (SealedContent & { author: string })[]).find((m) => m.author === 'staff')!;
      expect(
        (await openContent<MessageContent>('message', person.conversationId, staffMessage, person.keys.privateKey, 'person')).text,
      ).toMatch(/not alone/);
      // Replying took the conversation: it is now the caseworker's and waits for the person.
      const row = (await staffApi(caseworker, 'GET', '/conversations?view=mine')).json();
      expect(row.conversations.find((c: { id: string }) => c.id === person.conversationId)).toMatchObject({
        status: 'waiting',
        assignedTo: caseworker.id,
      });

      // A message moved to another conversation, or opened with another person's key, does not decrypt.
      const stranger = await new Person(t.app).start();
      await expect(openContent('message', stranger.conversationId, staffMessage, person.keys.privateKey, 'person')).rejects.toThrow();
      await expect(openContent('message', person.conversationId, staffMessage, stranger.keys.privateKey, 'person')).rejects.toThrow();

      const files = readdirSync(t.dataDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
      for (const file of files) expect(readFileSync(join(file.parentPath, file.name)).includes(MARKER), file.name).toBe(false);
    });

    it('shares a diary entry, which the caseworker can read, and ends sharing, which deletes it', async () => {
      const person = await new Person(t.app).start();
      const share = await person.seal(
        'share',
        { type: 'note', text: `Car outside at 7am ${MARKER}`, writtenAt: '2026-11-20T07:00:00Z', receiptAt: now },
        team,
      );
      expect((await person.request('POST', '/api/talk/conversation/shares', share)).statusCode).toBe(201);
      const detail = (await staffApi(caseworker, 'GET', `/conversations/${person.conversationId}`)).json();
      expect(detail.shares).toHaveLength(1);
      expect(
        (await openContent<{ text: string }>('share', person.conversationId, detail.shares[0], team.privateKey, 'team')).text,
      ).toContain('Car outside');

      // Another person cannot end it (404, as if it did not exist); the owner can.
      const intruder = await new Person(t.app).start();
      expect((await intruder.request('DELETE', `/api/talk/conversation/shares/${share.id}`)).statusCode).toBe(404);
      expect((await person.request('DELETE', `/api/talk/conversation/shares/${share.id}`)).statusCode).toBe(204);
      expect((await person.request('DELETE', `/api/talk/conversation/shares/${share.id}`)).statusCode).toBe(404);
      expect((await staffApi(caseworker, 'GET', `/conversations/${person.conversationId}`)).json().shares).toEqual([]);
      const rows = await t.services.database.db.selectFrom('talk_shares').selectAll().where('id', '=', share.id).execute();
      expect(rows).toEqual([]);
    });

    it('refuses a message sealed to an old team key, bad bodies and oversized ones with clear messages', async () => {
      const person = await new Person(t.app).start();
      const stale = await person.seal('message', { text: 'hi' }, team, 7);
      const res = await person.request('POST', '/api/talk/conversation/messages', stale);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ error: 'team_key_changed', teamKey: { version: 1 } });

      const bad = await person.request('POST', '/api/talk/conversation/messages', { id: 'x', body: 'plaintext' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toBe('invalid_request');

      const huge = await person.seal('message', { text: 'a' }, team);
      const tooBig = await person.request('POST', '/api/talk/conversation/messages', {
        ...huge,
        body: { ...huge.body, ciphertext: 'A'.repeat(2_100_000) },
      });
      expect([400, 413]).toContain(tooBig.statusCode);
      expect(tooBig.body).not.toMatch(/at .*\.ts/);
    });

    it('rate-limits starting conversations per address and messages per conversation', async () => {
      const ip = '198.51.100.9';
      for (let i = 0; i < LIMITS.startsPerAddress.max; i++) await new Person(t.app, ip).start();
      const sixth = await new Person(t.app, ip).derive();
      const res = await sixth.request('POST', '/api/talk/conversations', {
        token: base64urlEncode(sixth.keys.token),
        publicKey: base64urlEncode(sixth.keys.publicKey),
      });
      expect(res.statusCode).toBe(429);
      expect(res.json().message).toMatch(/Too many conversations were started from here/);
      expect(res.headers['retry-after']).toBeDefined();

      const chatty = await new Person(t.app, '198.51.100.10').start();
      for (let i = 0; i < 30; i++) await personWrites(chatty, `message ${i}`);
      const over = await chatty.request(
        'POST',
        '/api/talk/conversation/messages',
        await chatty.seal('message', { text: 'one more' }, team),
      );
      expect(over.statusCode).toBe(429);
      expect(over.json().message).toMatch(/Wait 10 minutes/);
      now += 11 * 60_000;
      await personWrites(chatty, 'later');
    });
  });

  describe.skipIf(dialect === 'postgres' && !pgAvailable)('the workspace queue', () => {
    it('enforces roles: signed out 401, a moderator 403, a caseworker in', async () => {
      const anonymous = new StaffClient(t.app);
      expect((await anonymous.request('GET', '/staff/queue/api/conversations')).statusCode).toBe(401);
      expect((await anonymous.request('GET', '/staff/queue', { headers: { accept: 'text/html' } })).statusCode).toBe(303);
      expect((await anonymous.request('GET', '/staff/queue/events')).statusCode).toBe(401);
      expect((await staffApi(moderator, 'GET', '/conversations')).statusCode).toBe(403);
      expect((await moderator.client.request('GET', '/staff/queue/events')).statusCode).toBe(403);
      const page = await caseworker.client.request('GET', '/staff/queue', { headers: { accept: 'text/html' } });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('id="queue-app"');
    });

    it('answers 404 for a conversation id that does not exist, on every route', async () => {
      const id = randomUUID();
      const sealed = { teamKeyVersion: 1, sealed: await sealForTeam(team.publicKey, id, 'note') };
      for (const [method, path, body] of [
        ['GET', `/conversations/${id}`, undefined],
        ['POST', `/conversations/${id}/assign`, { to: null }],
        ['POST', `/conversations/${id}/status`, { status: 'closed' }],
        ['POST', `/conversations/${id}/notes`, sealed],
        ['POST', `/conversations/${id}/referrals`, { agency: 'police', ...sealed }],
        ['PUT', `/conversations/${id}/risk`, { level: 'none', teamKeyVersion: null, reason: null }],
      ] as const) {
        expect((await staffApi(caseworker, method, path, body)).statusCode, `${method} ${path}`).toBe(404);
      }
    });

    it('assigns, hands over, notes, flags risk, records referrals, closes and reopens, and audits each action', async () => {
      const person = await new Person(t.app).start();
      await personWrites(person, 'hello');
      const id = person.conversationId;
      expect((await staffApi(caseworker, 'POST', `/conversations/${id}/assign`, { to: caseworker.id })).statusCode).toBe(200);
      expect(
        (await staffApi(caseworker, 'GET', '/conversations?view=mine')).json().conversations.map((c: { id: string }) => c.id),
      ).toContain(id);
      expect((await staffApi(caseworker, 'POST', `/conversations/${id}/assign`, { to: moderator.id })).statusCode).toBe(400);
      expect((await staffApi(caseworker, 'POST', `/conversations/${id}/assign`, { to: other.id })).statusCode).toBe(200);
      expect((await staffApi(other, 'GET', '/conversations?view=mine')).json().conversations.map((c: { id: string }) => c.id)).toContain(
        id,
      );

      const note = await sealForTeam(team.publicKey, id, `Mentioned a new car ${MARKER}`);
      expect((await staffApi(other, 'POST', `/conversations/${id}/notes`, { teamKeyVersion: 1, sealed: note })).statusCode).toBe(201);
      const reason = await sealForTeam(team.publicKey, id, 'Threats to kill; needs advocacy');
      expect(
        (await staffApi(other, 'PUT', `/conversations/${id}/risk`, { level: 'high', teamKeyVersion: 1, reason: null })).statusCode,
      ).toBe(400);
      expect((await staffApi(other, 'PUT', `/conversations/${id}/risk`, { level: 'high', teamKeyVersion: 1, reason })).statusCode).toBe(
        200,
      );
      expect(
        (await staffApi(other, 'POST', `/conversations/${id}/referrals`, { agency: 'paladin', teamKeyVersion: 1, sealed: reason }))
          .statusCode,
      ).toBe(201);
      expect(
        (await staffApi(other, 'POST', `/conversations/${id}/referrals`, { agency: 'someone', teamKeyVersion: 1, sealed: reason }))
          .statusCode,
      ).toBe(400);

      const detail = (await staffApi(other, 'GET', `/conversations/${id}`)).json();
      expect(detail.riskLevel).toBe('high');
      expect(await openForTeam(team.privateKey, id, detail.riskReason)).toMatch(/Threats/);
      expect(detail.notes.map((n: { kind: string; agency: string | null }) => [n.kind, n.agency])).toEqual([
        ['note', null],
        ['referral', 'paladin'],
      ]);
      expect(await openForTeam(team.privateKey, id, detail.notes[0].sealed)).toContain(MARKER);
      // Notes are the team's alone: the person's view has none of them.
      expect(JSON.stringify((await person.request('GET', '/api/talk/conversation')).json())).not.toContain(detail.notes[0].sealed);

      expect((await staffApi(other, 'POST', `/conversations/${id}/status`, { status: 'closed' })).statusCode).toBe(200);
      expect((await staffApi(other, 'GET', '/conversations?view=closed')).json().conversations.map((c: { id: string }) => c.id)).toContain(
        id,
      );
      expect((await person.request('GET', '/api/talk/conversation')).json().status).toBe('closed');
      // The person writing again puts it back in front of the helpline.
      await personWrites(person, 'Are you still there?');
      expect(
        (await staffApi(other, 'GET', '/conversations?view=mine')).json().conversations.find((c: { id: string }) => c.id === id)?.status,
      ).toBe('open');

      const audit = await t.services.audit.list({ subjectType: 'conversation', subjectId: id }, { limit: 200 });
      const actions = audit.entries.map((e) => e.action).reverse();
      expect(actions).toEqual(
        expect.arrayContaining([
          'conversation.take',
          'conversation.hand_over',
          'conversation.note',
          'conversation.risk',
          'conversation.referral',
          'conversation.view',
          'conversation.close',
        ]),
      );
      expect(JSON.stringify(audit.entries)).not.toContain(MARKER);
    });

    it('keeps saved replies for the team', async () => {
      const created = await staffApi(caseworker, 'POST', '/saved-replies', {
        title: 'First reply',
        body: 'Thank you for getting in touch.',
      });
      expect(created.statusCode).toBe(201);
      expect((await staffApi(other, 'GET', '/saved-replies')).json().savedReplies.map((r: { title: string }) => r.title)).toContain(
        'First reply',
      );
      expect((await staffApi(other, 'DELETE', `/saved-replies/${created.json().id}`)).statusCode).toBe(204);
      expect((await staffApi(other, 'DELETE', `/saved-replies/${created.json().id}`)).statusCode).toBe(404);
      expect((await staffApi(moderator, 'GET', '/saved-replies')).statusCode).toBe(403);
    });
  });

  describe.skipIf(dialect === 'postgres' && !pgAvailable)('the page', () => {
    it('is neutral, never stored, and says when replies come (Wednesday morning: from 1pm)', async () => {
      now = Date.parse('2026-11-25T10:00:00Z');
      const res = await t.app.inject({ method: 'GET', url: '/talk/helpline' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('<title>Casebook</title>');
      expect(res.body).toContain('Next replies from today at 1pm');
      expect(res.body).toContain('We reply 9:30am to 4pm on weekdays, 1pm to 4pm on Wednesdays');
      expect(res.body).toMatch(/999.*55/s);
      now = Date.parse('2026-11-25T14:00:00Z');
      expect((await t.app.inject({ method: 'GET', url: '/talk/helpline' })).body).toContain('We are answering messages now, until 4pm.');
      now = Date.parse('2026-11-27T17:00:00Z');
      expect((await t.app.inject({ method: 'GET', url: '/talk/helpline' })).body).toContain('Next replies from Monday at 9:30am');
      const hours = await t.app.inject({ method: 'GET', url: '/api/talk/reply-hours' });
      expect(hours.headers['cache-control']).toBe('no-store');
      expect(hours.json()).toMatchObject({ open: false, now: 'We are not answering messages now. Next replies from Monday at 9:30am.' });
    });

    it('speaks Welsh at /cy/talk/helpline, and records that the person wrote in Welsh for the caseworker', async () => {
      now = Date.parse('2026-11-25T10:00:00Z');
      const page = await t.app.inject({ method: 'GET', url: '/cy/talk/helpline' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).toContain('<html lang="cy" class="govuk-template">');
      expect(page.body).toContain('<title>Casebook</title>');
      expect(page.body).toContain('Ysgrifennu at y llinell gymorth');
      expect(page.body).toContain('Dydyn ni ddim yn ateb negeseuon nawr. Ar gau — yn agor heddiw am 13:00.');
      expect(page.body).toContain('Rydyn ni&#39;n ateb 09:30 tan 16:00 ar ddyddiau&#39;r wythnos, 13:00 tan 16:00 ar ddydd Mercher.');
      expect(page.body).toContain('"startButton":"Dechrau sgwrs newydd"');
      expect(page.body).toContain('<link rel="alternate" hreflang="en" href="/talk/helpline">');
      const hours = await t.app.inject({ method: 'GET', url: '/api/talk/reply-hours?lang=cy' });
      expect(hours.json()).toMatchObject({ open: false, now: 'Dydyn ni ddim yn ateb negeseuon nawr. Ar gau — yn agor heddiw am 13:00.' });

      // Started from the Welsh page (the script sends Content-Language: cy), then an English message.
      const welsh = await new Person(t.app).derive();
      const started = await welsh.request(
        'POST',
        '/api/talk/conversations',
        { token: base64urlEncode(welsh.keys.token), publicKey: base64urlEncode(welsh.keys.publicKey) },
        { 'content-language': 'cy' },
      );
      expect(started.statusCode).toBe(201);
      const id = started.json().id as string;
      const row = async () => (await staffApi(caseworker, 'GET', `/conversations/${id}`)).json() as { language: string };
      expect((await row()).language).toBe('cy');
      const queue = await staffApi(caseworker, 'GET', '/conversations?view=new');
      expect(queue.json().conversations.find((c: { id: string }) => c.id === id)).toMatchObject({ language: 'cy' });
      const sealed = await welsh.seal('message', { text: 'Hello' } satisfies MessageContent, team);
      expect((await welsh.request('POST', '/api/talk/conversation/messages', sealed, { 'content-language': 'en' })).statusCode).toBe(201);
      expect((await row()).language).toBe('en');
      const other = await welsh.seal('message', { text: 'Helo' } satisfies MessageContent, team);
      expect((await welsh.request('POST', '/api/talk/conversation/messages', other, { 'content-language': 'CY' })).statusCode).toBe(201);
      expect((await row()).language).toBe('cy');
      // Anything but Welsh is English: the header cannot put other values in the database.
      const odd = await new Person(t.app).derive();
      const res = await odd.request(
        'POST',
        '/api/talk/conversations',
        { token: base64urlEncode(odd.keys.token), publicKey: base64urlEncode(odd.keys.publicKey) },
        { 'content-language': 'x'.repeat(500) },
      );
      expect((await staffApi(caseworker, 'GET', `/conversations/${res.json().id as string}`)).json().language).toBe('en');
    });
  });
});
