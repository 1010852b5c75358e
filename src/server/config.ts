import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RETENTION_DAYS } from '../domain/training/retention.ts';
import { type BlobStoreLocation, parseBlobStoreUrl } from './features/vault/attachments/blob-store-url.ts';
import { type KeySet, parseKeySet } from './features/vault/transparency-log/signing-keys.ts';

/** Configuration comes only from the environment, is validated once at start-up, and is then read-only. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  EXIT_URL: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).default('https://www.bbc.co.uk/weather'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  ATTACHMENT_QUOTA_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .default(2 * 1024 ** 3),
  STAFF_ORIGIN: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) origin such as https://casebook.example' })
    .transform((v) => new URL(v).origin)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  BLOB_STORE_URL: z.string().optional(),
  LOG_SIGNING_KEYS: z.string().optional(),
  LOG_SIGNING_KEYS_FILE: z.string().optional(),
  SERVER_SECRET: z.string().optional(),
  SERVER_SECRET_FILE: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL, such as smtps://user:password@mail.example:465')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z
    .string()
    .min(3)
    .max(200)
    .regex(/@/, 'must be an email address, such as Casebook <training@casebook.example>')
    .default('Casebook <training@casebook.invalid>'),
  TRAINING_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  exitUrl: string;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  trustProxy: boolean;
  environment: z.infer<typeof schema>['NODE_ENV'];
  /** The vault's session cookie is Secure unless this is false (plain-http development only). */
  cookieSecure: boolean;
  /** Encrypted attachment bytes one vault account may store. */
  attachmentQuotaBytes: number;
  /** The staff workspace's origin for passkeys (WebAuthn relying party); unset: the origin each request came to. */
  staffOrigin: string | undefined;
  /** Where encrypted attachments live: files in DATA_DIR/blobs by default, or an S3-compatible bucket. */
  blobStore: BlobStoreLocation;
  /** The transparency log's key set, shared by every process; unset: the embedded default in DATA_DIR/keys. */
  logSigningKeys: KeySet | undefined;
  /** The HMAC secret for pseudonyms (rate-limit keys), shared by every process; unset: DATA_DIR/keys. */
  serverSecret: Buffer | undefined;
  /** Training emails go through this SMTP server; unset, nothing is emailed and booking pages say everything. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Days after an event ends before its bookers' details are removed. */
  trainingRetentionDays: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Casebook cannot start: bad configuration\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = isAbsolute(c.DATA_DIR) ? c.DATA_DIR : resolve(cwd, c.DATA_DIR);
  const problems: string[] = [];
  const attempt = <T>(name: string, read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      problems.push(`  ${name}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  };
  const blobStore = attempt('BLOB_STORE_URL', () => parseBlobStoreUrl(c.BLOB_STORE_URL, dataDir, cwd));
  const keysText = attempt('LOG_SIGNING_KEYS', () => secretText(c.LOG_SIGNING_KEYS, c.LOG_SIGNING_KEYS_FILE, 'LOG_SIGNING_KEYS', cwd));
  const logSigningKeys = keysText === undefined ? undefined : attempt('LOG_SIGNING_KEYS', () => parseKeySet(keysText));
  const secretValue = attempt('SERVER_SECRET', () => secretText(c.SERVER_SECRET, c.SERVER_SECRET_FILE, 'SERVER_SECRET', cwd));
  const serverSecret = secretValue === undefined ? undefined : attempt('SERVER_SECRET', () => decodeSecret(secretValue));
  if (problems.length === 0 && c.DATABASE_URL && c.NODE_ENV === 'production' && (!keysText || !secretValue)) {
    // Several processes (the reason to use PostgreSQL) must sign with one key and hash with one secret; each
    // making its own in its DATA_DIR would publish two key lists and fail sign-ins on the other machines.
    problems.push(
      `  ${!keysText ? 'LOG_SIGNING_KEYS_FILE' : 'SERVER_SECRET_FILE'}: required with DATABASE_URL in production, so every app process shares one log key set and one secret; make both with \`npm run keys -- new --out DIR\` (docs/deploy.md)`,
    );
  }
  if (problems.length > 0) throw new ConfigError(`Casebook cannot start: bad configuration\n${problems.join('\n')}`);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    databaseUrl: c.DATABASE_URL,
    exitUrl: c.EXIT_URL,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    environment: c.NODE_ENV,
    cookieSecure: c.COOKIE_SECURE,
    attachmentQuotaBytes: c.ATTACHMENT_QUOTA_BYTES,
    staffOrigin: c.STAFF_ORIGIN,
    blobStore: blobStore!,
    logSigningKeys,
    serverSecret,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    trainingRetentionDays: c.TRAINING_RETENTION_DAYS,
  };
}

/** A secret given inline or as a file (a mounted secret), never both. */
function secretText(inline: string | undefined, file: string | undefined, name: string, cwd: string): string | undefined {
  if (inline && file) throw new Error(`set ${name} or ${name}_FILE, not both`);
  if (inline) return inline;
  if (!file) return undefined;
  const path = isAbsolute(file) ? file : resolve(cwd, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`${name}_FILE: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function decodeSecret(text: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9_+/-]+=*$/.test(trimmed)) throw new Error('must be base64 or base64url (make one with `npm run keys -- new --out DIR`)');
  const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length < 32) throw new Error(`must hold at least 32 random bytes (it holds ${bytes.length})`);
  return bytes;
}
