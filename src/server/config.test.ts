import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has safe defaults: loopback only, SQLite in ./data, production', () => {
    const config = loadConfig({}, '/srv/casebook');
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/casebook/data', databaseUrl: undefined, environment: 'production', trustProxy: false });
    expect(config.exitUrl).toMatch(/^https:\/\//);
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/casebook', DATABASE_URL: 'postgres://db/casebook', EXIT_URL: 'https://example.org/', TRUST_PROXY: 'true', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', dataDir: '/var/lib/casebook', databaseUrl: 'postgres://db/casebook', exitUrl: 'https://example.org/', trustProxy: true, logLevel: 'warn' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ EXIT_URL: 'javascript:alert(1)' }, 'EXIT_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
  ])('stops with a clear message for %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`bad configuration[\\s\\S]*${name}`));
  });
});
