import type { Db } from '../../db/client'
import { advanceProgress, finishProgress } from '../../db/queries/job-progress'
import { uninvitedParticipations } from '../../db/queries/participations'
import type { JobQueue } from '../jobs'
import { issueInvitation } from './invitation-issue'

export const INVITATION_BATCH = 200
export const SEND_INVITATIONS_KIND = 'cycle.send-invitations'

/**
 * The background half of opening a cycle: invitations are created a batch per short transaction (PGlite has one
 * connection, and the web must keep answering), each batch advancing the progress row. Safe to run twice: a
 * participation that already has its invitation is skipped.
 */
export async function sendCycleInvitations(
  db: Db,
  jobs: JobQueue,
  baseUrl: string,
  job: { cycleId: string; progressId: string },
  now = () => new Date(),
) {
  try {
    for (;;) {
      const sent = await db.transaction(async (tx) => {
        const batch = await uninvitedParticipations(tx, job.cycleId, INVITATION_BATCH)
        for (const target of batch) await issueInvitation(tx, jobs, baseUrl, target, now())
        if (batch.length > 0) await advanceProgress(tx, job.progressId, batch.length)
        return batch.length
      })
      if (sent < INVITATION_BATCH) break
    }
    await finishProgress(db, job.progressId, now())
  } catch (err) {
    await finishProgress(db, job.progressId, now(), err instanceof Error ? err.message : String(err))
    throw err
  }
}
