import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditEvents, mailMessages } from '../../src/db/schema/operations'
import { inboxItems } from '../../src/db/schema/inbox'
import { PUBLIC_SUBMISSION_RATE_LIMIT } from '../../src/domain/inbox/inbox-rules'
import { submitNomination, type NominationInput } from '../../src/services/inbox/public-submissions'
import { formPost, testApp } from '../support/test-app'
import { seedUser, signedIn } from '../support/seed'

const { app, db, queue } = await testApp()
const admin = await seedUser(db, { programRole: 'admin' })
const adminHeaders = await signedIn(db, admin)

function nomination(overrides: Record<string, string> = {}) {
  const tag = randomUUID().slice(0, 8)
  return {
    nomineeName: `Dr. Ana Rivera ${tag}`,
    nomineeRole: 'Associate Dean for Community Health',
    nomineeInstitution: 'Universidad Central del Caribe',
    achievements: 'Built a mobile clinic with three community health centers & trained 200 students.',
    nominatorName: 'Luis Ortega',
    nominatorEmail: `luis-${tag}@example.test`,
    consent: 'on',
    website: '',
    ...overrides,
  }
}

async function inboxIdFor(nomineeName: string) {
  const [row] = await db.select({ id: inboxItems.id }).from(inboxItems).where(eq(inboxItems.subject, `${nomineeName}, Associate Dean for Community Health, Universidad Central del Caribe`))
  return row?.id
}

