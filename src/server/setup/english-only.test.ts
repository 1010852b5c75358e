import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/support/app.ts';
import { notInWelshYetLinks } from './english-only.ts';

// Pages not in Welsh yet still offer "Cymraeg": it leads, place and query kept, to a Welsh page that says so
// and links back to the same English address.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const languageLinks = (html: string) => [...html.matchAll(/<a class="govuk-language-navigation__link" href="([^"]+)"/g)].map((m) => m[1]);

describe('Language navigation on pages not in Welsh yet', () => {
  it.each(['/training', '/training/certificates'])('%s links its Welsh address, with no hreflang alternates', async (url) => {
    const res = await get(url);
    expect(languageLinks(res.body)).toEqual([`/cy${url}`]);
    expect(res.body).not.toContain('<link rel="alternate"');
  });

  it.each(['/verify', '/diary'])('%s, which is in Welsh, links its twin with hreflang alternates both ways', async (url) => {
    const [en, cy] = await Promise.all([get(url), get(`/cy${url}`)]);
    expect(languageLinks(en.body)).toEqual([`/cy${url}`]);
    expect(languageLinks(cy.body)).toEqual([url]);
    expect(en.body).toContain('hreflang="cy"');
    expect(cy.statusCode).toBe(200);
  });

  it('leads back from the Welsh "not in Welsh yet" page to the same English address, query kept', async () => {
    const res = await get('/cy/training?page=2');
    expect(res.statusCode).toBe(404);
    expect(languageLinks(res.body)).toEqual(['/training?page=2']);
    expect(res.body).toContain('<a class="govuk-link" href="/training?page=2" hreflang="en">Darllen y dudalen yn Saesneg</a>');
  });

  it('is only for English-only pages', () => {
    expect(notInWelshYetLinks('/training?page=2')?.languages?.map((l) => ('href' in l ? l.href : undefined))).toEqual([
      undefined,
      '/cy/training?page=2',
    ]);
    // Every forum page is in Welsh now (/cy/forums/...): its own route passes its Language navigation.
    expect(notInWelshYetLinks('/forums/search?q=x')).toBeUndefined();
    expect(notInWelshYetLinks('/forums/posts/3/report')).toBeUndefined();
    expect(notInWelshYetLinks('/understand')).toBeUndefined();
    expect(notInWelshYetLinks('/staff')).toBeUndefined();
  });
});
