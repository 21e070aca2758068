import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { answers } from '../../src/db/schema/responses'
import { signedIn } from '../support/seed'
import { testApp, TEST_ORIGIN } from '../support/test-app'
import { answerAllRequired, seedWorkspace } from '../support/workspace-seed'

// The autosave reads back only the answers skip logic reads, not the whole response (decision 169). What a
// respondent must still notice: a follow-up shows, and may be saved, exactly when their latest answer says so.

const { app, db } = await testApp()
const CONTROL = 'pathway-programs.has-programs'
const FOLLOW_UP = 'pathway-programs.k12-partnerships' // shown if has-programs = yes

test('on a full response, a follow-up is refused or saved according to the answer it depends on, save after save', async () => {
  const w = await seedWorkspace(db, { discipline: 'md' })
  await answerAllRequired(db, w.responseId, w.leader, w.school.id)
  const leader = await signedIn(db, w.leader)
  const versionOf = async (itemId: string) =>
    (await db.select({ version: answers.version }).from(answers).where(and(eq(answers.responseId, w.responseId), eq(answers.itemId, itemId))))[0]?.version ?? 0
  const save = async (itemId: string, value: unknown) => {
    const res = await app.request(`/school/responses/${w.responseId}/answers`, {
      method: 'POST',
      headers: { ...leader, 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
      body: JSON.stringify({ itemId, value, baseVersion: await versionOf(itemId) }),
    })
    return { status: res.status, message: ((await res.json()) as { message?: string }).message }
  }

  expect((await save(CONTROL, false)).status).toBe(200)
  expect(await save(FOLLOW_UP, 4)).toEqual({ status: 422, message: expect.stringContaining('does not apply given your earlier answers') })
  expect((await save(CONTROL, true)).status).toBe(200)
  expect((await save(FOLLOW_UP, 4)).status).toBe(200)
  expect((await save(CONTROL, false)).status).toBe(200)
  expect((await save(FOLLOW_UP, 5)).status).toBe(422)
  expect((await db.select({ value: answers.value }).from(answers).where(and(eq(answers.responseId, w.responseId), eq(answers.itemId, FOLLOW_UP))))[0]?.value).toBe(4)
})
