import { describe, expect, test } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { answerHistory, answers, responses } from '../../src/db/schema/responses'
import { auditEvents } from '../../src/db/schema/operations'
import { formPost, testApp } from '../support/test-app'
import { seedMember, seedSchool, signedIn } from '../support/seed'
import { seedResponse } from '../support/seed-response'

const { app, db } = await testApp()

/** A school that answered the 2019 questionnaire last time and is answering the 2024 one now. */
async function schoolWithHistory() {
  const school = await seedSchool(db)
  const earlier = await seedResponse(db, school.id, {
    instrumentVersion: 'smm-2019',
    submitted: true,
    answers: {
      'service-learning.format': 'required',
      'service-learning.hours': 40,
      'service-learning.reflection': true, // already answered this cycle: stays as answered now
      'graduate-outcomes.tracked': true, // now a single choice: no longer valid
      'clinical-training.fqhc': true, // not asked in 2024
      'community-health-needs.joins-assessment': false,
    },
  })
  const current = await seedResponse(db, school.id, { answers: { 'service-learning.reflection': false } })
  const leader = await seedMember(db, school.id, 'leader')
  return { school, earlier, current, leader, path: `/school/responses/${current.id}/carry-forward`, headers: await signedIn(db, leader) }
}
const answersOf = async (responseId: string) =>
  Object.fromEntries((await db.select().from(answers).where(eq(answers.responseId, responseId))).map((a) => [a.itemId, a]))

describe('carrying answers forward from an earlier cycle', () => {
  test('the preview shows, by area, what would be pre-filled and how many are left out, and writes nothing', async () => {
    const { current, path, headers, earlier } = await schoolWithHistory()
    const res = await app.request(path, { headers })
    expect(res.status).toBe(200)
    const html = (await res.text()).replace(/\s+/g, ' ')
    expect(html).toContain(`Pre-fill from ${earlier.cycleTitle}`)
    expect(html).toContain('3 answers from')
    expect(html).toMatch(/Service-learning<\/th> ?<td class="num">2<\/td>/)
    expect(html).toMatch(/Community health needs<\/th> ?<td class="num">1<\/td>/)
    expect(html).toContain('1 not asked in this questionnaire')
    expect(html).toContain('1 no longer a valid answer')
    expect(html).toContain('1 already answered this cycle')
    expect(Object.keys(await answersOf(current.id))).toEqual(['service-learning.reflection'])
  })

  test('confirming pre-fills only compatible answers, marked, with history; the answer given this cycle stays', async () => {
    const { current, earlier, path, headers } = await schoolWithHistory()
    const res = await app.request(path, formPost({}, headers))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/school/responses/${current.id}`)
    const now = await answersOf(current.id)
    expect(Object.keys(now).sort()).toEqual(['community-health-needs.joins-assessment', 'service-learning.format', 'service-learning.hours', 'service-learning.reflection'])
    expect(now['service-learning.format']).toMatchObject({ value: 'required', prefilled: true, version: 1 })
    expect(now['service-learning.hours']).toMatchObject({ value: 40, prefilled: true })
    expect(now['service-learning.reflection']).toMatchObject({ value: false, prefilled: false }) // never overwritten
    const history = await db.select().from(answerHistory).where(eq(answerHistory.responseId, current.id))
    expect(history.map((h) => h.source)).toEqual(['carry-forward', 'carry-forward', 'carry-forward'])
    const [row] = await db.select().from(responses).where(eq(responses.id, current.id))
    expect(row!.carriedForwardFrom).toBe(earlier.id)
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'response.carried-forward'), eq(auditEvents.subject, current.id)))
    expect(audit!.details).toMatchObject({ from: earlier.id, written: 3 })

    // Pre-filling again adds nothing: every carried answer is there now.
    await app.request(path, formPost({}, headers))
    expect(await db.select().from(answerHistory).where(eq(answerHistory.responseId, current.id))).toHaveLength(3)
  })

  test('contributors cannot pre-fill; a school with no earlier submitted response is told so', async () => {
    const { school, path } = await schoolWithHistory()
    const contributor = await seedMember(db, school.id, 'contributor')
    const theirs = await signedIn(db, contributor)
    expect((await app.request(path, { headers: theirs })).status).toBe(403)
    expect((await app.request(path, formPost({}, theirs))).status).toBe(403)

    const fresh = await seedSchool(db)
    const only = await seedResponse(db, fresh.id)
    const lead = await signedIn(db, await seedMember(db, fresh.id, 'leader'))
    const page = await app.request(`/school/responses/${only.id}/carry-forward`, { headers: lead })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('has no submitted response from an earlier cycle')
    expect((await app.request(`/school/responses/${only.id}/carry-forward`, formPost({}, lead))).status).toBe(409)
  })
})
