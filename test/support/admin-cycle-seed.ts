import { randomUUID } from 'node:crypto'
import { latestProgress } from '../../src/db/queries/job-progress'
import { insertSchools } from '../../src/db/queries/schools'
import { sendCycleInvitations } from '../../src/services/cycles/send-invitations'
import type { TestApp } from './test-app'
import { formPost } from './test-app'

const DAY = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * A draft cycle made through the admin's form, of PA schools only (no other test file uses them), with three new
 * schools: two with a dean's address, one without.
 */
export async function draftPaCycle(t: Pick<TestApp, 'app' | 'db'>, headers: Record<string, string>) {
  const tag = randomUUID().slice(0, 6)
  await insertSchools(t.db, [0, 1, 2].map((i) => ({
    name: `Confirm ${tag} School ${i}`, city: 'Springfield', state: 'IL', discipline: 'pa' as const, control: 'public' as const,
    carnegieGroup: 'r2' as const, deanName: i < 2 ? `Dean ${i}` : null, deanEmail: i < 2 ? `dean-${i}-${tag}@school.test` : null,
  })))
  const body = new URLSearchParams({
    title: `Confirm round ${tag}`, instrumentVersion: 'smm-2024', sampleSeed: '',
    opensOn: isoDay(new Date()), deadlineOn: isoDay(new Date(Date.now() + 10 * DAY)), reminderDays: '14, 7, 1', disciplines: 'pa',
  })
  const res = await t.app.request('/admin/cycles/new', { ...formPost({}, headers), body })
  return { id: res.headers.get('location')!.split('/').pop()!, title: `Confirm round ${tag}` }
}

/** Opens the cycle through the admin's action and runs the invitation job here, as the worker would. */
export async function openPaCycle(t: Pick<TestApp, 'app' | 'db' | 'queue'>, headers: Record<string, string>) {
  const cycle = await draftPaCycle(t, headers)
  await t.app.request(`/admin/cycles/${cycle.id}/advance`, formPost({ to: 'open' }, headers))
  const progress = (await latestProgress(t.db, 'cycle.send-invitations', cycle.id))!
  await sendCycleInvitations(t.db, t.queue, 'http://localhost', { cycleId: cycle.id, progressId: progress.id })
  return cycle
}