describe('nominating a Champion', () => {
  test('empty fields and a bad address come back with a message beside each field and what was typed', async () => {
    const res = await app.request('/champions/nominate', formPost(nomination({ nomineeName: '  ', nominatorEmail: 'luis at example', achievements: '' })))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Enter the nominee’s name.')
    expect(html).toContain('Enter what they have done.')
    expect(html).toContain('Enter an e-mail address, like name@school.edu.')
    expect(html).toContain('value="luis at example"')
    expect(html).toContain('value="Associate Dean for Community Health"')
    expect(html).toMatch(/name="consent" type="checkbox" value="on" checked=""/)
  })

  test('a script tag is refused with a message, and what was typed is shown back escaped', async () => {
    const res = await app.request('/champions/nominate', formPost(nomination({ nomineeRole: '<script>alert(1)</script>' })))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Please leave out HTML tags')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  test('an oversized text is refused with the limit named', async () => {
    const res = await app.request('/champions/nominate', formPost(nomination({ achievements: 'x'.repeat(5_001) })))
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Use at most 5,000 characters.')
  })

  test('a good nomination reaches the inbox and every admin is told by e-mail', async () => {
    const fields = nomination()
    const res = await app.request('/champions/nominate', formPost(fields))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/champions')
    const id = await inboxIdFor(fields.nomineeName)
    expect(id).toBeDefined()
    const mail = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, admin.email))
    expect(mail.some((m) => m.subject === 'New in the inbox: Champion nomination' && m.textBody.includes(`/admin/inbox/${id}`))).toBe(true)
  })

  test('a bot that fills the hidden field is thanked, and nothing is stored', async () => {
    const fields = nomination({ website: 'http://spam.example' })
    const res = await app.request('/champions/nominate', formPost(fields))
    expect(res.status).toBe(303)
    expect(await inboxIdFor(fields.nomineeName)).toBeUndefined()
  })

  test('one address may send a handful of submissions an hour; the next is refused', async () => {
    // app.request() has no socket and so no client IP: this goes through the service the route calls.
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}`
    const send = () => {
      const f = nomination()
      const input: NominationInput = { ...f, consentToFeature: true, honeypot: '' }
      return submitNomination(db, input, { ip, baseUrl: 'http://localhost', jobs: queue })
    }
    for (let i = 0; i < PUBLIC_SUBMISSION_RATE_LIMIT.max; i++) expect((await send()).outcome).toBe('received')
    expect((await send()).outcome).toBe('rate-limited')
  })
})

describe('the admin inbox and the public Champions page', () => {
  test('an admin sees the nomination, features it with an edited profile, and only that profile is public', async () => {
    const fields = nomination({ achievements: 'Private note: "call me" <3' })
    await app.request('/champions/nominate', formPost(fields))
    const id = (await inboxIdFor(fields.nomineeName))!

    const list = await (await app.request('/admin/champions', { headers: adminHeaders })).text()
    expect(list).toContain(fields.nomineeName)
    const item = await (await app.request(`/admin/inbox/${id}`, { headers: adminHeaders })).text()
    expect(item).toContain('Private note: &quot;call me&quot; &lt;3')

    const feature = await app.request(
      `/admin/inbox/${id}/feature`,
      formPost(
        { featuredName: fields.nomineeName, featuredRole: 'Associate Dean', featuredInstitution: 'UCC, Bayamón', featuredBlurb: 'Brought care & training to rural Puerto Rico.' },
        adminHeaders,
      ),
    )
    expect(feature.status).toBe(303)

    const page = await (await app.request('/champions')).text()
    expect(page).toContain(fields.nomineeName)
    expect(page).toContain('Brought care &amp; training to rural Puerto Rico.')
    expect(page).not.toContain('Private note')
    expect(page).not.toContain(fields.nominatorEmail)

    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subject, id))
    expect(audit.map((a) => a.action)).toContain('champion.featured')
  })

  test('declining a featured Champion takes them off the public page, and the change is audited', async () => {
    const fields = nomination()
    await app.request('/champions/nominate', formPost(fields))
    const id = (await inboxIdFor(fields.nomineeName))!
    const profile = { featuredName: fields.nomineeName, featuredRole: 'Dean', featuredInstitution: 'UCC', featuredBlurb: 'Short profile.' }
    await app.request(`/admin/inbox/${id}/feature`, formPost(profile, adminHeaders))
    expect(await (await app.request('/champions')).text()).toContain(fields.nomineeName)

    const res = await app.request(`/admin/inbox/${id}/status`, formPost({ status: 'declined' }, adminHeaders))
    expect(res.status).toBe(303)
    expect(await (await app.request('/champions')).text()).not.toContain(fields.nomineeName)
    const audit = await db.select().from(auditEvents).where(eq(auditEvents.subject, id))
    expect(audit.find((a) => a.action === 'inbox.status-changed')?.details).toMatchObject({ from: 'featured', to: 'declined' })
  })

  test('a nominee whose agreement was not confirmed cannot be featured', async () => {
    const fields = nomination({ consent: '' })
    await app.request('/champions/nominate', formPost(fields))
    const id = (await inboxIdFor(fields.nomineeName))!
    const res = await app.request(
      `/admin/inbox/${id}/feature`,
      formPost({ featuredName: 'X', featuredRole: 'Y', featuredInstitution: 'Z', featuredBlurb: 'Blurb' }, adminHeaders),
    )
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('cannot be published')
    expect(await (await app.request('/champions')).text()).not.toContain(fields.nomineeName)
  })

  test('an empty profile comes back with messages; a status from another kind is refused', async () => {
    const fields = nomination()
    await app.request('/champions/nominate', formPost(fields))
    const id = (await inboxIdFor(fields.nomineeName))!
    const res = await app.request(`/admin/inbox/${id}/feature`, formPost({ featuredName: '', featuredRole: 'Y', featuredInstitution: 'Z', featuredBlurb: '' }, adminHeaders))
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Enter the short profile.')
    expect((await app.request(`/admin/inbox/${id}/status`, formPost({ status: 'answered' }, adminHeaders))).status).toBe(422)
  })

  test('the inbox is for program admins only', async () => {
    const stranger = await seedUser(db)
    expect((await app.request('/admin/inbox', { headers: await signedIn(db, stranger) })).status).toBe(403)
    const anonymous = await app.request('/admin/champions')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toContain('/sign-in')
  })
})

describe('contact messages', () => {
  test('a badge inquiry lands in the same inbox under its own kind, and admins are told', async () => {
    const subject = `Badge Recognition ${randomUUID().slice(0, 6)}`
    const res = await app.request(
      '/contact',
      formPost({ topic: 'badge-inquiry', name: 'Dean Smith', email: 'dean@school.example', subject, message: 'How do we order the badge?', website: '' }),
    )
    expect(res.status).toBe(303)
    const [item] = await db.select().from(inboxItems).where(eq(inboxItems.subject, subject))
    expect(item?.kind).toBe('badge-inquiry')
    const list = await (await app.request('/admin/inbox?kind=badge-inquiry', { headers: adminHeaders })).text()
    expect(list).toContain(subject)
    const mail = await db.select().from(mailMessages).where(eq(mailMessages.toAddress, admin.email))
    expect(mail.some((m) => m.subject === 'New in the inbox: Badge Recognition')).toBe(true)
  })

  test('an unknown topic and a missing message come back with messages', async () => {
    const res = await app.request('/contact', formPost({ topic: 'prize', name: 'A', email: 'a@b.example', subject: 'Hi', message: '' }))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Choose a topic.')
    expect(html).toContain('Enter your message.')
  })
})
