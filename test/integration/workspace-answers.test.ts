import { and, desc, eq } from 'drizzle-orm'
import { auditEvents, mailMessages } from '../../src/db/schema/operations'
import { describe, expect, test } from 'vitest'
import { answerHistory, answers, responses } from '../../src/db/schema/responses'
import { cycleParticipations } from '../../src/db/schema/cycles'
import { formPost, testApp, TEST_ORIGIN } from '../support/test-app'
import { seedUser, signedIn } from '../support/seed'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'

const { app, db, database } = await testApp()

const saveJson = (headers: Record<string, string>, responseId: string, body: Record<string, unknown>) =>
  app.request(`/school/responses/${responseId}/answers`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
    body: JSON.stringify(body),
  })

describe('autosave', () => {
  test('a save lands with version 1, marks the school in progress and writes history; a second save on the same base is a conflict with both values', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const coordinator = await signedIn(db, w.coordinator)
    const first = await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 })
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ ok: true, version: 1 })
    const [p] = await db.select({ status: cycleParticipations.status }).from(cycleParticipations).where(eq(cycleParticipations.id, w.participation.id))
    expect(p!.status).toBe('in_progress')

    const stale = await saveJson(coordinator, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 0 })
    expect(stale.status).toBe(409)
    const conflict = await stale.json()
    expect(conflict).toMatchObject({ kind: 'conflict', yours: false, theirs: { value: true, version: 1 } })

    const keepMine = await saveJson(coordinator, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 1 })
    expect(await keepMine.json()).toEqual({ ok: true, version: 2 })
    const history = await db.select().from(answerHistory).where(eq(answerHistory.responseId, w.responseId)).orderBy(answerHistory.id)
    expect(history.map((h) => [h.oldValue, h.newValue, h.version, h.changedBy])).toEqual([[null, true, 1, w.leader.id], [true, false, 2, w.coordinator.id]])
  })

  test('a save sent again after its reply was lost is acknowledged as it stands: one history row, no conflict with oneself', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const coordinator = await signedIn(db, w.coordinator)
    const save = { itemId: 'student-diversity.first-gen-share', value: 37, note: 'From the registrar', baseVersion: 0 }
    expect(await (await saveJson(leader, w.responseId, save)).json()).toEqual({ ok: true, version: 1 })
    const again = await saveJson(leader, w.responseId, save) // the page retries: it never saw version 1
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ ok: true, version: 1 })
    // The same content from someone else, or different content from the same person, is still a conflict.
    expect((await saveJson(coordinator, w.responseId, save)).status).toBe(409)
    expect((await saveJson(leader, w.responseId, { ...save, value: 38 })).status).toBe(409)
    const history = await db.select().from(answerHistory).where(and(eq(answerHistory.responseId, w.responseId), eq(answerHistory.itemId, save.itemId)))
    expect(history.map((h) => h.newValue)).toEqual([37])
  })

  test('out-of-range numbers, percentages over 100 and text in a number field are refused with a message', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const percent = await saveJson(leader, w.responseId, { itemId: 'student-diversity.first-gen-share', value: 140, baseVersion: 0 })
    expect(percent.status).toBe(422)
    expect((await percent.json()).message).toBe('A percentage is between 0 and 100.')
    const text = await saveJson(leader, w.responseId, { itemId: 'student-diversity.first-gen-share', value: 'forty', baseVersion: 0 })
    expect(text.status).toBe(422)
    expect((await text.json()).message).toBe('Enter a number, e.g. 42.')
  })

  test('answers to hidden follow-ups and to items not asked of the discipline are refused', async () => {
    const w = await seedWorkspace(db, { discipline: 'md' })
    const leader = await signedIn(db, w.leader)
    await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 0 })
    const hidden = await saveJson(leader, w.responseId, { itemId: 'pathway-programs.k12-partnerships', value: 3, baseVersion: 0 })
    expect(hidden.status).toBe(422)
    expect((await hidden.json()).message).toContain('does not apply given your earlier answers')
    const otherDiscipline = await saveJson(leader, w.responseId, { itemId: PA_ONLY_ITEM, value: 10, baseVersion: 0 })
    expect(otherDiscipline.status).toBe(422)
    expect((await otherDiscipline.json()).message).toBe('This question is not asked of schools of your discipline.')
  })

  test('a contributor saves in their assigned area and is refused elsewhere; another school answers 404', async () => {
    const w = await seedWorkspace(db, { contributorAreas: ['recognition'] })
    const contributor = await signedIn(db, w.contributor)
    const own = await saveJson(contributor, w.responseId, { itemId: RECOGNITION_ITEM, value: 'counted', baseVersion: 0 })
    expect(own.status).toBe(200)
    const elsewhere = await saveJson(contributor, w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 })
    expect(elsewhere.status).toBe(403)
    expect((await app.request(`/school/responses/${w.responseId}/areas/pathway-programs`, { headers: contributor })).status).toBe(403)
    expect((await app.request(`/school/responses/${w.responseId}/history`, { headers: contributor })).status).toBe(403)

    const stranger = await seedWorkspace(db)
    const outsider = await signedIn(db, stranger.leader)
    expect((await app.request(`/school/responses/${w.responseId}`, { headers: outsider })).status).toBe(404)
    expect((await saveJson(outsider, w.responseId, { itemId: RECOGNITION_ITEM, value: 'counted', baseVersion: 0 })).status).toBe(404)
  })

  test('after the deadline the school cannot save; an admin still can, as a paper entry', async () => {
    const w = await seedWorkspace(db, { deadlineInDays: -1 })
    const late = await saveJson(await signedIn(db, w.leader), w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 })
    expect(late.status).toBe(403)
    expect((await late.json()).message).toContain('The deadline has passed')
    const admin = await saveJson(await signedIn(db, w.admin), w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 })
    expect(admin.status).toBe(200)
    const [r] = await db.select({ entryMode: responses.entryMode }).from(responses).where(eq(responses.id, w.responseId))
    expect(r!.entryMode).toBe('paper')
    const [h] = await db.select({ source: answerHistory.source }).from(answerHistory).where(eq(answerHistory.responseId, w.responseId))
    expect(h!.source).toBe('paper')
  })
})

