import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { VERIFY_LIMITS, VERIFY_PATH } from './routes.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('GET /verify', () => {
  it('sends the checker page under the site-wide policy, never stored, with its own script and the limits', async () => {
    const res = await t.app.inject({ method: 'GET', url: VERIFY_PATH });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
    expect(res.body).toContain('<title>Check an evidence pack – Casebook</title>');
    expect(res.body).toMatch(/<script type="module" src="\/assets\/verify-[0-9a-f]{12}\.js"><\/script>/);
    expect(res.body).toContain(`data-max-zip-bytes="${VERIFY_LIMITS.zipMiB * 1048576}"`);
    expect(res.body).toContain('Nothing is uploaded.');
    // Without JavaScript: what to do instead.
    expect(res.body).toContain('This check needs JavaScript');
    expect(res.body).toContain('npm run verify -- pack.zip');
    // A form that could post the file anywhere would be a way to upload it.
    const forms = [...res.body.matchAll(/<form\b[^>]*>/g)].map((m) => m[0]);
    expect(forms.filter((f) => /method="post"|action=/.test(f))).toEqual([]);
  });

  it('has nowhere to send a pack to', async () => {
    for (const method of ['POST', 'PUT'] as const) {
      const res = await t.app.inject({
        method,
        url: VERIFY_PATH,
        payload: 'PK\u0003\u0004',
        headers: { 'content-type': 'application/zip' },
      });
      expect(res.statusCode, method).toBe(404);
    }
  });
});
