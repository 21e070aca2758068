import { z } from 'zod'

// Every setting comes from the environment, parsed once here; the entry point passes the result down.
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Social Mission Metrics <no-reply@socialmissionmetrics.test>'),
  CONTACT_EMAIL: z.email().default('contact@socialmissionmetrics.test'),
  MAIL_REPLY_TO: z.email().optional(),
  SEED_DEMO: z.enum(['auto', 'never']).default('auto'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QUEUE_POLL_SECONDS: z.coerce.number().min(0.5).default(1),
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  REPORT_PDF_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  BADGE_SIGNING_KEY: z.string().min(2).optional(),
  PROGRAM_POSTAL_ADDRESS: z.string().min(5).default('Social Mission Metrics\nProgram office (set PROGRAM_POSTAL_ADDRESS)\nWashington, DC\nUnited States'),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret key (sk_test_… or sk_live_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be a Stripe webhook signing secret (whsec_…)').optional(),
})

export type Config = {
  env: 'development' | 'production' | 'test'
  host: string
  port: number
  baseUrl: string
  databaseUrl: string | undefined
  dataDir: string
  smtpUrl: string | undefined
  mailFrom: string
  contactEmail: string
  /** The Reply-To of every message: `MAIL_REPLY_TO`, else the program's contact address. */
  mailReplyTo: string
  seedDemo: boolean
  logLevel: z.infer<typeof Env>['LOG_LEVEL']
  queuePollSeconds: number
  /** `WEB_CONCURRENCY` as set; `webProcessCount` decides how many web processes really serve. */
  webConcurrency: number | undefined
  /** Threads drawing report PDFs in "prepare every report as PDF"; unset: one per core (decision 170). */
  reportPdfWorkers: number | undefined
  /** Bearer token for `/metrics`; in production, without it, `/metrics` does not exist. */
  metricsToken: string | undefined
  /** The badge issuer's Ed25519 key as a JSON Multikey; unset, a dev key is made once in DATA_DIR (decision 127). */
  badgeSigningKey: string | undefined
  /** Printed on badge invoices; `\n` in the variable separates lines. */
  programPostalAddress: string
  /** Card payments through Stripe Checkout: only when both keys are set (decision 124). */
  stripe: { secretKey: string; webhookSecret: string } | null
}

export class ConfigError extends Error {}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "unset", the way shells and .env files usually mean it.
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = Env.safeParse(present)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    baseUrl: (e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    contactEmail: e.CONTACT_EMAIL,
    mailReplyTo: e.MAIL_REPLY_TO ?? e.CONTACT_EMAIL,
    seedDemo: e.SEED_DEMO === 'auto' && e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    queuePollSeconds: e.QUEUE_POLL_SECONDS,
    webConcurrency: e.WEB_CONCURRENCY,
    reportPdfWorkers: e.REPORT_PDF_WORKERS,
    metricsToken: e.METRICS_TOKEN,
    badgeSigningKey: e.BADGE_SIGNING_KEY,
    programPostalAddress: e.PROGRAM_POSTAL_ADDRESS.replace(/\\n/g, '\n'),
    stripe: e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET } : null,
  }
}

/** The dev mailbox and the printed demo sign-in link exist only off production and without a real SMTP server. */
export const devMailboxEnabled = (config: Config) => config.env !== 'production' && !config.smtpUrl

/**
 * How many processes serve HTTP (decision 168): `WEB_CONCURRENCY`, else one per core in production on PostgreSQL,
 * else one. PGlite is always one: only one process may open its folder (decision 159); `note` says so when asked for more.
 */
export function webProcessCount(config: Pick<Config, 'env' | 'databaseUrl' | 'webConcurrency'>, cores: number): { count: number; note?: string } {
  const wanted = config.webConcurrency ?? (config.env === 'production' && config.databaseUrl ? cores : 1)
  if (!config.databaseUrl && wanted > 1) return { count: 1, note: `WEB_CONCURRENCY=${wanted} is ignored: PGlite serves from one process; set DATABASE_URL to use several.` }
  return { count: wanted }
}