describe('autosaves arriving together (they share one read and one write statement)', () => {
  test('saves of different answers all land; of one answer on one base exactly one lands, the others are conflicts', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const coordinator = await signedIn(db, w.coordinator)
    const items = ['pathway-programs.has-programs', 'student-diversity.first-gen-share', 'student-diversity.rural-share']
    const values = [true, 12, 30]
    const different = await Promise.all(items.map((itemId, i) => saveJson(i % 2 ? coordinator : leader, w.responseId, { itemId, value: values[i], baseVersion: 0 })))
    expect(different.map((r) => r.status)).toEqual([200, 200, 200])

    const racing = await Promise.all([41, 42, 43, 44].map((value, i) => saveJson(i % 2 ? coordinator : leader, w.responseId, { itemId: items[1], value, baseVersion: 1 })))
    const statuses = racing.map((r) => r.status).sort()
    expect(statuses).toEqual([200, 409, 409, 409])
    const bodies = await Promise.all(racing.map((r) => r.json()))
    const winner = bodies.find((b) => b.ok)
    expect(winner).toEqual({ ok: true, version: 2 })
    const [stored] = await db.select({ value: answers.value, version: answers.version }).from(answers).where(and(eq(answers.responseId, w.responseId), eq(answers.itemId, items[1]!)))
    for (const lost of bodies.filter((b) => !b.ok)) expect(lost.theirs).toMatchObject({ value: stored!.value, version: 2 })
    expect([41, 42, 43, 44]).toContain(stored!.value)
    const history = await db.select().from(answerHistory).where(eq(answerHistory.responseId, w.responseId)).orderBy(answerHistory.id)
    expect(history).toHaveLength(4) // three first answers and the one winner
    expect(history.filter((h) => h.itemId === items[1]).map((h) => [h.oldValue, h.newValue])).toEqual([[null, 12], [12, stored!.value]])
  })

  test('two first answers to one question at once: one lands, the other is a conflict showing it', async () => {
    const w = await seedWorkspace(db)
    const [leader, coordinator] = [await signedIn(db, w.leader), await signedIn(db, w.coordinator)]
    const both = await Promise.all([saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 }), saveJson(coordinator, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 0 })])
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    const history = await db.select().from(answerHistory).where(eq(answerHistory.responseId, w.responseId))
    expect(history).toHaveLength(1)
  })
})

