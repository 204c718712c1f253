import path from 'node:path';
import { z } from 'zod';

// The only file that reads process.env: parsed once, typed, and it fails fast with a clear message.
const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => ['1', 'true', 'yes'].includes(value));

/** LANDFALL_SECRET_KEY: comma-separated base64 256-bit keys; the first seals, all open (rotation). */
const SecretKeys = z
  .string()
  .trim()
  .default('')
  .transform((value, ctx) =>
    value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const key = Buffer.from(part, 'base64');
        if (key.length !== 32) ctx.addIssue({ code: 'custom', message: 'each key must be 32 random bytes in base64 (openssl rand -base64 32)' });
        return key;
      }),
  );

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** A read replica of DATABASE_URL: reports and exports read from it when set. */
  DATABASE_REPLICA_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  LANDFALL_DATA_DIR: z.string().default('.landfall'),
  LANDFALL_DEMO: flag.default(true),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().default('Landfall <landfall@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  SESSION_IDLE_HOURS: z.coerce.number().positive().default(24 * 7),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().positive().default(30),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Named prepared statements for the statements a process sends again and again (db/auto-prepare.ts); 0 for a pooler that cannot keep them. */
  DB_PREPARE: flag.default(true),
  /** Start the clock at this instant (it then runs on): for demos and browser tests that need another "today". */
  LANDFALL_NOW: z.iso.datetime({ offset: true }).optional(),
  /** `serve` runs the scheduled jobs too unless this is 0 (then leave them to `landfall worker` processes). */
  LANDFALL_JOBS: flag.default(true),
  /** Keys that seal stored secrets (webhook secrets, CRM client secrets); unset: one generated in the data directory. */
  LANDFALL_SECRET_KEY: SecretKeys,
  /** Let webhook endpoints point at private, loopback and link-local addresses (development and tests only). */
  WEBHOOKS_ALLOW_PRIVATE: flag.default(false),
  /** Slack's Web API (a local stand-in in tests and demos). */
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  /** Which proxies' X-Forwarded-For to believe: off, a hop count, or a comma list of addresses or CIDR ranges. */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('off')
    .transform((value, ctx): TrustProxy => {
      if (['', 'off', '0', 'false', 'no'].includes(value.toLowerCase())) return false;
      if (/^\d+$/.test(value)) return Number(value);
      const addresses = value.split(',').map((part) => part.trim()).filter(Boolean);
      const bad = addresses.find((address) => !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(address) || !/[.:]/.test(address));
      if (bad) ctx.addIssue({ code: 'custom', message: `"${bad}" is not an address: use off, a hop count (1) or addresses (10.0.0.1,10.1.0.0/16)` });
      return addresses;
    }),
});

/** Off, the number of proxies in front of Landfall, or the addresses of the proxies to believe (Fastify's trustProxy). */
export type TrustProxy = false | number | string[];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Where reports and exports read (a streaming replica); undefined: the primary. */
  databaseReplicaUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  publicUrl: string;
  secureCookies: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  dbPoolSize: number;
  /** Whether repeated statements run as named prepared statements (DB_PREPARE). */
  dbPrepare: boolean;
  webDir: string;
  /** How far the clock is moved from the machine's (0 unless LANDFALL_NOW is set). */
  clockOffsetMs: number;
  /** Whether `serve` also runs the jobs (`worker` always does). */
  jobs: boolean;
  /** Whose X-Forwarded-For sets the client address (rate limits are per address): nobody's unless configured. */
  trustProxy: TrustProxy;
  /** The keys that seal stored secrets, newest first; empty: a key kept in the data directory (security/sealed.ts). */
  secretKeys: Buffer[];
  /** Outbound webhooks: whether private targets are allowed (WEBHOOKS_ALLOW_PRIVATE) and whether only https is (an https PUBLIC_URL: production). */
  webhooks: { allowPrivate: boolean; httpsOnly: boolean };
  /** Where Slack's Web API is (https://slack.com/api/). */
  slackApiUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Landfall cannot start, the environment is invalid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    dataDir: path.resolve(e.LANDFALL_DATA_DIR),
    demo: e.LANDFALL_DEMO,
    publicUrl,
    secureCookies: publicUrl.startsWith('https://'),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3600_000,
    sessionAbsoluteMs: e.SESSION_ABSOLUTE_DAYS * 86400_000,
    dbPoolSize: e.DB_POOL_SIZE,
    dbPrepare: e.DB_PREPARE,
    clockOffsetMs: e.LANDFALL_NOW ? Date.parse(e.LANDFALL_NOW) - Date.now() : 0,
    jobs: e.LANDFALL_JOBS,
    trustProxy: e.TRUST_PROXY,
    secretKeys: e.LANDFALL_SECRET_KEY,
    webhooks: { allowPrivate: e.WEBHOOKS_ALLOW_PRIVATE, httpsOnly: publicUrl.startsWith('https://') },
    slackApiUrl: e.SLACK_API_URL.endsWith('/') ? e.SLACK_API_URL : `${e.SLACK_API_URL}/`,
    webDir: path.resolve(import.meta.dirname, '../../dist/web'),
  };
}
