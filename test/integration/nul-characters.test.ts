import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { answers } from '../../src/db/schema/responses'
import { schools } from '../../src/db/schema/schools'
import { formPost, testApp, TEST_ORIGIN } from '../support/test-app'
import { seedUser, signedIn } from '../support/seed'
import { seedWorkspace } from '../support/workspace-seed'

// PostgreSQL's text and jsonb cannot hold U+0000: before decision 171 a NUL pasted into a note was a 500 and the
// words were lost. Now it is dropped where input comes in and everything around it is kept.

const { app, db } = await testApp()

test('a NUL pasted into a note, on the form or through autosave, is dropped and the rest of the answer is saved', async () => {
  const w = await seedWorkspace(db)
  const leader = await signedIn(db, w.leader)
  const form = await app.request(`/school/responses/${w.responseId}/areas/pathway-programs`, formPost({
    'pathway-programs.has-programs': 'yes',
    'pathway-programs.has-programs.base': '0',
    'pathway-programs.has-programs.note': 'From the\u0000 registrar',
  }, leader))
  expect(form.status).toBeLessThan(400)
  const saved = await app.request(`/school/responses/${w.responseId}/answers`, {
    method: 'POST',
    headers: { ...leader, 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
    body: JSON.stringify({ itemId: 'student-diversity.first-gen-share', value: 37, note: '\u0000Office of\u0000 admissions', baseVersion: 0 }),
  })
  expect(saved.status).toBe(200)
  const stored = await db.select({ itemId: answers.itemId, note: answers.note }).from(answers).where(eq(answers.responseId, w.responseId))
  expect(Object.fromEntries(stored.map((a) => [a.itemId, a.note]))).toEqual({
    'pathway-programs.has-programs': 'From the registrar',
    'student-diversity.first-gen-share': 'Office of admissions',
  })
})

test('a NUL in a search or in an uploaded directory file gets a page, never a server error', async () => {
  const admin = await signedIn(db, await seedUser(db, { programRole: 'admin' }))
  const search = await app.request('/admin/accounts?q=a%00b&page=1', { headers: admin })
  expect(search.status).toBe(308)
  expect(search.headers.get('location')).toBe('/admin/accounts?q=ab&page=1')
  expect((await app.request(search.headers.get('location')!, { headers: admin })).status).toBe(200)
  // Never to another site, whatever the path looks like.
  expect((await app.request('//evil.example/x?q=%00', { headers: admin })).headers.get('location')).toBe('/evil.example/x?q=')
  const body = new FormData()
  body.set('file', new File(['name,city,state,discipline,control\nNul\u0000 College,Fresno,CA,md,public\n'], 'schools.csv', { type: 'text/csv' }))
  const res = await app.request('/admin/schools/import', { method: 'POST', headers: admin, body })
  expect(res.status).toBeLessThan(500)
  expect(await db.select().from(schools).where(eq(schools.name, 'Nul\u0000 College'.replace('\u0000', '')))).toHaveLength(0) // previewed, not written
})

test('a NUL in any page’s path is “not found” for everyone, never a server error', async () => {
  const admin = await signedIn(db, await seedUser(db, { programRole: 'admin' }))
  const withNul = app.routes.filter((r) => r.method === 'GET' && r.path.includes('/:')).map((r) => r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, 'a%00b'))
  expect(withNul.length).toBeGreaterThan(20) // read from the app's own route table, so a new route is covered too
  for (const path of withNul) {
    for (const headers of [{}, admin]) expect((await app.request(path, { headers })).status, path).toBe(404)
  }
})
