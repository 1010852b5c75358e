import { randomBytes } from 'node:crypto';
import { join as joinPath } from 'node:path';
import SQLite from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.ts';
import { DESKTOP, newContext, PHONE } from './support/browser.ts';
import { useHarness } from './support/harness.ts';
import { saveScreenshot } from './support/screenshots.ts';
import { createAdminSetupCode, type HttpMember, setUpMember } from './support/talk.ts';

const h = useHarness();
const FIXTURES = new URL('../test/fixtures/forums/', import.meta.url).pathname;
const PHOTO = `${FIXTURES}photo-with-gps.jpg`;
const SCREENSHOT = `${FIXTURES}screenshot-with-text.png`;

const b64 = (n: number) => randomBytes(n).toString('base64url');
const envelope = () => ({ v: 1, nonce: b64(12), ciphertext: b64(48) });

/** A Casebook account made over the API from inside the browser context, so its session cookie is the page's. */
async function signedInContext(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await newContext(h.browser, viewport);
  const res = await context.request.post(`${h.server.url}/api/v1/accounts`, {
    data: {
      username: `e2e-${b64(4)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}`,
      authKey: b64(32),
      recoveryAuthKey: b64(32),
      kdf: { version: 2, salt: b64(16) },
      wrappedVaultKey: { passphrase: envelope(), recovery: envelope() },
    },
  });
  expect(res.status()).toBe(201);
  return context;
}

/** A moderator: the first administrator made with the real script, who then creates a moderator account. */
async function moderatorContext(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; member: HttpMember }> {
  const admin = await setUpMember(h.server.origin, createAdminSetupCode({ DATA_DIR: h.server.dataDir }));
  const created = await admin.request(h.server.origin, 'POST', '/api/staff/members', {
    signInName: `mod-${b64(3).toLowerCase()}`,
    displayName: 'Morgan Moderator',
    roles: ['moderator'],
  });
  expect(created.status).toBe(201);
  const member = await setUpMember(h.server.origin, ((await created.json()) as { setupCode: string }).setupCode);
  const context = await newContext(h.browser, viewport);
  const [name, value] = member.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: h.server.url }]);
  return { context, member };
}

/** axe at the top of the screen, and a screenshot to look at. */
async function check(page: Page, screen: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await axeViolations(page), screen).toEqual([]);
  await saveScreenshot(page, `forums-${screen}`);
}

async function join(page: Page, name: string, screen?: string): Promise<void> {
  await page.goto(`${h.server.url}/forums`);
  await page.getByRole('heading', { name: 'Choose a forum name' }).waitFor();
  if (screen) await check(page, screen);
  await page.getByLabel('Forum name').fill(name);
  await page.getByLabel(/I have read the house rules/).check();
  await page.getByRole('button', { name: 'Join the forums' }).click();
  await page.getByRole('heading', { name: 'Forums', exact: true }).waitFor();
}

