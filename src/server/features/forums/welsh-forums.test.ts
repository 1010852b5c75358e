import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, firstAdmin, type SetUpMember } from '../../../../test/support/staff.ts';
import { VaultClient } from '../../../../test/support/vault.ts';
import type { Catalogue } from '../../../domain/content-parity/index.ts';
import { loadMessages } from '../../setup/messages.ts';
import { pluralPhrase } from '../../shared/plural-phrase.ts';
import { PROFESSIONAL_ROLES } from './records.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const hrefs = (html: string) => [...html.matchAll(/<(?:a|form)[^>]* (?:href|action)="([^"]+)"/g)].map((m) => m[1]!);

/** A member's browser with its forum forms (the session's CSRF token added). */
class Member extends VaultClient {
  form(url: string, fields: Record<string, string>) {
    return this.request('POST', url, {
      payload: new URLSearchParams({ _csrf: this.csrfToken ?? '', ...fields }).toString(),
      headers: FORM,
      csrf: false,
    });
  }
  static async join(app: TestApp['app'], name: string): Promise<Member> {
    const member = new Member(app);
    await member.signUp();
    const res = await member.form('/cy/forums/join', { name, agree: 'yes' });
    if (res.statusCode !== 303) throw new Error(`join ${res.statusCode}`);
    return member;
  }
}

/**
 * A Welsh forum page: lang="cy", hreflang both ways with the Language navigation to the English address, and
 * every forum link and form action under /cy (the only /forums address on it is its English twin).
 */
function expectWelshPage(body: string, url: string) {
  const english = url.slice(3);
  expect(body).toContain('<html lang="cy"');
  expect(body).toContain(`hreflang="en" href="${english}"`);
  expect(body).toContain(`class="govuk-language-navigation__link" href="${english}"`);
  for (const h of hrefs(body).filter((h) => h.startsWith('/forums'))) expect(h).toBe(english);
  expect(hrefs(body).filter((h) => h.startsWith('/cy/forums')).length).toBeGreaterThan(0);
}

