import { describe, expect, test } from 'vitest'
import { testApp } from '../support/test-app'
import { importShippedInstruments } from '../support/seed'

const { app, db } = await testApp({ CONTACT_EMAIL: 'team@program.example' })
await importShippedInstruments(db)

const PAGES = ['/', '/about', '/assessment', '/participation', '/badge', '/champions', '/champions/nominate', '/toolkits', '/contact']

describe('the public pages', () => {
  test.each(PAGES)('%s is plain server-rendered HTML with its own title and description', async (path) => {
    const res = await app.request(path)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<script')
    expect(html).toMatch(/<title>[^<]+ · Social Mission Metrics<\/title>/)
    expect(html).toMatch(/<meta name="description" content="[^"]{40,}"/)
  })

  test('every public page has a different title and description', async () => {
    const heads = await Promise.all(
      PAGES.map(async (p) => {
        const html = await (await app.request(p)).text()
        return [html.match(/<title>([^<]+)/)![1], html.match(/name="description" content="([^"]+)/)![1]]
      }),
    )
    expect(new Set(heads.map((h) => h[0])).size).toBe(PAGES.length)
    expect(new Set(heads.map((h) => h[1])).size).toBe(PAGES.length)
  })

  test('the header links every public page, and the configured contact address is shown', async () => {
    const html = await (await app.request('/about')).text()
    for (const path of ['/about', '/assessment', '/participation', '/badge', '/champions', '/toolkits', '/contact']) expect(html).toContain(`href="${path}"`)
    expect(html).toContain('mailto:team@program.example')
  })

  test('the assessment page lists the five domains and sixteen areas of smm-2024', async () => {
    const html = await (await app.request('/assessment')).text()
    expect(html).toContain('5 domains and 16 areas')
    for (const name of ['Pathways, Admission &amp; Graduation', 'Community-engaged research', 'Measurement and accountability']) expect(html).toContain(name)
  })

  test('the badge page says a badge is not a score and that no badge does not mean a school never took part', async () => {
    const html = await (await app.request('/badge')).text()
    expect(html).toContain('Is the badge a score or a ranking?')
    expect(html).toContain('Does that mean it never took part?')
    expect(html).toContain('href="/contact?topic=badge-inquiry"')
  })

  test('the contact form can be opened with the Badge Recognition topic and subject chosen', async () => {
    const html = await (await app.request('/contact?topic=badge-inquiry')).text()
    expect(html).toMatch(/<option value="badge-inquiry" selected="">Badge Recognition<\/option>/)
    expect(html).toContain('value="Badge Recognition"')
  })

  test('the honeypot field is hidden from people and screen readers and cannot be tabbed into', async () => {
    const html = await (await app.request('/champions/nominate')).text()
    expect(html).toMatch(/<div class="hp" aria-hidden="true">/)
    expect(html).toMatch(/name="website" type="text" tabindex="-1"/)
  })
})
