import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../e2e/support/server.ts';

// The real process, its real log output: what an operator (or an attacker with the logs) would see.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ LOG_LEVEL: 'debug' });
});
afterAll(() => server.stop());

describe('logs', () => {
  it('never hold query strings, IP addresses, headers or form contents', async () => {
    const secret = 'my-ex-follows-me-to-work';
    await fetch(`${server.url}/search?q=${secret}`, { headers: { 'x-forwarded-for': '203.0.113.77', 'user-agent': `Agent ${secret}` } });
    await fetch(`${server.url}/get-help/support-directory?postcode=CV34+4AB`);
    await fetch(`${server.url}/no-such-page?token=${secret}`);
    await fetch(`${server.url}/understand`);
    await fetch(`${server.url}/`);
    await fetch(`${server.url}/search`, {
      method: 'POST',
      body: `q=${secret}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const logs = server.logs();
    expect(logs).toContain('"path":"/no-such-page"');
    expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/CV34/i);
    expect(logs).not.toMatch(/127\.0\.0\.1(?!:\d)|203\.0\.113\.77|remoteAddress|"ip"/);
    expect(logs).not.toMatch(/user-agent|"headers"/i);
    // A handler that answers twice would log a warning on every request.
    expect(logs).not.toMatch(/already sent|"level":40/);
  });
});
