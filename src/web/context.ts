import type { Context } from 'hono'
import type { Config } from '../config'
import type { Db } from '../db/client'
import type { Actor } from '../domain/policy/roles'
import type { JobQueue } from '../services/jobs'
import type { PendingSignIn } from '../services/auth/passkey-step'
import type { BadgeIssuerSource } from '../services/badges/badge-issuer'
import type { StripeGateway } from '../services/badges/stripe-gateway'

/** What the web layer is built from; tests build the same thing on a fresh database. */
export type AppDeps = {
  db: Db
  jobs: JobQueue
  config: Config
  /** Answers whether the database (and queue) can serve; `/healthz` reports it. */
  checkHealth: () => Promise<boolean>
  /** The badge issuer (signing key): the status list and issuer documents are signed with it. */
  badgeIssuer: BadgeIssuerSource
  /** Card payments: null without Stripe keys; unset means "build it from config" (tests pass their own). */
  stripe?: StripeGateway | null
}

export type Flash = { kind: 'success' | 'info'; message: string }

export type AppEnv = {
  Variables: {
    deps: AppDeps
    db: Db
    actor: Actor
    sessionToken: string | undefined
    /** Signed in by link, passkey step still owed: `actor` is anonymous meanwhile (decision 160). */
    pendingSignIn: PendingSignIn | null
    clientIp: string | null
    flash: Flash | null
  }
}

export type Ctx = Context<AppEnv>

declare module 'hono' {
  interface ContextRenderer {
    (content: string | Promise<string>, head: { title: string; description?: string }): Response | Promise<Response>
  }
}
