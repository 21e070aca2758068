import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { resources } from '../../src/db/schema/resources'
import { MAX_RESOURCE_FILE_BYTES } from '../../src/domain/resources/resource-rules'
import { resourcesForAreas } from '../../src/services/resources/resources'
import { MAX_UPLOAD_BODY_BYTES } from '../../src/web/app'
import { TEST_ORIGIN, testApp } from '../support/test-app'
import { importShippedInstruments, seedUser, signedIn } from '../support/seed'

const { app, db } = await testApp()
await importShippedInstruments(db)
const admin = await seedUser(db, { programRole: 'admin' })
const adminHeaders = await signedIn(db, admin)

/** A multipart post from the admin's resource form, with an optional file. */
function upload(path: string, fields: Record<string, string>, file?: { name: string; type: string; content: Uint8Array<ArrayBuffer> | string }) {
  const body = new FormData()
  for (const [k, v] of Object.entries(fields)) body.set(k, v)
  if (file) body.set('file', new File([file.content], file.name, { type: file.type }))
  return app.request(path, { method: 'POST', headers: adminHeaders, body })
}

const fields = (title: string, extra: Record<string, string> = {}) => ({
  title,
  summary: 'A letter a faculty member can adapt and send to the dean.',
  body: 'Dear Dean,\n\nPlease consider <b>taking part</b>.',
  kind: 'toolkit',
  areaId: '',
  ...extra,
})

describe('toolkits', () => {
  test('an admin adds a toolkit with a PDF; the public sees it listed, its text escaped, and downloads the file', async () => {
    const title = `Letter to the Dean ${randomUUID().slice(0, 6)}`
    const pdf = '%PDF-1.4 a tiny test file'
    const res = await upload('/admin/resources', fields(title), { name: 'letter.pdf', type: 'application/pdf', content: pdf })
    expect(res.status).toBe(303)
    const [row] = await db.select({ slug: resources.slug }).from(resources).where(eq(resources.title, title))

    expect(await (await app.request('/toolkits')).text()).toContain(title)
    const page = await (await app.request(`/toolkits/${row!.slug}`)).text()
    expect(page).toContain('Please consider &lt;b&gt;taking part&lt;/b&gt;.')
    expect(page).toContain(`href="/toolkits/${row!.slug}/file"`)

    const download = await app.request(`/toolkits/${row!.slug}/file`)
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('content-disposition')).toContain('attachment; filename="letter.pdf"')
    expect(await download.text()).toBe(pdf)
  })

  test('two resources with the same title get different addresses', async () => {
    const title = `Slides ${randomUUID().slice(0, 6)}`
    await upload('/admin/resources', fields(title))
    await upload('/admin/resources', fields(title))
    const rows = await db.select({ slug: resources.slug }).from(resources).where(eq(resources.title, title))
    expect(new Set(rows.map((r) => r.slug)).size).toBe(2)
  })

  test('an HTML file, or a file over 5 MB, comes back on the form with a message and the typed title', async () => {
    const title = `Bad upload ${randomUUID().slice(0, 6)}`
    const html = await upload('/admin/resources', fields(title), { name: 'page.html', type: 'text/html', content: '<script>x</script>' })
    expect(html.status).toBe(422)
    const text = await html.text()
    expect(text).toContain('Choose a PDF, Word, PowerPoint, Excel or plain-text file.')
    expect(text).toContain(`value="${title}"`)

    const big = await upload('/admin/resources', fields(title), { name: 'big.pdf', type: 'application/pdf', content: new Uint8Array(MAX_RESOURCE_FILE_BYTES + 1) })
    expect(big.status).toBe(422)
    expect(await big.text()).toContain('larger than 5 MB')
    expect(await db.select().from(resources).where(eq(resources.title, title))).toHaveLength(0)
  })

  test('a body beyond the upload limit is refused with 413; other forms keep the 1 MiB limit', async () => {
    const huge = await upload('/admin/resources', fields('Huge'), { name: 'huge.pdf', type: 'application/pdf', content: new Uint8Array(MAX_UPLOAD_BODY_BYTES + 1) })
    expect(huge.status).toBe(413)
    const contact = await app.request('/contact', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
      body: new URLSearchParams({ message: 'x'.repeat(2 * 1024 * 1024) }),
    })
    expect(contact.status).toBe(413)
  })

  test('only program admins manage resources', async () => {
    const stranger = await seedUser(db)
    expect((await app.request('/admin/resources', { headers: await signedIn(db, stranger) })).status).toBe(403)
  })
})

describe('per-area resources for reports', () => {
  test('an area resource must name an area of the current instrument', async () => {
    const res = await upload('/admin/resources', fields('No area', { kind: 'area-resource', areaId: 'not-an-area' }))
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Choose the area this resource helps with.')
  })

  test('resourcesForAreas returns the resources of the asked areas, grouped by area, and no toolkits', async () => {
    const title = `Service-learning guide ${randomUUID().slice(0, 6)}`
    expect((await upload('/admin/resources', fields(title, { kind: 'area-resource', areaId: 'service-learning' }))).status).toBe(303)
    const byArea = await resourcesForAreas(db, ['service-learning', 'advocacy'])
    expect(byArea.get('service-learning')?.map((r) => r.title)).toContain(title)
    expect([...byArea.values()].flat().every((r) => r.kind === 'area-resource')).toBe(true)
    expect(await (await app.request('/toolkits')).text()).not.toContain(title)
  })
})