describe('the forums in Welsh (/cy/forums)', () => {
  let t: TestApp;
  let moderator: SetUpMember;
  beforeAll(async () => {
    t = await buildTestApp({ dialect: 'sqlite' });
    const admin = await firstAdmin(t.app, t.services, Date.now);
    moderator = await addMember(admin.client, ['moderator'], Date.now, 'Morgan Moderator');
  }, 60_000);
  afterAll(async () => t?.close());

  it('a signed-out visitor reads, in Welsh, how to join, with the Welsh house rules and hreflang both ways', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/cy/forums' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="cy"');
    expect(res.body).toContain('<title>Fforymau');
    expect(res.body).toContain('Fforymau cymorth gan gymheiriaid');
    expect(res.body).toContain('href="/cy/talk/forum-house-rules"');
    expect(res.body).toContain('hreflang="en" href="/forums"');
    const en = await t.app.inject({ method: 'GET', url: '/forums' });
    expect(en.body).toContain('hreflang="cy" href="/cy/forums"');
    expect(en.body).toContain('Peer-support forums');
  });

  it('joining in Welsh: the form posts under /cy, a bad form comes back with a Welsh error, and it redirects to /cy/forums', async () => {
    const member = new VaultClient(t.app);
    await member.signUp();
    const join = await member.request('GET', '/cy/forums');
    expect(join.body).toContain('Dewiswch enw fforwm');
    expect(join.body).toContain('action="/cy/forums/join"');
    const form = (fields: Record<string, string>) =>
      member.request('POST', '/cy/forums/join', {
        payload: new URLSearchParams({ _csrf: member.csrfToken ?? '', ...fields }).toString(),
        headers: FORM,
        csrf: false,
      });
    const bad = await form({ name: 'Calm Heron 7' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Mae problem');
    expect(bad.body).toContain('Cadarnhewch eich bod wedi darllen rheolau&#39;r fforymau');
    const ok = await form({ name: 'Calm Heron 7', agree: 'yes' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/cy/forums');
    const index = await member.request('GET', '/cy/forums');
    expect(index.body).toContain('Dioddefwyr a goroeswyr');
    expect(index.body).toMatch(/\d+ (?:pwnc|bwnc|phwnc)/);
    // Every link stays under /cy, except any page not in Welsh yet, which says so (hreflang="en", "(Saesneg)").
    const outside = hrefs(index.body).filter(
      (h) => h.startsWith('/') && !h.startsWith('/cy') && !h.startsWith('/assets') && !h.startsWith('/static'),
    );
    for (const h of outside)
      expect(index.body).toMatch(new RegExp(`href="${h.replace(/[?]/g, '\\?')}" hreflang="en"|hreflang="en" href="${h}"`));
    const board = hrefs(index.body).find((h) => h.startsWith('/cy/forums/boards/'))!;
    const boardPage = await member.request('GET', board);
    expect(boardPage.body).toContain('Dechrau pwnc newydd');
    const compose = await member.request('GET', `${board}/new`);
    expect(compose.body).toContain('Eich neges');
    // govuk-frontend's character count in Welsh: the no-script line and the script's messages (data-i18n).
    expect(compose.body).toContain('Gallwch roi hyd at 10000 nod');
    expect(compose.body).toContain('data-i18n.characters-under-limit.two="Mae gennych %{count} nod ar ôl"');
    expect(compose.body).not.toContain('characters remaining');
    const draft = await member.request('POST', `${board}/topics`, {
      payload: new URLSearchParams({ _csrf: member.csrfToken ?? '', title: 'Hi', body: 'x' }).toString(),
      headers: FORM,
      csrf: false,
    });
    expect(draft.statusCode).toBe(400);
    expect(draft.body).toContain('Rhowch deitl rhwng 5 a 120 nod');
    const gone = await member.request('GET', '/cy/forums/topics/999999');
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('Heb ddod o hyd i&#39;r dudalen');
  });

  it("every members' page has a Welsh address: signed out, /cy/forums/search explains in Welsh how to join", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/cy/forums/search?q=x' });
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('<html lang="cy"');
    expect(res.body).toContain('Fforymau cymorth gan gymheiriaid');
  });

  const staff = (url: string, fields: Record<string, string>) =>
    moderator.client.request('POST', url, {
      body: new URLSearchParams({ _csrf: moderator.client.csrf, ...fields }).toString(),
      headers: FORM,
    });
  const postIdFrom = (location: unknown) => Number(/\/posts\/(\d+)/.exec(String(location))?.[1]);

  it('the English catalogue names the roles as the records do, and "diwrnod" takes its mutation', () => {
    const words = loadMessages('forums');
    expect(words.en.roles).toEqual(PROFESSIONAL_ROLES);
    const days = (words.cy as Record<string, Catalogue>).notifySuspended!;
    expect(pluralPhrase(days, 'cy', 2)).toContain('am 2 ddiwrnod');
    expect(pluralPhrase(days, 'cy', 7)).toContain('am 7 diwrnod');
  });

  it('search, follow, notifications, report, your posts, delete, the professionals’ request and leaving, all in Welsh under /cy', async () => {
    const author = await Member.join(t.app, 'Dyfrgi Tawel 31');
    const reader = await Member.join(t.app, 'Barcud Dewr 32');
    const index = await author.request('GET', '/cy/forums');
    const board = hrefs(index.body).find((h) => h.startsWith('/cy/forums/boards/'))!;
    const made = await author.form(`${board}/topics`, {
      title: 'Methu cysgu ers wythnosau',
      body: 'Mae pob nos yn anodd. Oes gan rywun gyngor?',
    });
    expect(made.statusCode).toBe(303);
    expect(String(made.headers.location)).toMatch(/^\/cy\/forums\/posts\/\d+\/posted$/);
    const postId = postIdFrom(made.headers.location);
    expect((await staff(`/staff/moderation/posts/${postId}/approve`, {})).statusCode).toBe(303);
    const topicId = Number(/\/cy\/forums\/topics\/(\d+)/.exec((await author.request('GET', `/cy/forums/posts/${postId}`)).body)![1]);

    // Search: the page's words in Welsh, posts found as written.
    const search = await reader.request('GET', '/cy/forums/search');
    expect(search.statusCode).toBe(200);
    expectWelshPage(search.body, '/cy/forums/search');
    expect(search.body).toContain('Chwilio&#39;r fforymau');
    expect(search.body).toContain('action="/cy/forums/search"');
    const found = await reader.request('GET', '/cy/forums/search?q=anodd');
    expect(found.body).toContain('1 canlyniad');
    expect(found.body).toContain(`href="/cy/forums/posts/${postId}"`);
    expect(found.body).toContain('hreflang="en" href="/forums/search?q=anodd"');
    expect((await reader.request('GET', '/cy/forums/search?q=zzzyx')).body).toContain('0 canlyniad');
    const english = await reader.request('GET', '/forums/search?q=anodd');
    expect(english.body).toContain('1 result');
    expect(english.body).toContain('hreflang="cy" href="/cy/forums/search?q=anodd"');

    // Follow: the form posts under /cy and comes back there.
    const follow = await reader.request('GET', `/cy/forums/topics/${topicId}/follow`);
    expectWelshPage(follow.body, `/cy/forums/topics/${topicId}/follow`);
    expect(follow.body).toContain('<h1 class="govuk-heading-l">Dilyn y pwnc hwn</h1>');
    expect(follow.body).toContain(`action="/cy/forums/topics/${topicId}/follow"`);
    const followed = await reader.form(`/cy/forums/topics/${topicId}/follow`, { follow: 'yes' });
    expect(followed.statusCode).toBe(303);
    expect(followed.headers.location).toBe(`/cy/forums/topics/${topicId}/follow`);
    const following = await reader.request('GET', `/cy/forums/topics/${topicId}/follow`);
    expect(following.body).toContain('Rydych chi&#39;n dilyn y pwnc hwn');
    expect(following.body).toContain('Stopio dilyn');

    // Report: a Welsh error, then a Welsh thank-you that leads back to the Welsh topic.
    const report = await reader.request('GET', `/cy/forums/posts/${postId}/report`);
    expectWelshPage(report.body, `/cy/forums/posts/${postId}/report`);
    expect(report.body).toContain('Rhoi gwybod am neges');
    expect(report.body).toContain('Sbam neu hysbyseb yw hi');
    expect(report.body).toContain(`action="/cy/forums/posts/${postId}/report"`);
    const noReason = await reader.form(`/cy/forums/posts/${postId}/report`, { detail: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Mae problem');
    expect(noReason.body).toContain('Dewiswch pam rydych chi&#39;n rhoi gwybod am y neges hon');
    expect(noReason.body).not.toContain('Choose why');
    const tooLong = await reader.form(`/cy/forums/posts/${postId}/report`, { reason: 'spam', detail: 'x'.repeat(501) });
    expect(tooLong.body).toContain('Dywedwch wrthon ni mewn 500 nod neu lai');
    const sent = await reader.form(`/cy/forums/posts/${postId}/report`, { reason: 'spam', detail: '' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Diolch. Bydd cymedrolwr yn edrych ar y neges hon');
    expect(sent.body).toContain(`href="/cy/forums/topics/${topicId}"`);

    // The professionals' request: Welsh errors, the redirect under /cy, and the moderator's answer in Welsh.
    const pro = await author.request('GET', '/cy/forums/professionals');
    expectWelshPage(pro.body, '/cy/forums/professionals');
    expect(pro.body).toContain('Fforwm y gweithwyr proffesiynol');
    expect(pro.body).toContain('Cynghorydd trais domestig annibynnol (IDVA)');
    expect(pro.body).toContain('action="/cy/forums/professionals"');
    const proBad = await author.form('/cy/forums/professionals', { note: 'byr' });
    expect(proBad.statusCode).toBe(400);
    expect(proBad.body).toContain('Dewiswch eich rôl');
    expect(proBad.body).toContain('Dywedwch wrth y cymedrolwyr ble rydych chi&#39;n gweithio');
    const asked = await author.form('/cy/forums/professionals', { role: 'idva', note: 'IDVA mewn gwasanaeth yn Abertawe' });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe('/cy/forums/professionals');
    expect((await author.request('GET', '/cy/forums/professionals')).body).toContain('Diolch. Bydd cymedrolwr yn gwirio eich rôl');
    const authorId = (
      await t.services.database.db.selectFrom('forum_members').select('id').where('name', '=', 'Dyfrgi Tawel 31').executeTakeFirstOrThrow()
    ).id;
    expect((await staff(`/staff/moderation/professionals/${authorId}`, { decision: 'approve' })).statusCode).toBe(303);

    // Notifications: the moderators' stored English sentences said in Welsh, links under /cy.
    const notes = await author.request('GET', '/cy/forums/notifications');
    expectWelshPage(notes.body, '/cy/forums/notifications');
    expect(notes.body).toContain('<h1 class="govuk-heading-l">Hysbysiadau</h1>');
    expect(notes.body).toContain(
      `Mae cymedrolwr wedi cyhoeddi <a class="govuk-link" href="/cy/forums/posts/${postId}">eich neges</a> yn y pwnc`,
    );
    expect(notes.body).toContain('Mae cymedrolwr wedi gwirio eich rôl.');
    expect(notes.body).not.toContain('A moderator');
    const readerId = (
      await t.services.database.db.selectFrom('forum_members').select('id').where('name', '=', 'Barcud Dewr 32').executeTakeFirstOrThrow()
    ).id;
    expect((await staff(`/staff/moderation/members/${readerId}/standing`, { action: 'suspend', days: '7' })).statusCode).toBe(303);
    const paused = await reader.request('GET', '/cy/forums/notifications');
    expect(paused.body).toContain('Mae cymedrolwr wedi oedi eich negeseuon am 7 diwrnod oherwydd rheolau&#39;r fforymau.');
    expect((await staff(`/staff/moderation/members/${readerId}/standing`, { action: 'reinstate' })).statusCode).toBe(303);

    // Your posts, then deleting one: the confirmation page, an expired form in Welsh, and the Welsh message.
    const reply = await author.form(`/cy/forums/topics/${topicId}/replies`, { body: 'Diolch i bawb am ddarllen.' });
    const replyId = postIdFrom(reply.headers.location);
    const mine = await author.request('GET', '/cy/forums/my-posts');
    expectWelshPage(mine.body, '/cy/forums/my-posts');
    expect(mine.body).toContain('<h1 class="govuk-heading-l">Eich negeseuon</h1>');
    expect(mine.body).toContain('Dechreuoch chi&#39;r pwnc');
    expect(mine.body).toContain(`href="/cy/forums/posts/${replyId}"`);
    const del = await author.request('GET', `/cy/forums/posts/${replyId}/delete`);
    expectWelshPage(del.body, `/cy/forums/posts/${replyId}/delete`);
    expect(del.body).toContain('Dileu&#39;r neges hon?');
    expect(del.body).toContain(`action="/cy/forums/posts/${replyId}/delete"`);
    const stale = await author.request('POST', `/cy/forums/posts/${replyId}/delete`, {
      payload: new URLSearchParams({ _csrf: 'not-the-token' }).toString(),
      headers: FORM,
      csrf: false,
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.body).toContain('Mae&#39;r ffurflen hon wedi dod i ben');
    const deleted = await author.form(`/cy/forums/posts/${replyId}/delete`, {});
    expect(deleted.statusCode).toBe(200);
    expect(deleted.body).toContain('Mae eich neges wedi&#39;i dileu');
    expect(deleted.body).toContain('<a class="govuk-link" href="/cy/forums">Mynd i&#39;r fforymau</a>');

    // The topic page links every one of these pages under /cy, none marked as English.
    const topic = await reader.request('GET', `/cy/forums/topics/${topicId}`);
    expect(topic.body).toContain(`href="/cy/forums/topics/${topicId}/follow"`);
    expect(topic.body).toContain(`href="/cy/forums/posts/${postId}/report"`);
    expect(topic.body).toContain('data-forum-base="/cy/forums" data-forum-change="Newid" data-forum-delete="Dileu"');
    expect(topic.body).not.toMatch(/href="\/forums[^"]*" hreflang="en"/);

    // Leaving: a Welsh error, then the Welsh goodbye.
    const leave = await reader.request('GET', '/cy/forums/leave');
    expectWelshPage(leave.body, '/cy/forums/leave');
    expect(leave.body).toContain('Dileu eich aelodaeth o&#39;r fforymau');
    expect(leave.body).toContain('action="/cy/forums/leave"');
    const unsure = await reader.form('/cy/forums/leave', {});
    expect(unsure.statusCode).toBe(400);
    expect(unsure.body).toContain('<span class="govuk-visually-hidden">Gwall:</span>');
    expect(unsure.body).toContain('Cadarnhewch eich bod eisiau dileu eich aelodaeth o&#39;r fforymau a&#39;ch negeseuon');
    const gone = await reader.form('/cy/forums/leave', { confirm: 'yes' });
    expect(gone.statusCode).toBe(200);
    expect(gone.body).toContain('Mae eich aelodaeth o&#39;r fforymau wedi&#39;i dileu');
    expect((await reader.request('GET', '/cy/forums')).body).toContain('Dewiswch enw fforwm');
  });
});
