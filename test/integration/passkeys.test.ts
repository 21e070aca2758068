import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { sessions } from '../../src/db/schema/accounts'
import { auditEvents } from '../../src/db/schema/operations'
import { passkeys } from '../../src/db/schema/passkeys'
import { PASSKEY_CHALLENGE_TTL_MS } from '../../src/domain/auth/passkey-rules'
import { relyingPartyOf } from '../../src/services/auth/passkey-ceremonies'
import { completeWithPasskey, pendingSignInFor, secondStepPage } from '../../src/services/auth/passkey-step'
import { createSignInLink } from '../../src/services/auth/sign-in'
import { seedMember, seedSchool, seedUser, signedIn } from '../support/seed'
import { seedWorkspace } from '../support/workspace-seed'
import { SoftwareAuthenticator, passkeyOptionsIn, type Bend } from '../support/software-authenticator'
import { formPost, testApp, TEST_ORIGIN } from '../support/test-app'

// Passkeys as the program staff's second step (decisions 160–162), end to end through the app: a software
// authenticator answers, and the real @simplewebauthn/server verifies every answer.

const { app, db } = await testApp()
const admin = await seedUser(db, { programRole: 'admin' })
const asAdmin = await signedIn(db, admin)

type Person = { id: string; email: string }
const auditsOf = async (email: string) => (await db.select().from(auditEvents).where(eq(auditEvents.actorEmail, email))).map((e) => [e.action, e.details] as const)
const optionsOn = async (path: string, headers: Record<string, string>) => passkeyOptionsIn(await (await app.request(path, { headers })).text())

/** Opens a fresh e-mailed link and presses "Sign in": the session's cookie and where the app sent the person. */
async function openLink(person: Person, next?: string) {
  const link = await createSignInLink(db, TEST_ORIGIN, { userId: person.id, nextPath: next ?? null }, new Date())
  const res = await app.request('/sign-in/link', formPost({ token: new URL(link).searchParams.get('token')! }))
  const cookie = res.headers.get('set-cookie')!.match(/smm_session=[^;]+/)![0]
  return { headers: { Cookie: cookie, Origin: TEST_ORIGIN }, location: res.headers.get('location') }
}

/** A program person with a passkey on this authenticator, added from "Your account". */
async function withPasskey(programRole: 'admin' | 'analyst') {
  const person = await seedUser(db, { programRole })
  const device = new SoftwareAuthenticator(TEST_ORIGIN)
  const headers = await signedIn(db, person)
  const added = await app.request('/account/passkeys', formPost({ response: JSON.stringify(device.register(await optionsOn('/account/passkeys/new', headers))), nickname: 'Work laptop' }, headers))
  expect(added.status).toBe(303)
  return { person, device, headers } // a session opened before the passkey existed, so not pending
}

/** The second step's answer, made by `device` for the challenge the pending page shows, bent as asked. */
async function answerStep(headers: Record<string, string>, device: SoftwareAuthenticator, bend: Bend = {}, next = '/admin') {
  const answer = device.authenticate(await optionsOn('/sign-in/passkey', headers), bend)
  return app.request('/sign-in/passkey', formPost({ response: JSON.stringify(answer), next }, headers))
}