describe('autosave refusals answer JSON the page can show', () => {
  test('signed out, signed-out session, another site, too large, unreadable id: each refused with a message, nothing saved', async () => {
    const w = await seedWorkspace(db)
    const body = { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 }
    const anonymous = await saveJson({}, w.responseId, body)
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ ok: false, kind: 'refused', message: expect.stringContaining('sign in') })

    const leader = await signedIn(db, w.leader)
    expect((await app.request('/sign-out', { method: 'POST', headers: { ...leader, Origin: TEST_ORIGIN } })).status).toBe(303)
    expect((await saveJson(leader, w.responseId, body)).status).toBe(401)

    const again = await signedIn(db, w.leader)
    // What a hostile page can send without a CORS preflight: JSON as text/plain, from its own origin.
    const foreign = await app.request(`/school/responses/${w.responseId}/answers`, {
      method: 'POST',
      headers: { ...again, 'Content-Type': 'text/plain', Origin: 'https://elsewhere.example' },
      body: JSON.stringify(body),
    })
    expect(foreign.status).toBe(403)
    expect((await foreign.json()).message).toContain('Reload')
    const huge = await saveJson(again, w.responseId, { ...body, note: 'x'.repeat(1024 * 1024 + 1) })
    expect(huge.status).toBe(413)
    expect((await huge.json()).message).toContain('larger than we accept')
    // A browser declares the length: that is checked before a byte is read (decision 173).
    const declared = JSON.stringify({ ...body, note: 'x'.repeat(1024 * 1024 + 1) })
    const hugeDeclared = await app.request(`/school/responses/${w.responseId}/answers`, {
      method: 'POST',
      headers: { ...again, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(declared)), Origin: TEST_ORIGIN },
      body: declared,
    })
    expect(hugeDeclared.status).toBe(413)
    expect((await hugeDeclared.json()).message).toContain('larger than we accept')
    const badId = await saveJson(again, 'not-a-uuid', body)
    expect(badId.status).toBe(404)
    expect(await badId.json()).toMatchObject({ ok: false, kind: 'refused' })
    expect(await db.select().from(answers).where(eq(answers.responseId, w.responseId))).toEqual([])
  })

  test('the last activity is noted at the first save and at most once a minute after, not on every save', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const lastActivity = async () => (await db.select({ at: cycleParticipations.lastActivityAt }).from(cycleParticipations).where(eq(cycleParticipations.id, w.participation.id)))[0]!.at
    await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 })
    const first = await lastActivity()
    expect(first).not.toBeNull()
    await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 1 })
    expect(await lastActivity()).toEqual(first)
    await db.update(cycleParticipations).set({ lastActivityAt: new Date(first!.getTime() - 2 * 60_000) }).where(eq(cycleParticipations.id, w.participation.id))
    await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 2 })
    expect((await lastActivity())!.getTime()).toBeGreaterThan(first!.getTime() - 60_000)
  })
})

