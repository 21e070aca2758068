import { describe, expect, test } from 'vitest'
import { advanceProgress, finishProgress, startProgress } from '../../src/db/queries/job-progress'
import { BUILD_REPORTS_KIND } from '../../src/services/reports/cycle-scoring'
import { seedScoringCycle } from '../support/scoring-seed'
import { seedUser, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

const { app, db } = await testApp()
const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)

describe('a long job’s live progress', () => {
  test('the page shows the bar with a refresh link and the script, the button disabled, and no self-refresh', async () => {
    const cycle = await seedScoringCycle(db, { status: 'closed' })
    const progressId = await startProgress(db, BUILD_REPORTS_KIND, cycle.id, 9)
    await advanceProgress(db, progressId, 3)
    const res = await app.request(`/admin/cycles/${cycle.id}/reports`, { headers })
    expect(res.headers.get('refresh')).toBeNull()
    const html = await res.text()
    expect(html).toContain(`data-job-progress="/admin/cycles/${cycle.id}/progress/scoring"`)
    expect(html).toContain('3 of 9 responses scored')
    expect(html).toContain('Refresh to see how far it has got')
    // Its hashed name, or the plain one in the moment after start while the scripts are still being bundled.
    expect(html).toMatch(/src="\/assets\/job-progress(\.[0-9a-f]{12})?\.js"/)
    expect(html).toMatch(/<button type="submit" class="button" data-job-button="true" disabled="">Score and freeze norms<\/button>|<button[^>]*disabled[^>]*>Score and freeze norms/)

    const running = await app.request(`/admin/cycles/${cycle.id}/progress/scoring`, { headers })
    expect(running.headers.get('cache-control')).toBe('no-store')
    expect(await running.json()).toMatchObject({ status: 'running', done: 3, total: 9 })

    await advanceProgress(db, progressId, 6)
    await finishProgress(db, progressId, new Date())
    expect(await (await app.request(`/admin/cycles/${cycle.id}/progress/scoring`, { headers })).json()).toMatchObject({ status: 'done', done: 9, total: 9 })
    expect(await (await app.request(`/admin/cycles/${cycle.id}/reports`, { headers })).text()).toContain('9 responses scored')
  })

  test('says what failed', async () => {
    const cycle = await seedScoringCycle(db, { status: 'closed' })
    const progressId = await startProgress(db, BUILD_REPORTS_KIND, cycle.id, 4)
    await finishProgress(db, progressId, new Date(), 'the norms could not be frozen')
    const html = await (await app.request(`/admin/cycles/${cycle.id}/reports`, { headers })).text()
    expect(html).toContain('Scoring stopped')
    expect(html).toContain('It stopped: the norms could not be frozen. It will be retried.')
  })

  test('an unknown job or a cycle id that is not one is not found; the script is served', async () => {
    const cycle = await seedScoringCycle(db, { status: 'closed' })
    expect((await app.request(`/admin/cycles/${cycle.id}/progress/everything`, { headers })).status).toBe(404)
    expect((await app.request('/admin/cycles/not-a-cycle/progress/scoring', { headers })).status).toBe(404)
    const script = await app.request('/assets/job-progress.js')
    expect(script.status).toBe(200)
    expect(await script.text()).toContain('data-job-progress')
  })
})
