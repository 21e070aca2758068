import type { Job, JobWithMetadata } from 'pg-boss'
import type { Db } from '../db/client'
import type { MailTransport } from '../mail/transport'
import { deleteEventsBefore } from '../db/queries/rate-limits'
import { deliverQueuedMail } from '../services/mail/outbox'
import { JOB_NAMES, type JobQueue } from '../services/jobs'
import { runCycleCalendar } from '../services/cycles/cycle-calendar'
import { sendCycleInvitations } from '../services/cycles/send-invitations'
import { buildCycleReports } from '../services/reports/cycle-scoring'
import { issueAllBadges, issueBadgeForOrder } from '../services/badges/badge-issue'
import type { BadgeIssuerSource } from '../services/badges/badge-issuer'
import { prepareReportPdfs } from '../services/reports/report-pdf-pack'
import type { Queue } from './queue'
import { reportPdfPool } from './report-pdf-pool'

export type WorkerDeps = { db: Db; transport: MailTransport; mailFrom: string; pollSeconds: number; baseUrl: string; jobs: JobQueue
  /** Without it (tests of other jobs) the badge workers are not started; the runtime always passes it. */
  badgeIssuer?: BadgeIssuerSource
  /** Threads that draw report PDFs in "prepare every report as PDF"; one per core unless given (the bench compares). */
  reportPdfWorkers?: number
}

/** Hourly, a few minutes past the hour: invitations go out on their opening date within the hour. */
export const CYCLE_CALENDAR_CRON = '7 * * * *'

/** Each handler is a thin shell around a service, safe to run twice. */
export async function startWorkers(queue: Queue, deps: WorkerDeps) {
  await queue.boss.work(
    JOB_NAMES.sendMail,
    {
      includeMetadata: true,
      pollingIntervalSeconds: deps.pollSeconds,
      batchSize: 1,
      // NOTIFYs sent in one transaction collapse into one wake-up, so a batch of invitations would otherwise wait
      // for pg-boss's 30 s backstop between messages: poll at our own pace, and drain a backlog continuously.
      notifyPollingIntervalSeconds: deps.pollSeconds,
      burstWhenReadyExceeds: 1,
    },
    async ([job]: JobWithMetadata<{ mailId: string }>[]) => {
      if (!job) return
      await deliverQueuedMail(deps.db, deps.transport, deps.mailFrom, job.data.mailId, {
        attempt: job.retryCount + 1,
        maxAttempts: job.retryLimit + 1,
      })
    },
  )
  await queue.boss.work(JOB_NAMES.pruneRateLimits, async () => {
    await deleteEventsBefore(deps.db, new Date(Date.now() - 24 * 3_600_000))
  })
  await queue.boss.schedule(JOB_NAMES.pruneRateLimits, '17 3 * * *')
  await queue.boss.work(
    JOB_NAMES.sendInvitations,
    { pollingIntervalSeconds: deps.pollSeconds, batchSize: 1 },
    async ([job]: Job<{ cycleId: string; progressId: string }>[]) => {
      if (!job) return
      await sendCycleInvitations(deps.db, deps.jobs, deps.baseUrl, job.data)
    },
  )
  await queue.boss.work(
    JOB_NAMES.buildReports,
    { pollingIntervalSeconds: deps.pollSeconds, batchSize: 1 },
    async ([job]: Job<{ cycleId: string; progressId: string }>[]) => {
      if (!job) return
      await buildCycleReports(deps.db, job.data)
    },
  )
  await queue.boss.work(
    JOB_NAMES.prepareReportPdfs,
    { pollingIntervalSeconds: deps.pollSeconds, batchSize: 1 },
    async ([job]: Job<{ cycleId: string; progressId: string }>[]) => {
      if (!job) return
      await prepareReportPdfs(deps.db, () => reportPdfPool(deps.reportPdfWorkers), job.data)
    },
  )
  if (deps.badgeIssuer) await startBadgeWorkers(queue, deps, deps.badgeIssuer)
  await queue.boss.work(JOB_NAMES.cycleCalendar, async () => {
    const run = await runCycleCalendar(deps.db, deps.jobs, deps.baseUrl)
    for (const problem of run.problems) console.warn('[cycle-calendar]', problem.cycleId, problem.message)
  })
  // Scheduled at every start (pg-boss keeps one schedule per name, so this replaces rather than adds).
  await queue.boss.schedule(JOB_NAMES.cycleCalendar, CYCLE_CALENDAR_CRON)
}

/** Issuing badges: one order's (when it is paid or waived) and the console's "issue all" for a cycle. */
async function startBadgeWorkers(queue: Queue, deps: WorkerDeps, badgeIssuer: BadgeIssuerSource) {
  await queue.boss.work(
    JOB_NAMES.badgeIssue,
    { pollingIntervalSeconds: deps.pollSeconds, batchSize: 1 },
    async ([job]: Job<{ orderId: string }>[]) => {
      if (!job) return
      await issueBadgeForOrder(deps.db, deps.jobs, await badgeIssuer(), job.data.orderId)
    },
  )
  await queue.boss.work(
    JOB_NAMES.badgeIssueAll,
    { pollingIntervalSeconds: deps.pollSeconds, batchSize: 1 },
    async ([job]: Job<{ cycleId: string; progressId: string }>[]) => {
      if (!job) return
      await issueAllBadges(deps.db, deps.jobs, await badgeIssuer(), job.data)
    },
  )
}
