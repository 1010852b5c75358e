import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('vault OpenAPI description', () => {
  it('describes every vault route from the route schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/accounts',
      '/api/v1/accounts/prelogin',
      '/api/v1/sessions',
      '/api/v1/session',
      '/api/v1/recovery',
      '/api/v1/items/{id}',
      '/api/v1/items/changes',
      '/api/v1/attachments/{id}/chunks/{index}',
      '/api/v1/log/inclusion',
      '/.well-known/casebook-log.json',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    expect(doc.paths['/api/v1/items/{id}'].put.requestBody.content['application/json'].schema.properties.envelope).toBeTruthy();
    expect(Object.keys(doc.paths).some((p: string) => !p.startsWith('/api/v1/') && !p.startsWith('/.well-known/'))).toBe(false);
  });

  it('answers unknown API paths with JSON', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not_found');
  });
});