describe('the area form without JavaScript', () => {
  test('good answers land; a bad number and a stale item come back on the page with what was typed and both values', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const coordinator = await signedIn(db, w.coordinator)
    await saveJson(coordinator, w.responseId, { itemId: 'pathway-programs.budget-line', value: true, baseVersion: 0 })
    const res = await app.request(`/school/responses/${w.responseId}/areas/pathway-programs`, formPost({
      'pathway-programs.has-programs': 'yes',
      'pathway-programs.has-programs.base': '0',
      'pathway-programs.k12-partnerships': 'twelve',
      'pathway-programs.k12-partnerships.base': '0',
      'pathway-programs.budget-line': 'no',
      'pathway-programs.budget-line.base': '0',
    }, leader))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('value="twelve"')
    expect(html).toContain('Enter a number, e.g. 42.')
    expect(html).toContain('Their answer:')
    const stored = await db.select({ itemId: answers.itemId, value: answers.value }).from(answers).where(eq(answers.responseId, w.responseId))
    expect(Object.fromEntries(stored.map((a) => [a.itemId, a.value]))).toEqual({ 'pathway-programs.has-programs': true, 'pathway-programs.budget-line': true })
  })

  test('numbers too large to be true and made-up versions are refused beside the field, never a server error', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const res = await app.request(`/school/responses/${w.responseId}/areas/pathway-programs`, formPost({
      'pathway-programs.has-programs': 'yes',
      'pathway-programs.has-programs.base': '99999999999999999999',
      'pathway-programs.k12-partnerships': '123456789012345678901234',
      'pathway-programs.k12-partnerships.base': '-1',
    }, leader))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Enter 1,000,000 or less.')
    expect(html).toContain('value="123456789012345678901234"')
    // The made-up version counted as "never seen": the first answer still landed.
    const [stored] = await db.select({ value: answers.value }).from(answers).where(eq(answers.responseId, w.responseId))
    expect(stored?.value).toBe(true)

    for (const baseVersion of [2 ** 31, 2 ** 53, -1, 1.5]) {
      const json = await saveJson(leader, w.responseId, { itemId: 'pathway-programs.budget-line', value: true, baseVersion })
      expect(json.status).toBe(422)
      expect(typeof (await json.json()).message).toBe('string')
    }
  })
})

describe('review, submit and reopen', () => {
  test('the leader submits only when nothing blocks; the response locks, the team gets receipts; an admin reopens with a reason', async () => {
    const w = await seedWorkspace(db)
    const leader = await signedIn(db, w.leader)
    const blocked = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dean Example', certify: 'yes' }, leader))
    expect(blocked.status).toBe(422)
    expect(await blocked.text()).toContain('Required questions not answered yet')

    await answerAllRequired(db, w.responseId, w.leader, w.school.id)
    const coordinatorTry = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Coord', certify: 'yes' }, await signedIn(db, w.coordinator)))
    expect(coordinatorTry.status).toBe(403)
    const noTick = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dean Example' }, leader))
    expect(noTick.status).toBe(422)
    const ok = await app.request(`/school/responses/${w.responseId}/submit`, formPost({ certifiedName: 'Dean Example', certify: 'yes' }, leader))
    expect(ok.status).toBe(303)
    const receipts = await db.select({ to: mailMessages.toAddress }).from(mailMessages).where(eq(mailMessages.kind, 'response.receipt'))
    expect(receipts.map((m) => m.to)).toEqual(expect.arrayContaining([w.leader.email, w.coordinator.email, w.contributor.email]))
    const [p] = await db.select({ status: cycleParticipations.status }).from(cycleParticipations).where(eq(cycleParticipations.id, w.participation.id))
    expect(p!.status).toBe('submitted')
    const locked = await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 1 })
    expect(locked.status).toBe(409)

    const admin = await signedIn(db, w.admin)
    const noReason = await app.request(`/admin/responses/${w.responseId}/reopen`, formPost({ reason: '' }, admin))
    expect(noReason.status).toBe(422)
    const reopened = await app.request(`/admin/responses/${w.responseId}/reopen`, formPost({ reason: 'The school found a typo in its counts.' }, admin))
    expect(reopened.status).toBe(303)
    expect((await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 1 })).status).toBe(200)
  })
})

test('a program admin opening a school’s answers leaves an audit row', async () => {
  const w = await seedWorkspace(db)
  const admin = await seedUser(db, { programRole: 'admin' })
  const res = await app.request(`/school/responses/${w.responseId}/areas/pathway-programs`, { headers: await signedIn(db, admin) })
  expect(res.status).toBe(200)
  const rows = await db.select({ action: auditEvents.action, details: auditEvents.details }).from(auditEvents).where(and(eq(auditEvents.subject, w.responseId), eq(auditEvents.action, 'response.viewed')))
  expect(rows).toEqual([{ action: 'response.viewed', details: { what: 'area:pathway-programs' } }])
})