describe('adding a passkey from "Your account"', () => {
  test('an admin adds a passkey: it is listed by name, kept with its public key and counter, and audited', async () => {
    const { person, device, headers } = await withPasskey('admin')
    const page = await (await app.request('/account', { headers })).text()
    expect(page).toContain('Work laptop')
    const [stored] = await db.select().from(passkeys).where(eq(passkeys.userId, person.id))
    expect(stored).toMatchObject({ id: device.credentials[0]!.id.toString('base64url'), counter: 0, transports: ['internal'], nickname: 'Work laptop' })
    expect(await auditsOf(person.email)).toContainEqual(['passkey.added', { passkey: 'Work laptop' }])
  })

  test('an answer for another website is refused with a message, and nothing is stored', async () => {
    const person = await seedUser(db, { programRole: 'analyst' })
    const headers = await signedIn(db, person)
    const answer = new SoftwareAuthenticator(TEST_ORIGIN).register(await optionsOn('/account/passkeys/new', headers), { origin: 'https://evil.example' })
    const refused = await app.request('/account/passkeys', formPost({ response: JSON.stringify(answer), nickname: 'Mine' }, headers))
    expect(refused.status).toBe(422)
    const html = await refused.text()
    expect(html).toContain('made for another website')
    expect(html).toContain('value="Mine"')
    expect(await db.select().from(passkeys).where(eq(passkeys.userId, person.id))).toEqual([])
    expect(await auditsOf(person.email)).toContainEqual(['passkey.failed', { reason: 'wrong-site', step: 'add' }])
  })

  test('a school leader has no passkeys to add: the account page says so and the add page is refused', async () => {
    const dean = await seedMember(db, (await seedSchool(db)).id, 'leader')
    const headers = await signedIn(db, dean)
    expect(await (await app.request('/account', { headers })).text()).toContain('Passkeys are a second step for the program team')
    expect((await app.request('/account/passkeys/new', { headers })).status).toBe(403)
    expect((await app.request('/account/passkeys', formPost({ response: '{}' }, headers))).status).toBe(403)
  })

  test('garbage in the answer field is a readable refusal, never a 5xx', async () => {
    const headers = await signedIn(db, await seedUser(db, { programRole: 'admin' }))
    for (const response of ['not json', '{"id":1}', '[]', 'null', JSON.stringify({ id: 'x', response: { clientDataJSON: '%%%' } })]) {
      const res = await app.request('/account/passkeys', formPost({ response }, headers))
      expect(res.status, response).toBe(422)
    }
  })
})

