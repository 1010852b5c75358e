import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// A real S3-protocol server (s3rver: objects on disk, SigV4 checked), started by the test on a free port.
import S3rver from '@20minutes/s3rver';

export interface TestS3 {
  /** For BLOB_STORE_URL. */
  url: string;
  /** The credentials s3rver accepts, for the app process's environment. */
  env: Record<string, string>;
  directory: string;
  close(): Promise<void>;
}

export const TEST_S3_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

export async function startS3(bucket = 'casebook-test'): Promise<TestS3> {
  const directory = mkdtempSync(join(tmpdir(), 'casebook-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
    // s3rver signs a path-style bucket request (a listing, GET /bucket/?prefix=) without the trailing slash the
    // SDK signs, so it refuses every listing; it still checks the access key and the signature's form.
    allowMismatchedSignatures: true,
  });
  const address = (await server.run()) as AddressInfo;
  // The SDK reads credentials from the environment, as it would on a real machine.
  Object.assign(process.env, TEST_S3_CREDENTIALS);
  return {
    url: `s3://${bucket}/attachments-test?endpoint=http://127.0.0.1:${address.port}&region=eu-west-2`,
    env: TEST_S3_CREDENTIALS,
    directory,
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
