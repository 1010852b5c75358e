import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_RETENTION_DAYS } from '../domain/training/retention.ts';

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
  EXIT_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .default('https://www.bbc.co.uk/weather'),
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
  ATTACHMENT_QUOTA_BYTES: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(2 * 1024 ** 3),
  STAFF_ORIGIN: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) origin such as https://casebook.example' })
    .transform((v) => new URL(v).origin)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL, such as smtps://user:password@mail.example:465')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  MAIL_FROM: z.string().min(3).max(200).regex(/@/, 'must be an email address, such as Casebook <training@casebook.example>').default('Casebook <training@casebook.invalid>'),
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
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: isAbsolute(c.DATA_DIR) ? c.DATA_DIR : resolve(cwd, c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    exitUrl: c.EXIT_URL,
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY,
    environment: c.NODE_ENV,
    cookieSecure: c.COOKIE_SECURE,
    attachmentQuotaBytes: c.ATTACHMENT_QUOTA_BYTES,
    staffOrigin: c.STAFF_ORIGIN,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    trainingRetentionDays: c.TRAINING_RETENTION_DAYS,
  };
}
