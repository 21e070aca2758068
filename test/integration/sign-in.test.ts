import { describe, expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { mailMessages } from '../../src/db/schema/operations'
import { sessions, signInTokens } from '../../src/db/schema/accounts'
import { formPost, testApp } from '../support/test-app'
import { seedUser } from '../support/seed'
import { requestSignInLink } from '../../src/services/auth/sign-in'
import { SIGN_IN_RATE_LIMITS } from '../../src/domain/auth/sign-in-rules'

const { app, db, queue } = await testApp()

async function mailTo(address: string) {
  return db.select().from(mailMessages).where(eq(mailMessages.toAddress, address))
}

/** Asks for a link through the form, then reads the token from the stored e-mail, as the person would. */
async function requestLink(email: string, fields: Record<string, string> = {}) {
  const res = await app.request('/sign-in', formPost({ email, ...fields }))
  const [mail] = await mailTo(email.toLowerCase())
  const link = mail?.textBody.match(/https?:\/\/\S+\/sign-in\/link\?token=[\w-]+/)?.[0]
  return { res, link: link ? new URL(link) : undefined }
}

const tokenOf = (link: URL) => link.searchParams.get('token')!

describe('asking for a sign-in link', () => {
  test('a known address gets an e-mail with a link, and the page just says to check e-mail', async () => {
    const user = await seedUser(db)
    const { res, link } = await requestLink(user.email.toUpperCase())
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/sign-in/sent')
    expect(link).toBeDefined()
  })

  test('an unknown address sees exactly the same answer and no mail is queued', async () => {
    const res = await app.request('/sign-in', formPost({ email: 'nobody-here@example.test' }))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/sign-in/sent')
    expect(await mailTo('nobody-here@example.test')).toHaveLength(0)
  })

  test('a malformed address comes back on the same page with what was typed and a message', async () => {
    const res = await app.request('/sign-in', formPost({ email: 'dean at school' }))
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('value="dean at school"')
    expect(html).toContain('Enter an e-mail address')
  })

  test('the link itself is stored only as a hash', async () => {
    const user = await seedUser(db)
    const { link } = await requestLink(user.email)
    const rows = await db.select({ hash: signInTokens.tokenHash }).from(signInTokens).where(eq(signInTokens.userId, user.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]!.hash).not.toContain(tokenOf(link!))
  })

  test('the sixth request for one address within 15 minutes is refused, known address or not', async () => {
    const email = 'rate-limited@example.test'
    for (let i = 0; i < 5; i++) expect((await app.request('/sign-in', formPost({ email }))).status).toBe(303)
    const refused = await app.request('/sign-in', formPost({ email }))
    expect(refused.status).toBe(429)
    const html = await refused.text()
    expect(html).toContain('Too many sign-in requests')
    expect(html).toContain(`value="${email}"`)
  })

  test('one IP address asking for many different addresses is limited too', async () => {
    // app.request() has no socket and so no client IP: this goes through the service the route calls.
    const ask = (i: number) =>
      requestSignInLink(db, queue, 'http://localhost', { email: `spray-${i}@example.test`, ip: '203.0.113.9' })
    for (let i = 0; i < SIGN_IN_RATE_LIMITS.perIp.max; i++) expect((await ask(i)).outcome).toBe('sent')
    expect((await ask(999)).outcome).toBe('rate-limited')
  })
})

describe('using the link', () => {
  test('opening the link only asks to confirm; a mail scanner that follows it signs nobody in', async () => {
    const user = await seedUser(db)
    const { link } = await requestLink(user.email)
    const page = await app.request(`${link!.pathname}${link!.search}`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain(`Sign in as ${user.email}`)
    const unused = await db.select({ usedAt: signInTokens.usedAt }).from(signInTokens).where(eq(signInTokens.userId, user.id))
    expect(unused[0]!.usedAt).toBeNull()
  })

  test('confirming signs in with an http-only, SameSite=Lax cookie and lands an admin on the admin home', async () => {
    const admin = await seedUser(db, { programRole: 'admin' })
    const { link } = await requestLink(admin.email)
    const res = await app.request('/sign-in/link', formPost({ token: tokenOf(link!) }))
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/admin')
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/smm_session=[\w-]+/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    const session = cookie.match(/smm_session=[\w-]+/)![0]
    const home = await app.request('/admin', { headers: { Cookie: session } })
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Program administration')
  })

  test('a link works once: the second use gets a clear page offering a new link', async () => {
    const user = await seedUser(db)
    const { link } = await requestLink(user.email)
    await app.request('/sign-in/link', formPost({ token: tokenOf(link!) }))
    const again = await app.request('/sign-in/link', formPost({ token: tokenOf(link!) }))
    expect(again.status).toBe(410)
    const html = await again.text()
    expect(html).toContain('already used')
    expect(html).toContain(`value="${user.email}"`)
  })

  test('an expired link says so and offers a new one', async () => {
    const user = await seedUser(db)
    const { link } = await requestLink(user.email)
    await db.update(signInTokens).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signInTokens.userId, user.id))
    const page = await app.request(`${link!.pathname}${link!.search}`)
    expect(page.status).toBe(410)
    expect(await page.text()).toContain('has expired')
    const post = await app.request('/sign-in/link', formPost({ token: tokenOf(link!) }))
    expect(post.status).toBe(410)
  })

  test('a made-up token is not found', async () => {
    expect((await app.request('/sign-in/link?token=made-up')).status).toBe(404)
    expect((await app.request('/sign-in/link', formPost({ token: 'made-up' }))).status).toBe(404)
  })

  test('the page asked for before signing in is where the link leads, but never another site', async () => {
    const user = await seedUser(db)
    const { link } = await requestLink(user.email, { next: '/admin/mail' })
    const res = await app.request('/sign-in/link', formPost({ token: tokenOf(link!) }))
    expect(res.headers.get('location')).toBe('/admin/mail')

    const other = await seedUser(db)
    const { link: evil } = await requestLink(other.email, { next: '//evil.example/' })
    const res2 = await app.request('/sign-in/link', formPost({ token: tokenOf(evil!) }))
    expect(res2.headers.get('location')).toBe('/')
  })

  test.each(['/\t/evil.example', '/x\r\nSet-Cookie: a=b', '/..//evil.example', `/${'a'.repeat(800)}`, 'javascript:alert(1)'])(
    'a return path like %j is dropped: the link is still sent, and it signs the person in at their home page',
    async (next) => {
      const user = await seedUser(db)
      const { link } = await requestLink(user.email, { next })
      const res = await app.request('/sign-in/link', formPost({ token: tokenOf(link!) }))
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/')
      expect(res.headers.get('set-cookie')).toMatch(/smm_session=[\w-]+/)
    },
  )

  test('a page that needs signing in sends the person to sign in and back to the same page and query', async () => {
    const res = await app.request('/admin/mail?status=failed')
    expect(res.status).toBe(303)
    const signIn = new URL(res.headers.get('location')!, 'http://localhost')
    expect(signIn.pathname).toBe('/sign-in')
    expect(signIn.searchParams.get('next')).toBe('/admin/mail?status=failed')
    const form = await (await app.request(`${signIn.pathname}${signIn.search}`)).text()
    expect(form).toContain('value="/admin/mail?status=failed"')
  })
})

describe('signing out', () => {
  test('ends the session on the server, not just in the browser', async () => {
    const user = await seedUser(db)
    const { link } = await requestLink(user.email)
    const res = await app.request('/sign-in/link', formPost({ token: tokenOf(link!) }))
    const session = res.headers.get('set-cookie')!.match(/smm_session=[\w-]+/)![0]
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1)
    const out = await app.request('/sign-out', formPost({}, { Cookie: session }))
    expect(out.status).toBe(303)
    expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0)
  })
})