describe('signing in: the e-mailed link, then the passkey', () => {
  test('the link leaves the session pending; the passkey finishes it and leads on to the page asked for', async () => {
    const { person, device } = await withPasskey('admin')
    const { headers, location } = await openLink(person, '/admin/cycles')
    expect(location).toBe('/sign-in/passkey?next=%2Fadmin%2Fcycles')
    const step = await app.request('/sign-in/passkey?next=%2Fadmin%2Fcycles', { headers })
    expect(step.status).toBe(200)
    expect(await step.text()).toContain('Use your passkey')
    const done = await answerStep(headers, device, {}, '/admin/cycles')
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/admin/cycles')
    expect((await app.request('/admin/cycles', { headers })).status).toBe(200)
    expect((await db.select().from(passkeys).where(eq(passkeys.userId, person.id)))[0]!.counter).toBe(1)
    expect(await auditsOf(person.email)).toContainEqual(['passkey.used', { passkey: 'Work laptop' }])
  })

  test('a pending session reaches no program page: /admin, /research and the account are sent to the passkey step', async () => {
    const { person } = await withPasskey('admin')
    const { headers } = await openLink(person)
    for (const path of ['/admin', '/admin/accounts', '/research', '/account', '/admin/audit']) {
      const res = await app.request(path, { headers })
      expect(res.status, path).toBe(303)
      expect(res.headers.get('location'), path).toBe(`/sign-in/passkey?next=${encodeURIComponent(path)}`)
    }
    const change = await app.request('/admin/accounts/passkey-requirement', formPost({ required: 'yes' }, headers))
    expect(change.headers.get('location')).toBe('/sign-in/passkey?next=%2Fadmin%2Faccounts%2Fpasskey-requirement')
    expect(await auditsOf(person.email)).not.toContainEqual(['passkeys.required', {}])
    expect(await (await app.request('/', { headers })).text()).not.toContain('Sign out (')
  })

  test('a pending session cannot autosave a school’s answer (the autosave reads sessions itself); the passkey opens it', async () => {
    const w = await seedWorkspace(db)
    const { person, device } = await withPasskey('admin')
    const { headers } = await openLink(person)
    const save = () =>
      app.request(`/school/responses/${w.responseId}/answers`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify({ itemId: 'pathway-programs.has-programs', value: true, baseVersion: 0 }),
      })
    expect((await save()).status).toBe(401)
    expect((await answerStep(headers, device)).status).toBe(303)
    expect((await save()).status).toBe(200)
  })

  test('a wrong signature, a replayed challenge and a wrong origin are refused with a message; the session stays pending', async () => {
    const { person, device } = await withPasskey('admin')
    const { headers } = await openLink(person)
    const cases: [Bend, string][] = [
      [{ badSignature: true }, 'We could not verify that passkey'],
      [{ origin: 'https://evil.example' }, 'made for another website'],
      [{ rpId: 'evil.example' }, 'made for another website'],
    ]
    for (const [bend, message] of cases) {
      const refused = await answerStep(headers, device, bend)
      expect(refused.status, JSON.stringify(bend)).toBe(422)
      expect(await refused.text()).toContain(message)
    }
    // The answer to a challenge that was since replaced (another page view) is refused: each challenge works once.
    const stale = device.authenticate(await optionsOn('/sign-in/passkey', headers))
    await app.request('/sign-in/passkey', { headers })
    const replayed = await app.request('/sign-in/passkey', formPost({ response: JSON.stringify(stale) }, headers))
    expect(replayed.status).toBe(422)
    expect(await replayed.text()).toContain('expired or was already used')
    expect((await app.request('/admin', { headers })).status).toBe(303)
    const reasons = (await auditsOf(person.email)).filter(([a]) => a === 'passkey.failed').map(([, d]) => d.reason)
    expect(reasons).toEqual(['not-verified', 'wrong-site', 'wrong-site', 'expired'])
  })

  test('a challenge answered after it expired is refused, even with a good signature', async () => {
    const { person, device } = await withPasskey('admin')
    const { headers } = await openLink(person)
    const sessionToken = headers.Cookie.slice('smm_session='.length)
    const pending = (await pendingSignInFor(db, sessionToken))!
    const rp = relyingPartyOf(TEST_ORIGIN)
    const issuedAt = new Date()
    const page = await secondStepPage(db, rp, pending, sessionToken, issuedAt)
    if (page.step !== 'use') throw new Error(`expected the passkey step, got ${page.step}`)
    const late = new Date(issuedAt.getTime() + PASSKEY_CHALLENGE_TTL_MS + 1000)
    const outcome = await completeWithPasskey({ db, rp, pending, sessionToken, ip: null, now: late }, device.authenticate(page.options))
    expect(outcome).toEqual({ ok: false, reason: 'expired' })
    expect((await app.request('/admin', { headers })).status).toBe(303)
  })

  test('when nothing is owed any more (the admin removed their passkeys), the step page lets the pending session through', async () => {
    const { person } = await withPasskey('analyst')
    const { headers } = await openLink(person, '/research')
    expect((await app.request(`/admin/accounts/${person.id}/passkeys/remove`, formPost({}, asAdmin))).status).toBe(303)
    const step = await app.request('/sign-in/passkey?next=%2Fresearch', { headers })
    expect(step.headers.get('location')).toBe('/research')
    expect((await app.request('/research', { headers })).status).toBe(200)
  })

  test('an answer that signed in once does not sign in another session', async () => {
    const { person, device } = await withPasskey('analyst')
    const first = await openLink(person)
    const answer = device.authenticate(await optionsOn('/sign-in/passkey', first.headers))
    expect((await app.request('/sign-in/passkey', formPost({ response: JSON.stringify(answer) }, first.headers))).status).toBe(303)
    const second = await openLink(person)
    await app.request('/sign-in/passkey', { headers: second.headers })
    const replay = await app.request('/sign-in/passkey', formPost({ response: JSON.stringify(answer) }, second.headers))
    expect(replay.status).toBe(422)
    expect((await app.request('/research', { headers: second.headers })).status).toBe(303)
  })

  test('a passkey whose counter goes back (a copied authenticator) is refused', async () => {
    const { person, device } = await withPasskey('admin')
    const first = await openLink(person)
    expect((await answerStep(first.headers, device, { counter: 7 })).status).toBe(303)
    const second = await openLink(person)
    const refused = await answerStep(second.headers, device, { counter: 3 })
    expect(refused.status).toBe(422)
    expect(await refused.text()).toContain('fewer uses than it had before')
    expect((await db.select().from(passkeys).where(eq(passkeys.userId, person.id)))[0]!.counter).toBe(7)
  })

  test('removing one of your passkeys asks first, and is audited; program staff without a passkey sign in by link alone', async () => {
    const { person, headers } = await withPasskey('analyst')
    const [key] = await db.select().from(passkeys).where(eq(passkeys.userId, person.id))
    const confirm = await app.request(`/account/passkeys/${key!.id}/remove`, { headers })
    expect(await confirm.text()).toContain('Remove the passkey “Work laptop”?')
    expect((await app.request(`/account/passkeys/${key!.id}/remove`, formPost({}, headers))).status).toBe(303)
    expect(await auditsOf(person.email)).toContainEqual(['passkey.removed', { passkey: 'Work laptop' }])
    expect((await openLink(person)).location).toBe('/research')
  })
})

