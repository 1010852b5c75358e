import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';
import { NATIONAL_STALKING_HELPLINE_HOURS } from '../../../domain/opening-hours/index.ts';

// A clock the test moves: Wednesday 25 November 2026 (GMT, so London time equals UTC).
let now = Date.parse('2026-11-25T10:00:00Z');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ clock: () => now });
});
afterAll(() => t.close());

const statusJson = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/opening-status' })).json() as {
    statuses: Record<string, { open: boolean; sentence: string }>;
  };

describe('open now', () => {
  it('the directory keeps the helpline hours that FACTS.md gives', () => {
    expect(t.services.directory.get('national-stalking-helpline')?.hours).toEqual(NATIONAL_STALKING_HELPLINE_HOURS);
  });

  it('says the helpline is closed on Wednesday morning and when it opens', async () => {
    now = Date.parse('2026-11-25T10:00:00Z');
    expect((await statusJson()).statuses['national-stalking-helpline']).toEqual({ open: false, sentence: 'Closed — opens today at 1pm' });
  });

  it('says it is open on Wednesday afternoon, and the pages say so without JavaScript', async () => {
    now = Date.parse('2026-11-25T13:30:00Z');
    expect((await statusJson()).statuses['national-stalking-helpline']).toEqual({ open: true, sentence: 'Open now until 4pm' });
    t.services.pageCache.clear();
    for (const url of ['/', '/get-help/national-stalking-helpline', '/talk']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.body, url).toContain('data-live-status="national-stalking-helpline">Open now until 4pm</span>');
    }
  });

  it('says it in Welsh for a Welsh page, in the refresh and in the page itself', async () => {
    now = Date.parse('2026-11-25T13:30:00Z');
    const welsh = (await t.app.inject({ method: 'GET', url: '/api/opening-status?lang=cy' })).json() as Awaited<
      ReturnType<typeof statusJson>
    >;
    expect(welsh.statuses['national-stalking-helpline']).toEqual({ open: true, sentence: 'Ar agor nawr tan 16:00' });
    expect(welsh.statuses.samaritans?.sentence).toBe('Ar agor 24 awr, bob dydd');
    const odd = (await t.app.inject({ method: 'GET', url: '/api/opening-status?lang=xx&lang=cy' })).json() as Awaited<
      ReturnType<typeof statusJson>
    >;
    expect(odd.statuses['national-stalking-helpline']?.sentence).toBe('Open now until 4pm');
    t.services.pageCache.clear();
    const page = (await t.app.inject({ method: 'GET', url: '/cy/get-help/national-stalking-helpline' })).body;
    expect(page).toContain('data-live-status="national-stalking-helpline" lang="cy">Ar agor nawr tan 16:00</span>');
    now = Date.parse('2026-11-25T16:00:00Z');
    expect((await t.app.inject({ method: 'GET', url: '/cy/get-help/national-stalking-helpline' })).body).toContain(
      '>Ar gau — yn agor yfory am 09:30</span>',
    );
  });

  it('changes at the minute the helpline closes, even for cached pages', async () => {
    now = Date.parse('2026-11-25T15:59:30Z');
    t.services.pageCache.clear();
    expect((await t.app.inject({ method: 'GET', url: '/' })).body).toContain('Open now until 4pm');
    now = Date.parse('2026-11-25T16:00:00Z');
    const body = (await t.app.inject({ method: 'GET', url: '/' })).body;
    expect(body).toContain('Closed — opens tomorrow at 9:30am');
  });

  it('knows Christmas Day and the substitute Boxing Day 2026 are bank holidays', async () => {
    now = Date.parse('2026-12-28T11:00:00Z');
    const status = (await statusJson()).statuses['national-stalking-helpline'];
    expect(status?.open).toBe(false);
    expect(status?.sentence).toMatch(/bank holiday.*opens tomorrow at 9:30am/);
  });

  it('lists 24/7 services as open around the clock', async () => {
    now = Date.parse('2026-11-29T03:00:00Z');
    expect((await statusJson()).statuses.samaritans?.open).toBe(true);
  });
});
