import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { addMember, firstAdmin, type SetUpMember } from '../../../../test/support/staff.ts';
import { VaultClient, vaultDialects } from '../../../../test/support/vault.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A member's browser: a vault session, then forum forms with the session's CSRF token. */
class Member extends VaultClient {
  name = '';
  form(url: string, fields: Record<string, string>, csrf = true) {
    const body = new URLSearchParams({ ...(csrf ? { _csrf: this.csrfToken ?? '' } : {}), ...fields }).toString();
    return this.request('POST', url, { payload: body, headers: FORM, csrf: false });
  }
  static async join(app: TestApp['app'], name: string): Promise<Member> {
    const member = new Member(app);
    await member.signUp();
    const res = await member.form('/forums/join', { name, agree: 'yes' });
    if (res.statusCode !== 303) throw new Error(`join ${res.statusCode} ${res.body.slice(0, 2000)}`);
    member.name = name;
    return member;
  }
}

const postIdFrom = (location: string | string[] | number | undefined) => Number(/\/posts\/(\d+)/.exec(String(location))?.[1]);

for (const dialect of await vaultDialects()) {
  describe(`forums on ${dialect}`, () => {
    let t: TestApp;
    const now = Date.UTC(2026, 10, 23, 12);
    let moderator: SetUpMember;
    let admin: SetUpMember;
    beforeAll(async () => {
      t = await buildTestApp({ dialect, clock: () => now });
      admin = await firstAdmin(t.app, t.services, () => now);
      moderator = await addMember(admin.client, ['moderator'], () => now, 'Morgan Moderator');
    }, 60_000);
    afterAll(async () => t?.close());

    const moderate = (postId: number, action: string, fields: Record<string, string> = {}) =>
      moderator.client.request('POST', `/staff/moderation/posts/${postId}/${action}`, {
        body: new URLSearchParams({ _csrf: moderator.client.csrf, ...fields }).toString(),
        headers: FORM,
      });

    async function publishedTopic(author: Member, title: string, body: string): Promise<{ topicId: number; postId: number }> {
      const res = await author.form('/forums/boards/living-with-it/topics', { title, body, intent: 'publish' });
      expect(res.statusCode, res.body.slice(0, 1500)).toBe(303);
      const postId = postIdFrom(res.headers.location);
      const post = await t.services.database.db
        .selectFrom('forum_posts')
        .select(['topic_id', 'status'])
        .where('id', '=', postId)
        .executeTakeFirstOrThrow();
      if (post.status === 'held') expect((await moderate(postId, 'approve')).statusCode).toBe(303);
      return { topicId: Number(post.topic_id), postId };
    }

    it('keeps the forums to signed-in members, never indexed', async () => {
      const stranger = await t.app.inject({ url: '/forums/boards/living-with-it' });
      expect(stranger.statusCode).toBe(401);
      expect(stranger.body).toContain('noindex');
      const landing = await t.app.inject({ url: '/forums' });
      expect(landing.statusCode).toBe(200);
      expect(landing.body).toContain('Open your private record');
      expect(landing.headers['cache-control']).toBe('no-store');
    });

    it('joins with a forum name that is not the username, and refuses a taken one', async () => {
      const member = new Member(t.app);
      const credentials = await member.signUp();
      const page = await member.request('GET', '/forums');
      expect(page.body).toContain('Do not use your real name');
      const same = await member.form('/forums/join', { name: credentials.username, agree: 'yes' });
      expect(same.statusCode).toBe(400);
      expect(same.body).toContain('different from your Casebook username');
      expect((await member.form('/forums/join', { name: 'Calm Otter 11', agree: 'yes' }, false)).statusCode).toBe(403);
      expect((await member.form('/forums/join', { name: 'Calm Otter 11', agree: 'yes' })).statusCode).toBe(303);
      const other = new Member(t.app);
      await other.signUp();
      const taken = await other.form('/forums/join', { name: 'calm_otter 11', agree: 'yes' });
      expect(taken.statusCode).toBe(400);
      expect(taken.body).toContain('That forum name is taken');
    });

    it('holds a new member’s first posts, publishes on approval, and records it in the audit log', async () => {
      const author = await Member.join(t.app, 'Quiet Fern 20');
      const reader = await Member.join(t.app, 'Brave Robin 21');
      const res = await author.form('/forums/boards/living-with-it/topics', {
        title: 'Finding it hard to sleep',
        body: 'Does anyone have tips for *sleeping* again?',
        intent: 'publish',
      });
      expect(res.statusCode).toBe(303);
      const postId = postIdFrom(res.headers.location);
      const posted = await author.request('GET', String(res.headers.location));
      expect(posted.body).toContain('Your post is waiting for a moderator');
      const topic = await t.services.database.db
        .selectFrom('forum_posts')
        .select('topic_id')
        .where('id', '=', postId)
        .executeTakeFirstOrThrow();
      expect((await reader.request('GET', `/forums/topics/${topic.topic_id}`)).statusCode).toBe(404);

      const queue = await moderator.client.request('GET', '/staff/moderation');
      expect(queue.body).toContain('Finding it hard to sleep');
      expect((await moderate(postId, 'approve')).statusCode).toBe(303);
      const page = await reader.request('GET', `/forums/topics/${topic.topic_id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<em>sleeping</em>');
      expect(page.body).toContain('Quiet Fern 20');
      expect(page.body).toContain('noindex');
      const audit = await t.services.audit.list({ action: 'forum.post.' }, {});
      expect(audit.entries.some((e) => e.action === 'forum.post.approve' && e.subjectId === String(postId))).toBe(true);
      expect(JSON.stringify(audit.entries)).not.toContain('sleeping');
    });

    it('catches identifying details and shows them highlighted, until removed', async () => {
      const member = await Member.join(t.app, 'Misty Heron 30');
      const res = await member.form('/forums/boards/living-with-it/topics', {
        title: 'He drives past',
        body: 'His car is AB12 CDE and he lives at 14 Acacia Avenue, LS6 2AB. Ring 07911 123456.',
        intent: 'publish',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Check these details before posting');
      for (const found of ['AB12 CDE', '14 Acacia Avenue', 'LS6 2AB', '07911 123456'])
        expect(res.body).toContain(`<mark class="casebook-forum-finding">${found}`);
      const count = await t.services.database.db
        .selectFrom('forum_posts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('body', 'like', '%AB12 CDE%')
        .executeTakeFirst();
      expect(Number(count?.n)).toBe(0);
    });

    it('shows Samaritans and 999 at once for crisis wording and puts the post first in the queue', async () => {
      const member = await Member.join(t.app, 'Amber Maple 40');
      const res = await member.form('/forums/boards/looking-after-yourself/topics', {
        title: 'Cannot cope',
        body: 'Some days I want to die.',
        intent: 'publish',
      });
      expect(res.statusCode).toBe(303);
      const posted = await member.request('GET', String(res.headers.location));
      expect(posted.body).toContain('116 123');
      expect(posted.body).toContain('tel:999');
      const queue = await moderator.client.request('GET', '/staff/moderation');
      const first = /href="\/staff\/moderation\/posts\/(\d+)"/.exec(queue.body)?.[1];
      expect(Number(first)).toBe(postIdFrom(res.headers.location));
      expect(queue.body).toContain('Crisis: suicide');
    });

    it('lets members edit and delete only their own posts', async () => {
      const author = await Member.join(t.app, 'Golden Otter 50');
      const other = await Member.join(t.app, 'Kind Badger 51');
      const { topicId } = await publishedTopic(author, 'Court next week', 'Nervous about court.');
      const reply = await other.form(`/forums/topics/${topicId}/replies`, {
        body: 'You will be fine, take someone with you.',
        intent: 'publish',
      });
      const replyId = postIdFrom(reply.headers.location);
      await moderate(replyId, 'approve');

      expect((await author.request('GET', `/forums/posts/${replyId}/edit`)).statusCode).toBe(403);
      expect((await author.form(`/forums/posts/${replyId}/edit`, { body: 'changed by someone else', intent: 'publish' })).statusCode).toBe(
        403,
      );
      expect((await author.form(`/forums/posts/${replyId}/delete`, {})).statusCode).toBe(403);
      expect((await other.form(`/forums/posts/${replyId}/edit`, { body: 'Take a friend with you.', intent: 'publish' })).statusCode).toBe(
        303,
      );
      // A member who is still new has an edit read again before it shows: approve-then-edit is no way round moderation.
      expect((await author.request('GET', `/forums/topics/${topicId}`)).body).not.toContain('Take a friend with you.');
      await moderate(replyId, 'approve');
      const page = await author.request('GET', `/forums/topics/${topicId}`);
      expect(page.body).toContain('Take a friend with you.');
      expect((await other.form(`/forums/posts/${replyId}/delete`, {})).statusCode).toBe(200);
      expect((await author.request('GET', `/forums/topics/${topicId}`)).body).not.toContain('Take a friend');
      expect((await other.request('GET', `/forums/posts/${replyId}`)).statusCode).toBe(404);
    });

    it('answers bad ids, unknown ids and huge posts with a clear 4xx', async () => {
      const member = await Member.join(t.app, 'Sunlit Fern 60');
      expect((await member.request('GET', '/forums/topics/abc')).statusCode).toBe(400);
      expect((await member.request('GET', '/forums/topics/99999999')).statusCode).toBe(404);
      expect((await member.request('GET', '/forums/posts/0')).statusCode).toBe(400);
      expect((await member.request('GET', '/forums/boards/NOPE')).statusCode).toBe(400);
      expect((await member.request('GET', '/forums/boards/nope')).statusCode).toBe(404);
      const long = await member.form('/forums/boards/living-with-it/topics', {
        title: 'A long one',
        body: 'x'.repeat(10_001),
        intent: 'publish',
      });
      expect(long.statusCode).toBe(400);
      expect(long.body).toContain('10,000 characters or fewer');
      const huge = await member.form('/forums/boards/living-with-it/topics', {
        title: 'A huge one',
        body: 'x'.repeat(200_000),
        intent: 'publish',
      });
      expect(huge.statusCode).toBe(413);
      expect(huge.body).toContain('Your post is too long');
    });

    it('keeps the professionals’ forum closed until a moderator approves the role, then shows it on posts', async () => {
      const pro = await Member.join(t.app, 'Steady Kestrel 70');
      expect((await pro.request('GET', '/forums/boards/practice')).statusCode).toBe(403);
      expect(
        (await pro.form('/forums/boards/practice/topics', { title: 'Risk question', body: 'How do you use DASH?', intent: 'publish' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await pro.form('/forums/professionals', { role: 'idva', note: 'IDVA at a Leeds service, check via the team manager' })).statusCode,
      ).toBe(303);
      const waiting = await moderator.client.request('GET', '/staff/moderation/professionals');
      expect(waiting.body).toContain('Steady Kestrel 70');
      const memberId = /professionals\/([0-9a-f-]{36})/.exec(waiting.body)![1]!;
      const approve = await moderator.client.request('POST', `/staff/moderation/professionals/${memberId}`, {
        body: new URLSearchParams({ _csrf: moderator.client.csrf, decision: 'approve' }).toString(),
        headers: FORM,
      });
      expect(approve.statusCode).toBe(303);
      expect((await pro.request('GET', '/forums/boards/practice')).statusCode).toBe(200);
      const res = await pro.form('/forums/boards/practice/topics', {
        title: 'Risk question',
        body: 'How do you use DASH?',
        intent: 'publish',
      });
      const postId = postIdFrom(res.headers.location);
      await moderate(postId, 'approve');
      const post = await pro.request('GET', `/forums/posts/${postId}`);
      expect(post.body).toContain('IDVA');
    });

    it('flags go to the queue; a hidden post shows only a notice; removal tells the member why', async () => {
      const author = await Member.join(t.app, 'Patient Willow 80');
      const flagger = await Member.join(t.app, 'Hopeful Sparrow 81');
      const { topicId, postId } = await publishedTopic(author, 'A worrying post', 'Something a reader may want to report.');
      expect((await flagger.form(`/forums/posts/${postId}/report`, { reason: 'nonsense' })).statusCode).toBe(400);
      expect(
        (await flagger.form(`/forums/posts/${postId}/report`, { reason: 'suspicious', detail: 'Reads like the stalker' })).statusCode,
      ).toBe(200);
      const queue = await moderator.client.request('GET', '/staff/moderation');
      expect(queue.body).toContain('1 report');
      expect((await moderate(postId, 'hide')).statusCode).toBe(303);
      const page = await flagger.request('GET', `/forums/topics/${topicId}`);
      expect(page.statusCode).toBe(404);

      const { postId: second } = await publishedTopic(author, 'Another post here', 'This one will be removed.');
      expect((await moderate(second, 'remove', { reason: '' })).statusCode).toBe(400);
      expect((await moderate(second, 'remove', { reason: 'harassment', message: 'Please keep it kind.' })).statusCode).toBe(303);
      const notes = await author.request('GET', '/forums/notifications');
      expect(notes.body).toContain('It was unkind, abusive or harassing. Please keep it kind.');
    });

    it('moderator edits carry a visible note; suspension stops posting; filters hold and refuse', async () => {
      const author = await Member.join(t.app, 'Calm Lantern 90');
      const { topicId, postId } = await publishedTopic(author, 'About my town', 'I live in a small town near the coast.');
      expect(
        (await moderate(postId, 'edit', { body: 'I live in a small town.', note: 'Edited by a moderator to remove a place.' })).statusCode,
      ).toBe(303);
      const page = await author.request('GET', `/forums/topics/${topicId}`);
      expect(page.body).toContain('Edited by a moderator to remove a place.');

      const filter = (kind: string, pattern: string) =>
        moderator.client.request('POST', '/staff/moderation/filters', {
          body: new URLSearchParams({ _csrf: moderator.client.csrf, kind, pattern }).toString(),
          headers: FORM,
        });
      expect((await filter('link', 'https://bad.example/path')).statusCode).toBe(303);
      expect((await filter('word', 'Scam')).statusCode).toBe(303);
      expect((await filter('link', 'not a site')).statusCode).toBe(400);
      const { topicId: t2 } = await publishedTopic(author, 'Second topic', 'More words.');
      const linked = await author.form(`/forums/topics/${t2}/replies`, { body: 'see http://bad.example/x', intent: 'publish' });
      expect(linked.statusCode).toBe(400);
      expect(linked.body).toContain('Links to bad.example are not allowed');

      const member = await t.services.database.db
        .selectFrom('forum_members')
        .select('id')
        .where('name', '=', 'Calm Lantern 90')
        .executeTakeFirstOrThrow();
      const suspend = await moderator.client.request('POST', `/staff/moderation/members/${member.id}/standing`, {
        body: new URLSearchParams({ _csrf: moderator.client.csrf, action: 'suspend', days: '7' }).toString(),
        headers: FORM,
      });
      expect(suspend.statusCode).toBe(303);
      expect((await author.form(`/forums/topics/${t2}/replies`, { body: 'Can I still post?', intent: 'publish' })).statusCode).toBe(403);
      expect((await author.request('GET', `/forums/topics/${t2}`)).statusCode).toBe(200);
    });

    it('refuses the moderation screens to members and to staff without the role', async () => {
      const member = await Member.join(t.app, 'Velvet Heron 95');
      expect((await member.request('GET', '/staff/moderation', { headers: { accept: 'text/html' } })).statusCode).toBe(303);
      expect(
        (await member.request('POST', '/staff/moderation/filters', { payload: 'kind=word&pattern=abc', headers: FORM })).statusCode,
      ).toBe(401);
      const caseworker = await addMember(admin.client, ['caseworker'], () => now, 'Casey Caseworker');
      expect((await caseworker.client.request('GET', '/staff/moderation', { headers: { accept: 'text/html' } })).statusCode).toBe(403);
      const noCsrf = await moderator.client.request('POST', '/staff/moderation/filters', {
        body: 'kind=word&pattern=abc',
        headers: { ...FORM, 'x-csrf-token': '' },
      });
      expect(noCsrf.statusCode).toBe(403);
    });

    it('pages through 5,000 replies with keysets, both ways', async () => {
      const author = await Member.join(t.app, 'Mossy Pebble 99');
      const { topicId } = await publishedTopic(author, 'A very long topic', 'Opening post.');
      const memberRow = await t.services.database.db
        .selectFrom('forum_members')
        .select('id')
        .where('name', '=', 'Mossy Pebble 99')
        .executeTakeFirstOrThrow();
      const rows = Array.from({ length: 5000 }, (_, i) => ({
        topic_id: topicId,
        member_id: memberRow.id,
        is_opening: 0,
        body: `reply ${i}`,
        body_html: `<p class="govuk-body">reply number ${i}</p>`,
        search_text: `reply ${i}`,
        status: 'published',
        created_at: now + i,
      }));
      for (let i = 0; i < rows.length; i += 500)
        await t.services.database.db
          .insertInto('forum_posts')
          .values(rows.slice(i, i + 500))
          .execute();
      await t.services.database.db.updateTable('forum_topics').set({ reply_count: 5000, version: 99 }).where('id', '=', topicId).execute();
      const last = await author.request('GET', `/forums/topics/${topicId}?last`);
      expect(last.body).toContain('reply number 4999<');
      expect(last.body).not.toContain('reply number 4974<');
      const earlier = /href="(\?before=\d+)"/.exec(last.body)![1]!.replace(/&amp;/g, '&');
      const previous = await author.request('GET', `/forums/topics/${topicId}${earlier}`);
      expect(previous.body).toContain('reply number 4974<');
      const first = await author.request('GET', `/forums/topics/${topicId}`);
      expect(first.body).toContain('Opening post.');
      expect(first.body).toContain('reply number 23<');
      const later = /href="(\?after=\d+)"/.exec(first.body)![1]!;
      expect((await author.request('GET', `/forums/topics/${topicId}${later}`)).body).toContain('reply number 24<');
    });

    it('searches published posts the member may read, follows a topic and notifies inside Casebook', async () => {
      const author = await Member.join(t.app, 'Bright Thistle 100');
      const follower = await Member.join(t.app, 'Warm Orchard 101');
      const { topicId } = await publishedTopic(author, 'Tracking devices on cars', 'Has anyone found a tracker under their wheel arch?');
      const found = await follower.request('GET', '/forums/search?q=tracker wheel');
      expect(found.body).toContain('Tracking devices on cars');
      expect((await follower.request('GET', '/forums/search?q=DASH')).body).not.toContain('Risk question');
      expect((await follower.form(`/forums/topics/${topicId}/follow`, { follow: 'yes' })).statusCode).toBe(303);
      const reply = await author.form(`/forums/topics/${topicId}/replies`, { body: 'Update: the garage checked it.', intent: 'publish' });
      const replyId = postIdFrom(reply.headers.location);
      const status = await t.services.database.db
        .selectFrom('forum_posts')
        .select('status')
        .where('id', '=', replyId)
        .executeTakeFirstOrThrow();
      if (status.status === 'held') await moderate(replyId, 'approve');
      const index = await follower.request('GET', '/forums');
      expect(index.body).toMatch(/Notifications <strong class="casebook-forum-count">1/);
      const notes = await follower.request('GET', '/forums/notifications');
      expect(notes.body).toContain('New reply in');
    });

    it('takes pictures from established members only, with their location and camera details stripped', async () => {
      const member = await Member.join(t.app, 'Hidden Meadow 120');
      const photo = readFileSync(join(import.meta.dirname, '../../../../test/fixtures/forums/photo-with-gps.jpg'));
      expect(photo.toString('latin1')).toContain('SN123456789');
      const multipart = (fields: Record<string, string>, file?: Buffer | Buffer[], url = '/forums/boards/living-with-it/topics') => {
        const boundary = '----casebook-test-boundary';
        const parts: Buffer[] = Object.entries({ _csrf: member.csrfToken!, ...fields }).map(([k, v]) =>
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
        );
        for (const one of file === undefined ? [] : Array.isArray(file) ? file : [file]) {
          parts.push(
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
            ),
            one,
            Buffer.from('\r\n'),
          );
        }
        parts.push(Buffer.from(`--${boundary}--\r\n`));
        return member.request('POST', url, {
          payload: Buffer.concat(parts),
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
          csrf: false,
        });
      };
      const refused = await multipart({ title: 'My garden', body: 'A picture of flowers.', intent: 'publish' }, photo);
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('New members cannot add pictures yet');
      await t.services.database.db
        .updateTable('forum_members')
        .set({ approved_posts: 5, joined_at: now - 30 * 86_400_000 })
        .where('name', '=', 'Hidden Meadow 120')
        .execute();
      expect(
        (await multipart({ title: 'My garden', body: 'A picture.', intent: 'publish' }, Buffer.from('<svg onload=alert(1)>'))).statusCode,
      ).toBe(400);
      const res = await multipart({ title: 'My garden', body: 'A picture of flowers.', intent: 'publish' }, photo);
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
      const page = await member.request('GET', `/forums/posts/${postIdFrom(res.headers.location)}`);
      const src = /src="(\/forums\/images\/[0-9a-f-]{36})"/.exec(page.body)![1]!;
      const image = await member.request('GET', src);
      expect(image.headers['content-type']).toBe('image/jpeg');
      expect(image.rawPayload.toString('latin1')).not.toMatch(/SN123456789|Jo Bloggs|GPS/);
      expect(image.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      expect((await t.app.inject({ url: src })).statusCode).toBe(401);

      // Changing the post: take the picture out and add two, within the limit counted over both.
      const postId = postIdFrom(res.headers.location);
      const firstImage = src.split('/').pop()!;
      const edit = `/forums/posts/${postId}/edit`;
      const form = await member.request('GET', edit);
      expect(form.body).toContain('enctype="multipart/form-data"');
      expect(form.body).toContain(`name="remove-${firstImage}"`);
      const tooMany = await multipart(
        { title: 'My garden', body: 'A picture of flowers.', intent: 'publish' },
        [photo, photo, photo, photo],
        edit,
      );
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.body).toContain('A post can have up to 4 pictures');
      // Another post's picture id in a "take out" box is ignored: only this post's own can be named.
      const changed = await multipart(
        {
          title: 'My garden',
          body: 'Flowers, two new pictures.',
          intent: 'publish',
          [`remove-${firstImage}`]: 'yes',
          'remove-00000000-0000-4000-8000-000000000000': 'yes',
        },
        [photo, photo],
        edit,
      );
      expect(
        changed.statusCode,
        changed.body
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .slice(0, 3000),
      ).toBe(303);
      const after = await member.request('GET', `/forums/posts/${postId}`);
      const sources = [...after.body.matchAll(/src="\/forums\/images\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
      expect(sources).toHaveLength(2);
      expect(sources).not.toContain(firstImage);
      expect((await member.request('GET', src)).statusCode).toBe(404);
      for (const id of sources)
        expect((await member.request('GET', `/forums/images/${id}`)).rawPayload.toString('latin1')).not.toMatch(/SN123456789|GPS/);
    });

    it('reads picture forms with boundaries only at line starts, and answers broken or oversized ones with a clear 4xx', async () => {
      const member = await Member.join(t.app, 'Quiet Harbour 125');
      await t.services.database.db
        .updateTable('forum_members')
        .set({ approved_posts: 5, joined_at: now - 30 * 86_400_000 })
        .where('name', '=', 'Quiet Harbour 125')
        .execute();
      const boundary = 'casebook-b';
      const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const file = (data: Buffer) =>
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="images"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
          ),
          data,
          Buffer.from('\r\n'),
        ]);
      const fields = (body: string) =>
        field('_csrf', member.csrfToken!) + field('title', 'My garden') + field('body', body) + field('intent', 'publish');
      const send = (payload: Buffer | string, contentType = `multipart/form-data; boundary=${boundary}`) =>
        member.request('POST', '/forums/boards/living-with-it/topics', { payload, headers: { 'content-type': contentType }, csrf: false });
      const unreadable = (res: { statusCode: number; body: string }) => {
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('This form could not be read');
      };

      // The boundary's text inside a value is not a delimiter: only at the start of a line is it one.
      const inside = await send(`${fields(`Flowers x--${boundary} and --${boundary}-- too.`)}--${boundary}--\r\n`);
      expect(inside.statusCode, inside.body.slice(0, 500)).toBe(303);
      expect((await member.request('GET', String(inside.headers.location).replace('/posted', ''))).body).toContain(
        `Flowers x--${boundary} and --${boundary}-- too.`,
      );

      unreadable(await send(`${fields('No boundary given.')}--${boundary}--\r\n`, 'multipart/form-data'));
      unreadable(await send(fields('Cut off before the end.').slice(0, -40)));
      unreadable(await send(`${fields('A prototype.')}${field('__proto__', 'x')}--${boundary}--\r\n`));
      const oversized = await send(
        Buffer.concat([
          Buffer.from(fields('A big picture.')),
          file(Buffer.alloc(5 * 1024 * 1024 + 10, 0xff)),
          Buffer.from(`--${boundary}--\r\n`),
        ]),
      );
      expect(oversized.statusCode).toBe(400);
      expect(oversized.body).toContain('Pictures must be 5 MB or smaller.');
      const tooMany = await send(
        Buffer.concat([
          Buffer.from(fields('Lots of pictures.')),
          ...Array.from({ length: 21 }, () => file(Buffer.from('x'))),
          Buffer.from(`--${boundary}--\r\n`),
        ]),
      );
      expect(tooMany.statusCode).toBe(413);
      expect(tooMany.body).toContain('Your post is too long');
      // A form out of the shape any of our pages sends.
      unreadable(
        await member.form('/forums/boards/living-with-it/topics', { title: 'My garden', body: 'Flowers.', intent: 'x'.repeat(100) }),
      );
    });

    /** A topic changed behind the app's back (nothing in the app does that) is still served: the view came from memory. */
    async function expectRemembered(member: Member, topicId: number) {
      const { db } = t.services.database;
      expect((await member.request('GET', `/forums/topics/${topicId}`)).statusCode).toBe(200);
      await db.updateTable('forum_topics').set({ status: 'removed' }).where('id', '=', topicId).execute();
      expect((await member.request('GET', `/forums/topics/${topicId}`)).statusCode).toBe(200);
      await db.updateTable('forum_topics').set({ status: 'published' }).where('id', '=', topicId).execute();
    }
    /** Signs out and sends the old cookie again, as a copy of it kept elsewhere would be. */
    async function signOut(member: Member, url = '/api/v1/session') {
      const cookie = member.cookie;
      expect((await member.request('DELETE', url)).statusCode).toBe(204);
      member.cookie = cookie;
    }

    it('answers a repeat topic view from memory, yet never after sign-out, a ban, leaving or a hidden post', async () => {
      const author = await Member.join(t.app, 'Clear Brook 130');
      const { topicId, postId } = await publishedTopic(author, 'Read twice', 'A topic read more than once.');
      const view = (member: Member) => member.request('GET', `/forums/topics/${topicId}`);
      const signedOut = await Member.join(t.app, 'Soft Rain 131');
      const banned = await Member.join(t.app, 'Grey Heron 132');
      const leaving = await Member.join(t.app, 'Still Pond 133');
      const hider = await Member.join(t.app, 'Tall Reed 134');
      for (const member of [signedOut, banned, leaving, hider]) expect((await view(member)).statusCode).toBe(200);

      await expectRemembered(signedOut, topicId);
      await signOut(signedOut);
      expect((await view(signedOut)).statusCode).toBe(401);

      await expectRemembered(banned, topicId);
      const memberId = (
        await t.services.database.db.selectFrom('forum_members').select('id').where('name', '=', 'Grey Heron 132').executeTakeFirstOrThrow()
      ).id;
      const ban = await moderator.client.request('POST', `/staff/moderation/members/${memberId}/standing`, {
        body: new URLSearchParams({ _csrf: moderator.client.csrf, action: 'ban' }).toString(),
        headers: FORM,
      });
      expect(ban.statusCode).toBe(303);
      const refused = await view(banned);
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('Your forum membership has ended');

      await expectRemembered(leaving, topicId);
      expect((await leaving.form('/forums/leave', { confirm: 'yes' })).statusCode).toBe(200);
      expect((await view(leaving)).statusCode).toBe(303);

      await expectRemembered(hider, topicId);
      expect((await moderate(postId, 'hide')).statusCode).toBe(303);
      expect((await view(hider)).statusCode).toBe(404);
      expect((await view(author)).statusCode).toBe(200);
    });

    it('opens a professionals’ topic from memory only once the role is approved', async () => {
      const pro = await Member.join(t.app, 'Level Ridge 140');
      const author = await t.services.database.db
        .selectFrom('forum_members')
        .select('id')
        .where('name', '=', 'Level Ridge 140')
        .executeTakeFirstOrThrow();
      const topic = await t.services.database.db
        .insertInto('forum_topics')
        .values({
          board_id: 'practice',
          member_id: author.id,
          title: 'Practice topic',
          status: 'published',
          created_at: now,
          last_post_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.services.database.db
        .insertInto('forum_posts')
        .values({
          topic_id: Number(topic.id),
          member_id: author.id,
          is_opening: 1,
          body: 'x',
          body_html: '<p>x</p>',
          search_text: 'x',
          status: 'published',
          created_at: now,
        })
        .execute();
      const open = await pro.request('GET', `/forums/topics/${topic.id}`);
      expect(open.statusCode).toBe(403);
      expect(
        (await pro.form('/forums/professionals', { role: 'police', note: 'Officer at West Yorkshire Police, check via the station' }))
          .statusCode,
      ).toBe(303);
      const decide = await moderator.client.request('POST', `/staff/moderation/professionals/${author.id}`, {
        body: new URLSearchParams({ _csrf: moderator.client.csrf, decision: 'approve' }).toString(),
        headers: FORM,
      });
      expect(decide.statusCode).toBe(303);
      expect((await pro.request('GET', `/forums/topics/${topic.id}`)).statusCode).toBe(200);
    });

    it('forgets every session of an account at once: the account deleted, or signed out everywhere', async () => {
      const gone = new Member(t.app);
      const goneCredentials = await gone.signUp();
      await gone.form('/forums/join', { name: 'Faded Dune 150', agree: 'yes' });
      const { topicId } = await publishedTopic(gone, 'A topic that goes with its account', 'Gone soon.');
      const reader = new Member(t.app);
      const credentials = await reader.signUp();
      await reader.form('/forums/join', { name: 'Wide Sky 151', agree: 'yes' });
      const elsewhere = new Member(t.app);
      expect((await elsewhere.signIn(credentials.username, credentials.authKey)).statusCode).toBe(200);
      for (const member of [gone, reader, elsewhere])
        expect((await member.request('GET', `/forums/topics/${topicId}`)).statusCode).toBe(200);
      await expectRemembered(reader, topicId);

      const cookie = gone.cookie;
      expect((await gone.request('DELETE', '/api/v1/account', { body: { authKey: goneCredentials.authKey } })).statusCode).toBe(204);
      gone.cookie = cookie;
      expect((await gone.request('GET', `/forums/topics/${topicId}`)).statusCode).toBe(401);
      expect((await reader.request('GET', `/forums/topics/${topicId}`)).statusCode).toBe(404);

      await signOut(elsewhere, '/api/v1/sessions');
      expect((await reader.request('GET', `/forums/topics/${topicId}`)).statusCode).toBe(401);
      expect((await elsewhere.request('GET', `/forums/topics/${topicId}`)).statusCode).toBe(401);
    });

    it('deleting the membership deletes every post, and deleting the vault account does too', async () => {
      const member = await Member.join(t.app, 'Silver Brook 110');
      await publishedTopic(member, 'Goodbye topic', 'Words that must go.');
      expect((await member.form('/forums/leave', {})).statusCode).toBe(400);
      expect((await member.form('/forums/leave', { confirm: 'yes' })).statusCode).toBe(200);
      const left = await t.services.database.db.selectFrom('forum_posts').select('id').where('body', '=', 'Words that must go.').execute();
      expect(left).toEqual([]);
      const searchAfter = await (await Member.join(t.app, 'Kind Kestrel 111')).request('GET', '/forums/search?q=goodbye');
      expect(searchAfter.body).not.toContain('Goodbye topic');

      const second = new Member(t.app);
      const credentials = await second.signUp();
      await second.form('/forums/join', { name: 'Gentle River 112', agree: 'yes' });
      await publishedTopic(second, 'Vault deletion topic', 'Also gone with the account.');
      // A reply in someone else's topic, on a page already rendered (and kept) for a reader.
      const host = await Member.join(t.app, 'Warm Hearth 113');
      const { topicId } = await publishedTopic(host, 'A topic that stays', 'The host’s words stay.');
      const reply = await second.form(`/forums/topics/${topicId}/replies`, {
        body: 'A reply that goes with the account.',
        intent: 'publish',
      });
      await moderate(postIdFrom(reply.headers.location), 'approve');
      const before = await host.request('GET', `/forums/topics/${topicId}`);
      expect(before.body).toContain('A reply that goes with the account.');
      expect(before.body).toContain('1 reply');

      expect((await second.request('DELETE', '/api/v1/account', { body: { authKey: credentials.authKey } })).statusCode).toBe(204);
      const gone = await t.services.database.db
        .selectFrom('forum_posts')
        .select('id')
        .where('body', 'in', ['Also gone with the account.', 'A reply that goes with the account.'])
        .execute();
      expect(gone).toEqual([]);
      const after = await host.request('GET', `/forums/topics/${topicId}`);
      expect(after.statusCode).toBe(200);
      expect(after.body).toContain('The host’s words stay.');
      expect(after.body).not.toContain('A reply that goes with the account.');
      expect(after.body).not.toContain('1 reply');
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf((await vaultDialects()).includes('postgres'))('forums on two app processes sharing PostgreSQL', () => {
  const now = Date.UTC(2026, 10, 23, 12);
  let a: TestApp;
  let b: TestApp;
  let moderator: SetUpMember;
  beforeAll(async () => {
    a = await buildTestApp({ dialect: 'postgres', clock: () => now });
    b = await a.anotherProcess();
    moderator = await addMember((await firstAdmin(a.app, a.services, () => now)).client, ['moderator'], () => now, 'Morgan Moderator');
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const staffForm = (url: string, fields: Record<string, string>) =>
    moderator.client.request('POST', url, {
      body: new URLSearchParams({ _csrf: moderator.client.csrf, ...fields }).toString(),
      headers: FORM,
    });
  /** The same browser, its requests answered by the other process. */
  const onB = (member: Member) => Object.assign(new Member(b.app), { cookie: member.cookie, csrfToken: member.csrfToken });
  /** Well within the few seconds a kept view lasts, so only the event bus can have told process B. */
  async function soon(request: () => Promise<{ statusCode: number }>, status: number) {
    for (let i = 0; i < 40 && (await request()).statusCode !== status; i++) await sleep(50);
    expect((await request()).statusCode).toBe(status);
  }

  /** Polls until `ok`, and fails unless it held within `ms`: "a few seconds", measured. */
  async function within(ms: number, ok: () => Promise<boolean>) {
    const start = performance.now();
    while (!(await ok())) {
      expect(performance.now() - start, `not within ${ms} ms`).toBeLessThan(ms);
      await sleep(25);
    }
  }

  it('a reply or a moderation on one process shows within two seconds on the pages another process serves from memory', async () => {
    const author = await Member.join(a.app, 'Quiet Brook 170');
    const replier = await Member.join(a.app, 'Green Gate 171');
    const created = await author.form('/forums/boards/living-with-it/topics', {
      title: 'Cached on B',
      body: 'First words.',
      intent: 'publish',
    });
    const postId = postIdFrom(created.headers.location);
    await staffForm(`/staff/moderation/posts/${postId}/approve`, {});
    const topicId = Number(
      (await a.services.database.db.selectFrom('forum_posts').select('topic_id').where('id', '=', postId).executeTakeFirstOrThrow())
        .topic_id,
    );
    const topicOnB = () => onB(author).request('GET', `/forums/topics/${topicId}`);
    const boardOnB = () => onB(author).request('GET', '/forums/boards/living-with-it');
    // B renders and keeps both pages.
    expect((await topicOnB()).body).not.toContain('A reply written on A.');
    expect((await boardOnB()).body).toContain('Cached on B');

    const reply = await replier.form(`/forums/topics/${topicId}/replies`, { body: 'A reply written on A.', intent: 'publish' });
    const replyId = postIdFrom(reply.headers.location);
    await staffForm(`/staff/moderation/posts/${replyId}/approve`, {});
    // B keeps a topic's state for seconds at most and forgets it as soon as A's message arrives on the bus.
    await within(2000, async () => (await topicOnB()).body.includes('A reply written on A.'));
    await within(2000, async () => {
      const board = (await boardOnB()).body;
      return /1 reply/.test(board.slice(board.indexOf('Cached on B')));
    });

    expect((await staffForm(`/staff/moderation/posts/${replyId}/hide`, {})).statusCode).toBe(303);
    await within(2000, async () => !(await topicOnB()).body.includes('A reply written on A.'));
  });

  it('forgets on every process what one process ended or changed: sign-out, a ban, a hidden post', async () => {
    const author = await Member.join(a.app, 'Open Field 160');
    const res = await author.form('/forums/boards/living-with-it/topics', {
      title: 'Two processes',
      body: 'Read on both.',
      intent: 'publish',
    });
    const postId = postIdFrom(res.headers.location);
    await staffForm(`/staff/moderation/posts/${postId}/approve`, {});
    const topicId = Number(
      (await a.services.database.db.selectFrom('forum_posts').select('topic_id').where('id', '=', postId).executeTakeFirstOrThrow())
        .topic_id,
    );
    const leaving = await Member.join(a.app, 'Low Hill 161');
    const banned = await Member.join(a.app, 'Dark Wood 162');
    const hider = await Member.join(a.app, 'Long Lane 163');
    const view = (member: Member) => () => onB(member).request('GET', `/forums/topics/${topicId}`);
    const remembered = async (member: Member) => {
      expect((await view(member)()).statusCode).toBe(200);
      await a.services.database.db.updateTable('forum_topics').set({ status: 'removed' }).where('id', '=', topicId).execute();
      expect((await view(member)()).statusCode).toBe(200);
      await a.services.database.db.updateTable('forum_topics').set({ status: 'published' }).where('id', '=', topicId).execute();
    };

    await remembered(leaving);
    const cookie = leaving.cookie;
    expect((await leaving.request('DELETE', '/api/v1/session')).statusCode).toBe(204);
    leaving.cookie = cookie;
    await soon(view(leaving), 401);

    await remembered(banned);
    const memberId = (
      await a.services.database.db.selectFrom('forum_members').select('id').where('name', '=', 'Dark Wood 162').executeTakeFirstOrThrow()
    ).id;
    expect((await staffForm(`/staff/moderation/members/${memberId}/standing`, { action: 'ban' })).statusCode).toBe(303);
    await soon(view(banned), 403);

    await remembered(hider);
    expect((await staffForm(`/staff/moderation/posts/${postId}/hide`, {})).statusCode).toBe(303);
    await soon(view(hider), 404);
  });
});