describe('admins require passkeys for program roles', () => {
  test('required: a program person without one adds one before anything else; school users are unaffected', async () => {
    const analyst = await seedUser(db, { programRole: 'analyst' })
    const dean = await seedMember(db, (await seedSchool(db)).id, 'leader')
    expect((await app.request('/admin/accounts/passkey-requirement', formPost({ required: 'yes' }, asAdmin))).status).toBe(303)
    expect(await auditsOf(admin.email)).toContainEqual(['passkeys.required', {}])
    expect(await (await app.request('/admin/accounts', { headers: asAdmin })).text()).toContain('Stop requiring passkeys')

    const { headers, location } = await openLink(analyst)
    expect(location).toBe('/sign-in/passkey')
    expect((await app.request('/research', { headers })).status).toBe(303)
    const page = await app.request('/sign-in/passkey', { headers })
    expect(await page.text()).toContain('Add a passkey to continue')
    const device = new SoftwareAuthenticator(TEST_ORIGIN)
    const registered = await app.request('/sign-in/passkey/register', formPost({ response: JSON.stringify(device.register(await optionsOn('/sign-in/passkey', headers))) }, headers))
    expect(registered.headers.get('location')).toBe('/research')
    expect((await app.request('/research', { headers })).status).toBe(200)

    // Their only passkey stays while it is required.
    const [key] = await db.select().from(passkeys).where(eq(passkeys.userId, analyst.id))
    const kept = await app.request(`/account/passkeys/${key!.id}/remove`, formPost({}, headers))
    expect(kept.status).toBe(422)
    expect(await kept.text()).toContain('add another passkey before you remove this one')

    // The school's dean signs in by link alone, as before.
    const deanSignIn = await openLink(dean)
    expect(deanSignIn.location).toBe('/school')
    expect((await app.request('/school', { headers: deanSignIn.headers })).status).toBe(200)

    // The admin sees who has a passkey, and removes them for a lost device: the next sign-in asks for a new one.
    expect(await (await app.request(`/admin/accounts/${analyst.id}`, { headers: asAdmin })).text()).toContain('Remove their passkeys')
    expect((await app.request(`/admin/accounts/${analyst.id}/passkeys/remove`, formPost({}, asAdmin))).status).toBe(303)
    expect(await auditsOf(admin.email)).toContainEqual(['account.passkeys-removed', { removed: 1 }])
    expect(await (await app.request('/sign-in/passkey', { headers: (await openLink(analyst)).headers })).text()).toContain('Add a passkey to continue')

    expect((await app.request('/admin/accounts/passkey-requirement', formPost({ required: 'no' }, asAdmin))).status).toBe(303)
    expect((await openLink(analyst)).location).toBe('/research')
  })

  test('only admins change the requirement: an analyst is refused and nothing changes', async () => {
    const analyst = await seedUser(db, { programRole: 'analyst' })
    const res = await app.request('/admin/accounts/passkey-requirement', formPost({ required: 'yes' }, await signedIn(db, analyst)))
    expect(res.status).toBe(403)
    expect(await (await app.request('/admin/accounts', { headers: asAdmin })).text()).toContain('Require passkeys for program roles')
  })

  test('sign-out from the passkey step ends the pending session', async () => {
    const { person } = await withPasskey('admin')
    const { headers } = await openLink(person)
    const before = (await db.select().from(sessions).where(eq(sessions.userId, person.id))).length
    expect((await app.request('/sign-out', formPost({}, headers))).status).toBe(303)
    expect((await db.select().from(sessions).where(eq(sessions.userId, person.id))).length).toBe(before - 1)
  })
})
