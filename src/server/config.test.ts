import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

// With DATABASE_URL in production the key set and secret must come from configuration (shared-keys.test.ts).
const SHARED_SECRETS = {
  LOG_SIGNING_KEYS: JSON.stringify({
    v: 1,
    keys: [{ privateKey: 'MC4CAQAwBQYDK2VwBCIEIKA2CapHc0B8XXWeYgGozH21sud9cx_Ayu8eJezjozXQ', from: 0 }],
  }),
  SERVER_SECRET: 'a'.repeat(43),
};

describe('loadConfig', () => {
  it('has safe defaults: loopback only, SQLite in ./data, production', () => {
    const config = loadConfig({}, '/srv/casebook');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: '/srv/casebook/data',
      databaseUrl: undefined,
      environment: 'production',
      trustProxy: false,
    });
    expect(config.exitUrl).toMatch(/^https:\/\//);
  });

  it('reads every setting from the environment', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/casebook',
      DATABASE_URL: 'postgres://db/casebook',
      EXIT_URL: 'https://example.org/',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      ...SHARED_SECRETS,
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/var/lib/casebook',
      databaseUrl: 'postgres://db/casebook',
      exitUrl: 'https://example.org/',
      trustProxy: true,
      logLevel: 'warn',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ EXIT_URL: 'javascript:alert(1)' }, 'EXIT_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ BLOB_STORE_URL: 'ftp://x' }, 'BLOB_STORE_URL: must start with s3:// or file://'],
    [{ BLOB_STORE_URL: 's3://Bad_Bucket?region=eu-west-2' }, 'BLOB_STORE_URL: "Bad_Bucket" is not an S3 bucket name'],
    [{ BLOB_STORE_URL: 's3://key:secret@bucket?region=eu-west-2' }, 'BLOB_STORE_URL: must not hold credentials'],
    [{ BLOB_STORE_URL: 's3://bucket' }, 'BLOB_STORE_URL: needs region='],
    [{ BLOB_STORE_URL: 's3://bucket?region=eu-west-2&endpoint=ftp://x' }, 'BLOB_STORE_URL: endpoint must be an http\\(s\\) origin'],
    [{ BLOB_STORE_URL: 's3://bucket?region=eu-west-2&sse=on' }, 'BLOB_STORE_URL: unknown setting "sse"'],
    [{ BLOB_STORE_URL: 's3://bucket/Up_Per?region=eu-west-2' }, 'BLOB_STORE_URL: the key prefix'],
  ])('stops with a clear message for %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`bad configuration[\\s\\S]*${name}`));
  });

  it('chooses where attachments live from BLOB_STORE_URL: files by default, or an S3-compatible bucket', () => {
    expect(loadConfig({}, '/srv/casebook').blobStore).toEqual({ kind: 'file', root: '/srv/casebook/data/blobs' });
    expect(loadConfig({ BLOB_STORE_URL: 'file:///mnt/blobs' }).blobStore).toEqual({ kind: 'file', root: '/mnt/blobs' });
    expect(loadConfig({ BLOB_STORE_URL: 's3://casebook-attachments/prod?region=eu-west-2' }).blobStore).toEqual({
      kind: 's3',
      bucket: 'casebook-attachments',
      prefix: 'prod',
      region: 'eu-west-2',
      endpoint: undefined,
      forcePathStyle: false,
    });
    expect(loadConfig({ BLOB_STORE_URL: 's3://blobs?endpoint=http://127.0.0.1:9000' }).blobStore).toEqual({
      kind: 's3',
      bucket: 'blobs',
      prefix: '',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
    });
  });
});
