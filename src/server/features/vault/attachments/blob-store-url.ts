import { isAbsolute, join, resolve } from 'node:path';

/**
 * BLOB_STORE_URL, checked at start-up:
 * - unset: files in DATA_DIR/blobs (the embedded default)
 * - `file:///srv/casebook/blobs`: files in that directory
 * - `s3://BUCKET[/PREFIX]?region=eu-west-2[&endpoint=https://host:port][&path-style=true]`: an S3-compatible
 *   bucket. Credentials come from the SDK's usual places (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, a web
 *   identity or an instance role), never from the URL, so the URL can be logged and shown without leaking them.
 */
export type BlobStoreLocation =
  | { kind: 'file'; root: string }
  | { kind: 's3'; bucket: string; prefix: string; region: string; endpoint: string | undefined; forcePathStyle: boolean };

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX_SEGMENT = /^[a-z0-9-]{1,60}$/;
const REGION = /^[a-z0-9-]{1,40}$/;
const FORM = 's3://BUCKET[/PREFIX]?region=REGION[&endpoint=https://HOST:PORT][&path-style=true]';

export function parseBlobStoreUrl(value: string | undefined, dataDir: string, cwd: string): BlobStoreLocation {
  if (!value) return { kind: 'file', root: join(dataDir, 'blobs') };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`is not a URL; use ${FORM} or file:///path`);
  }
  if (url.protocol === 'file:') {
    const path = decodeURIComponent(url.pathname);
    return { kind: 'file', root: isAbsolute(path) ? path : resolve(cwd, path) };
  }
  if (url.protocol !== 's3:') throw new Error(`must start with s3:// or file://; use ${FORM}`);
  if (url.username || url.password)
    throw new Error('must not hold credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or use an instance role)');
  const bucket = url.hostname;
  if (!BUCKET.test(bucket)) throw new Error(`"${bucket}" is not an S3 bucket name (3–63 of a-z, 0-9, "." and "-"); use ${FORM}`);
  if (url.port) throw new Error(`put the server's address in endpoint=, not after the bucket; use ${FORM}`);
  const segments = url.pathname.split('/').filter(Boolean);
  for (const segment of segments) {
    if (!PREFIX_SEGMENT.test(segment)) throw new Error(`the key prefix "${url.pathname}" may only hold a-z, 0-9 and "-" between slashes`);
  }
  const known = new Set(['region', 'endpoint', 'path-style']);
  for (const key of url.searchParams.keys()) {
    if (!known.has(key)) throw new Error(`unknown setting "${key}"; use ${FORM}`);
  }
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(endpoint);
    } catch {
      parsed = undefined;
    }
    if (
      !parsed ||
      !/^https?:$/.test(parsed.protocol) ||
      parsed.username ||
      parsed.password ||
      (parsed.pathname !== '/' && parsed.pathname !== '')
    ) {
      throw new Error(`endpoint must be an http(s) origin such as https://objects.example:9000; use ${FORM}`);
    }
  }
  const region = url.searchParams.get('region') ?? (endpoint ? 'us-east-1' : undefined);
  if (!region || !REGION.test(region)) throw new Error(`needs region= (for example region=eu-west-2); use ${FORM}`);
  const pathStyle = url.searchParams.get('path-style');
  if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false') throw new Error('path-style must be true or false');
  return {
    kind: 's3',
    bucket,
    prefix: segments.join('/'),
    region,
    endpoint: endpoint ? new URL(endpoint).origin : undefined,
    // Most self-hosted S3 servers (MinIO, Ceph, test servers) answer only path-style requests.
    forcePathStyle: pathStyle === null ? endpoint !== undefined : pathStyle === 'true',
  };
}