test('the leader sees the answer history: who, old and new value', async () => {
  const w = await seedWorkspace(db)
  const leader = await signedIn(db, w.leader)
  await saveJson(await signedIn(db, w.coordinator), w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 })
  await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 1 })
  const res = await app.request(`/school/responses/${w.responseId}/history`, { headers: leader })
  expect(res.status).toBe(200)
  const html = await res.text()
  expect(html).toContain(w.coordinator.email)
  expect(html).toMatch(/<td>Yes<\/td><td>No<\/td>/)
})

test('an autosave costs at most 5 SQL statements, the session lookup included', async () => {
  const w = await seedWorkspace(db)
  const leader = await signedIn(db, w.leader)
  await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 }) // first save: marks in progress
  const statements = countStatements()
  const res = await saveJson(leader, w.responseId, { itemId: 'pathway-programs.has-programs', value: false, baseVersion: 1 })
  statements.stop()
  expect(res.status).toBe(200)
  expect(statements.count()).toBeLessThanOrEqual(5)
  console.info(`statements per autosave: ${statements.count()}`)
})

/** Counts statements sent to the database driver, whichever engine the tests run on. */
function countStatements() {
  const client = (database.engine === 'pglite' ? database.pglite : database.pool) as unknown as { query: (...args: unknown[]) => Promise<unknown> }
  const original = client.query
  let n = 0
  client.query = function (this: unknown, ...args: unknown[]) {
    n++
    return original.apply(this, args)
  }
  return { count: () => n, stop: () => void (client.query = original) }
}

const PA_ONLY_ITEM = 'graduate-outcomes.pance-first-time'
const RECOGNITION_ITEM = 'recognition.promotion-criteria'

test('a carried-forward answer blocks submission until someone confirms it; confirming is kept in the history', async () => {
  const w = await seedWorkspace(db)
  const leader = await signedIn(db, w.leader)
  await answerAllRequired(db, w.responseId, w.leader, w.school.id)
  await db.update(answers).set({ prefilled: true }).where(and(eq(answers.responseId, w.responseId), eq(answers.itemId, 'pathway-programs.budget-line')))
  const review = await app.request(`/school/responses/${w.responseId}/review`, { headers: leader })
  expect(await review.text()).toContain('Answers carried forward from your last cycle')
  const page = await app.request(`/school/responses/${w.responseId}/areas/pathway-programs`, { headers: leader })
  expect(await page.text()).toContain('Confirm this answer')

  const [row] = await db.select({ version: answers.version, value: answers.value }).from(answers).where(and(eq(answers.responseId, w.responseId), eq(answers.itemId, 'pathway-programs.budget-line')))
  const confirmed = await saveJson(leader, w.responseId, { itemId: 'pathway-programs.budget-line', value: row!.value, baseVersion: row!.version, confirm: true })
  expect(confirmed.status).toBe(200)
  const after = await app.request(`/school/responses/${w.responseId}/review`, { headers: leader })
  expect(await after.text()).toContain('Every required question is answered and every carried-forward answer is confirmed.')
  const [last] = await db.select({ source: answerHistory.source }).from(answerHistory).where(eq(answerHistory.responseId, w.responseId)).orderBy(desc(answerHistory.id)).limit(1)
  expect(last!.source).toBe('confirm')
})

test('the landing page lists the school’s response; signing in as a school member lands there', async () => {
  const w = await seedWorkspace(db)
  const res = await app.request('/school', { headers: await signedIn(db, w.coordinator) })
  expect(res.status).toBe(200)
  const html = await res.text()
  expect(html).toContain(w.school.name)
  expect(html).toContain(`/school/responses/${w.responseId}`)
})

test('the program team reaches a school’s response from its line in the cycle', async () => {
  const w = await seedWorkspace(db)
  const admin = await signedIn(db, w.admin)
  const res = await app.request(`/admin/responses/of/${w.participation.id}`, { headers: admin })
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe(`/admin/responses/${w.responseId}`)
  const page = await app.request(`/admin/responses/${w.responseId}`, { headers: admin })
  expect(await page.text()).toContain('Enter a paper return')
  expect((await app.request(`/admin/responses/of/${w.participation.id}`, { headers: await signedIn(db, w.leader) })).status).toBe(403)
})
