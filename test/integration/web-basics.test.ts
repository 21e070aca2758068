import pino from 'pino'
import { describe, expect, test } from 'vitest'
import { MAX_BODY_BYTES, createApp } from '../../src/web/app'
import { TEST_ORIGIN, formPost, testApp } from '../support/test-app'
import { seedMember, seedSchool, seedUser, signedIn } from '../support/seed'

const { app, db, queue, config, badgeIssuer } = await testApp()

describe('operations endpoints', () => {
  test('/healthz answers ok while the database answers', async () => {
    const res = await app.request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  test('/metrics exposes request timings by route pattern in Prometheus format', async () => {
    await app.request('/')
    const text = await (await app.request('/metrics')).text()
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/",status="200"\} \d+/)
    expect(text).toContain('process_cpu_user_seconds_total')
  })

  test('in production /metrics needs its bearer token, and does not exist when none is configured', async () => {
    const deps = { db, jobs: queue, checkHealth: async () => true, badgeIssuer }
    const token = 'a-long-metrics-token-for-tests'
    const guarded = createApp({ ...deps, config: { ...config, env: 'production', metricsToken: token } }, pino({ level: 'silent' }))
    expect((await guarded.request('/metrics')).status).toBe(401)
    expect((await guarded.request('/metrics', { headers: { Authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(401)
    const allowed = await guarded.request('/metrics', { headers: { Authorization: `Bearer ${token}` } })
    expect(allowed.status).toBe(200)
    expect(await allowed.text()).toContain('process_cpu_user_seconds_total')

    const unconfigured = createApp({ ...deps, config: { ...config, env: 'production', metricsToken: undefined } }, pino({ level: 'silent' }))
    expect((await unconfigured.request('/metrics')).status).toBe(404)
    expect((await unconfigured.request('/healthz')).status).toBe(200)
  })
})

describe('pages and errors', () => {
  test('the home page is server-rendered HTML with a title, a description and no script', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<title>[^<]+· Social Mission Metrics<\/title>/)
    expect(html).toContain('<meta name="description"')
    expect(html).not.toContain('<script')
  })

  test('an unknown address gets the 404 page inside the site layout', async () => {
    const res = await app.request('/no/such/page')
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).toContain('Page not found')
    expect(html).toContain('Skip to content')
  })

  test('responses carry security headers, including a content security policy', async () => {
    const res = await app.request('/')
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  })

  test('a form posted from another site is refused with a readable page, not a 500', async () => {
    const res = await app.request('/sign-in', formPost({ email: 'a@b.test' }, { Origin: 'https://evil.example' }))
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('came from another site')
  })

  test('an oversized body is refused with 413 and a message', async () => {
    const res = await app.request('/sign-in', formPost({ email: 'a'.repeat(MAX_BODY_BYTES + 10) }))
    expect(res.status).toBe(413)
    expect(await res.text()).toContain('larger than we accept')
  })

  test('a malformed multipart body is a 400 with a message', async () => {
    const res = await app.request('/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', Origin: TEST_ORIGIN },
      body: '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nbroken',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('could not be read')
  })

  test('a body that is not a form at all is answered like an empty form: 422 with the problem named', async () => {
    const res = await app.request('/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: TEST_ORIGIN },
      body: '{"email":',
    })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('There is a problem')
  })

  test('a missing field is a 422 with a message, never a 500', async () => {
    const res = await app.request('/sign-in', formPost({}))
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('There is a problem')
  })
})

describe('the admin console', () => {
  test('sends a signed-out visitor to sign in, and back afterwards', async () => {
    const res = await app.request('/admin/mail')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/sign-in?next=%2Fadmin%2Fmail')
  })

  test("is closed to a school's dean and to analysts", async () => {
    const school = await seedSchool(db)
    const dean = await seedMember(db, school.id, 'leader')
    const analyst = await seedUser(db, { programRole: 'analyst' })
    for (const person of [dean, analyst]) {
      const res = await app.request('/admin', { headers: await signedIn(db, person) })
      expect(res.status).toBe(403)
      expect(await res.text()).toContain('You do not have access')
    }
  })

  test('shows an admin the directory, cycles, mail and recent activity', async () => {
    const admin = await seedUser(db, { programRole: 'admin' })
    await seedSchool(db, { discipline: 'dental' })
    const res = await app.request('/admin', { headers: await signedIn(db, admin) })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Dentistry')
    expect(html).toMatch(/signed in\./) // the audit log in words (decision 112)
  })
})
