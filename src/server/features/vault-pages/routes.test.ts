import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';

// The private record's page in each language: the same app, the language only in the address and <html lang>.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('the private record page', () => {
  it.each([
    ['/diary', 'en', 'Your private record needs JavaScript'],
    ['/cy/diary', 'cy', 'Mae angen JavaScript ar eich cofnod preifat'],
  ])('serves %s in its language with a neutral title, the vault policy and no cookie', async (url, lang, noJs) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<html lang="${lang}" class="govuk-template">`);
    expect(res.body).toContain('<title>Casebook</title>');
    expect(res.body).toContain(noJs);
    expect(res.body).toContain('<link rel="alternate" hreflang="cy" href="/cy/diary">');
    expect(res.body).toContain('<link rel="alternate" hreflang="en" href="/diary">');
    expect(res.headers['content-security-policy']).toContain("'wasm-unsafe-eval'");
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