describe('the forums in Chromium', { timeout: 240_000 }, () => {
  it('sign up, a held post, approval in the workspace, another member reads and replies; details caught; a flagged post hidden', async () => {
    const signedOut = await newContext(h.browser, PHONE);
    const outPage = await signedOut.newPage();
    await outPage.goto(`${h.server.url}/forums`);
    await expect(outPage.locator('meta[name="robots"]').getAttribute('content')).resolves.toBe('noindex, nofollow');
    await check(outPage, 'signed-out-phone');
    await signedOut.close();

    // Member one joins on a phone and starts a topic; identifying details are caught first.
    const one = await signedInContext(PHONE);
    const page = await one.newPage();
    await join(page, 'Quiet Fern 12', 'join-phone');
    await check(page, 'index-phone');
    await page.getByRole('link', { name: 'Living with stalking and harassment' }).click();
    await page.getByRole('link', { name: 'Start a new topic' }).click();
    await page.getByLabel('Title').fill('Does it ever get easier?');
    await page.getByLabel('Your message').fill('He waits outside 14 Acacia Avenue and texts me from 07911 123456. Does it get *easier*?');
    await check(page, 'compose-phone');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByRole('heading', { name: 'Check these details before posting' }).waitFor();
    await expect(page.locator('mark.casebook-forum-finding').allTextContents()).resolves.toEqual([
      '14 Acacia Avenue (Address)',
      '07911 123456 (Phone number)',
    ]);
    await check(page, 'details-caught-phone');
    await page.getByLabel('Your message').fill('He waits outside my home and texts me. Does it get *easier*?');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'Preview' }).waitFor();
    await expect(page.locator('.casebook-forum-preview em').textContent()).resolves.toBe('easier');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByRole('heading', { name: 'Your post is waiting for a moderator' }).waitFor();
    await check(page, 'held-phone');
    const postId = Number(/\/posts\/(\d+)/.exec(page.url())![1]);

    // Member two cannot see it yet.
    const two = await signedInContext(DESKTOP);
    const reader = await two.newPage();
    await join(reader, 'Brave Robin 34');
    await reader.goto(`${h.server.url}/forums/boards/living-with-it`);
    expect(await reader.getByText('Does it ever get easier?').count()).toBe(0);

    // The moderator approves it in the workspace.
    const { context: modContext } = await moderatorContext(DESKTOP);
    const mod = await modContext.newPage();
    await mod.goto(`${h.server.url}/staff/moderation`);
    await mod.getByRole('heading', { name: 'Forum moderation queue' }).waitFor();
    await check(mod, 'moderation-queue-desktop');
    await mod.getByRole('link', { name: 'Does it ever get easier?' }).click();
    await check(mod, 'moderation-post-desktop');
    await mod.getByRole('button', { name: 'Approve' }).click();
    await expect(mod.getByTestId('post-status').textContent()).resolves.toContain('published');

    // Member two reads and replies.
    await reader.goto(`${h.server.url}/forums/boards/living-with-it`);
    await check(reader, 'board-desktop');
    await reader.getByRole('link', { name: 'Does it ever get easier?' }).click();
    const topicUrl = reader.url();
    await expect(reader.locator(`#post-${postId} em`).textContent()).resolves.toBe('easier');
    await check(reader, 'topic-desktop');
    await reader.getByRole('link', { name: 'Reply' }).click();
    await reader.getByLabel('Your message').fill('It did for me. Keep a diary of everything.');
    await reader.getByRole('button', { name: 'Post' }).click();
    await reader.getByRole('heading', { name: 'Your post is waiting for a moderator' }).waitFor();
    const replyId = Number(/\/posts\/(\d+)/.exec(reader.url())![1]);
    await mod.goto(`${h.server.url}/staff/moderation/posts/${replyId}`);
    await mod.getByRole('button', { name: 'Approve' }).click();
    await page.goto(`${h.server.url}/forums`);
    await page.getByRole('link', { name: 'Living with stalking and harassment' }).click();
    await page.getByRole('link', { name: 'Does it ever get easier?' }).click();
    await page.getByText('It did for me. Keep a diary of everything.').waitFor();
    // The script offers "Change" on the reader's own post only.
    await page.locator(`#post-${postId}`).getByRole('link', { name: 'Change your post' }).waitFor();
    expect(
      await page
        .locator(`#post-${replyId}`)
        .getByRole('link', { name: /Change/ })
        .count(),
    ).toBe(0);
    await check(page, 'topic-phone');
    await page.goto(`${h.server.url}/forums/notifications`);
    await check(page, 'notifications-phone');

    // Member one reports member two's reply; the moderator hides it; readers see only a notice.
    await page.goto(`${h.server.url}/forums/posts/${replyId}/report`);
    await check(page, 'report-phone');
    await page.getByLabel('It gives unsafe or wrong advice').check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { name: /A moderator will look at this post/ }).waitFor();
    await mod.goto(`${h.server.url}/staff/moderation`);
    expect(await mod.getByText('1 report').count()).toBe(1);
    await mod.goto(`${h.server.url}/staff/moderation/posts/${replyId}`);
    await mod.getByRole('button', { name: 'Hide' }).click();
    await page.goto(topicUrl);
    expect(await page.getByText('It did for me.').count()).toBe(0);
    await page.getByText('A moderator has hidden this post.').waitFor();

    // Search, and the professionals' forum closed to an unapproved member.
    await reader.goto(`${h.server.url}/forums/search?q=easier`);
    await check(reader, 'search-desktop');
    expect(await reader.getByRole('link', { name: 'Does it ever get easier?' }).count()).toBe(1);
    const closed = await reader.goto(`${h.server.url}/forums/boards/practice`);
    expect(closed?.status()).toBe(403);
    await check(reader, 'professionals-closed-desktop');
    await reader.goto(`${h.server.url}/forums/professionals`);
    await check(reader, 'professionals-request-desktop');
    await page.goto(`${h.server.url}/forums/leave`);
    await check(page, 'leave-phone');
    await page.goto(`${h.server.url}/talk/forum-house-rules`);
    await check(page, 'house-rules-phone');
    await mod.goto(`${h.server.url}/staff/moderation/filters`);
    await check(mod, 'moderation-filters-desktop');

    // Nothing of the forums is kept in the browser's storage.
    const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(stored).toBe('{"local":{},"session":{}}');
    await Promise.all([one.close(), two.close(), modContext.close()]);
  });

  it('an established member posts a picture, then takes it out and adds others when changing the post', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const context = await signedInContext(viewport);
      const page = await context.newPage();
      const name = `Quiet Lark ${viewport.width}`;
      await join(page, name);
      // Established: two approved posts and a week in (limits.ts). Set in the database, as time would.
      const db = new SQLite(joinPath(h.server.dataDir, 'casebook.sqlite'));
      try {
        db.prepare('update forum_members set approved_posts = 5, joined_at = ? where name = ?').run(Date.now() - 30 * 86_400_000, name);
      } finally {
        db.close();
      }
      await page.goto(`${h.server.url}/forums/boards/living-with-it/new`);
      await page.getByLabel('Title').fill('Spring in the garden');
      await page.getByLabel('Your message').fill('Planting helps me feel calmer.');
      await page.getByLabel('Pictures (optional)').setInputFiles(PHOTO);
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      await page.getByRole('link', { name: 'See or change your post' }).click();
      await page.getByRole('link', { name: 'Change this post' }).click();
      await page.getByRole('heading', { name: 'Change your post' }).waitFor();
      expect(await page.getByRole('checkbox', { name: 'Take out picture 1' }).count()).toBe(1);
      await check(page, `edit-pictures-${viewport.width}`);
      await page.getByRole('checkbox', { name: 'Take out picture 1' }).check();
      await page.getByLabel('Add pictures (optional)').setInputFiles([PHOTO, SCREENSHOT]);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('link', { name: 'See or change your post' }).click();
      await page.getByRole('link', { name: 'Change this post' }).waitFor();
      const pictures = page.locator('.casebook-forum-post__image');
      expect(await pictures.count()).toBe(2);
      expect(
        await pictures.evaluateAll((images) =>
          images.every((image) => (image as HTMLImageElement).complete && (image as HTMLImageElement).naturalWidth > 0),
        ),
      ).toBe(true);
      await context.close();
    }
  });
});
