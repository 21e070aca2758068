import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, test } from 'vitest'
import { insertCycle } from '../../src/db/queries/cycles'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { importInstrumentDirectory } from '../../src/services/instruments/instrument-import'
import { INSTRUMENTS_DIR } from '../../src/services/instruments/instrument-files'
import { seedMember, seedSchool, seedUser, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

const { app, db } = await testApp()
const first = await importInstrumentDirectory(db, CLI_OPERATOR)
const admin = await signedIn(db, await seedUser(db, { programRole: 'admin' }))
const page = async (path: string, headers = admin) => {
  const res = await app.request(path, { headers })
  return { status: res.status, html: await res.text() }
}
const pdfText = async (res: Response) => {
  const pdf = await getDocumentProxy(new Uint8Array(await res.arrayBuffer()))
  return (await extractText(pdf, { mergePages: true })).text
}

describe('importing instrument files', () => {
  test('both shipped versions import once; importing again changes nothing', async () => {
    expect(first.imported.sort()).toEqual(['smm-2019', 'smm-2024'])
    expect(await importInstrumentDirectory(db, CLI_OPERATOR)).toEqual({ imported: [], unchanged: ['smm-2019', 'smm-2024'] })
  })

  test('a changed file under an existing id is refused, naming the file; nothing is imported', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smm-instruments-'))
    const text = readFileSync(join(INSTRUMENTS_DIR, 'smm-2024.yaml'), 'utf8')
    writeFileSync(join(dir, 'smm-2024.yaml'), text.replace('Does the school waive its application fee', 'Does the school waive all fees'))
    await expect(importInstrumentDirectory(db, CLI_OPERATOR, dir)).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/^smm-2024\.yaml: instrument smm-2024 was already imported with different content/),
    })
  })

  test('an invalid file stops the import and the error names the file, line and item', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smm-instruments-'))
    writeFileSync(join(dir, 'broken.yaml'), readFileSync('test/fixtures/instruments/broken.yaml', 'utf8'))
    await expect(importInstrumentDirectory(db, CLI_OPERATOR, dir)).rejects.toMatchObject({
      message: expect.stringContaining('broken.yaml:14 (item area-one.follow-up): showIf reads area-one.nope, which is not an item of this instrument'),
    })
  })

  test('a version a cycle uses is reported in use', async () => {
    await insertCycle(db, { title: 'Test round', instrumentVersion: 'smm-2019', disciplines: ['md'], opensAt: new Date(), deadlineAt: new Date() })
    const { html } = await page('/admin/instruments')
    expect(html).toMatch(/smm-2019<\/a>.*?in use · \d+ cycle/s)
  })
})

describe('admin pages', () => {
  test('the list shows both versions with a compare form, and the 2019 page shows its crosswalk', async () => {
    const list = await page('/admin/instruments')
    expect(list.status).toBe(200)
    expect(list.html).toContain('Social Mission Metrics Self-Assessment 2024')
    expect(list.html).toContain('action="/admin/instruments/diff"')
    const v2019 = await page('/admin/instruments/smm-2019')
    expect(v2019.html).toContain('6 domains, 18 areas')
    expect(v2019.html).toContain('Crosswalk to smm-2024')
    expect(v2019.html).toMatch(/pipeline-programs<\/code><\/td><td><code class="tag">pathway-programs/)
  })

  test('the preview hides a follow-up until the answer that opens it is given, and shows only the discipline’s items', async () => {
    const closed = await page('/admin/instruments/smm-2024/preview?discipline=md')
    expect(closed.html).toMatch(/data-item="pathway-programs\.k12-partnerships"[^>]* hidden/)
    expect(closed.html).toContain('data-item="graduate-outcomes.residency-match"')
    expect(closed.html).not.toContain('nclex')
    expect(closed.html).toMatch(/src="\/assets\/instrument-preview(\.[0-9a-f]{12})?\.js"/)
    const open = await page('/admin/instruments/smm-2024/preview?discipline=md&submitted=1&pathway-programs.has-programs=yes')
    expect(open.html).not.toMatch(/data-item="pathway-programs\.k12-partnerships"[^>]* hidden/)
    expect(open.html).toMatch(/value="yes" checked/)
    const nursing = await page('/admin/instruments/smm-2024/preview?discipline=nursing-bsn-msn')
    expect(nursing.html).toContain('NCLEX')
    expect(nursing.html).not.toContain('residency-match')
  })

  test('the preview says which typed answers would be refused, keeping what was typed', async () => {
    const { html } = await page('/admin/instruments/smm-2024/preview?discipline=md&submitted=1&holistic-admissions.need-based-aid=140')
    expect(html).toContain('Some answers would not be accepted')
    expect(html).toContain('A percentage is between 0 and 100.')
    expect(html).toContain('value="140"')
  })

  test('an unknown version is a 404 and an unknown discipline a 400', async () => {
    expect((await page('/admin/instruments/smm-1999')).status).toBe(404)
    expect((await page('/admin/instruments/smm-2024/preview?discipline=vet')).status).toBe(400)
  })

  test('the diff lists added, removed and changed items side by side', async () => {
    const { status, html } = await page('/admin/instruments/diff?before=smm-2019&after=smm-2024')
    expect(status).toBe(200)
    expect(html).toMatch(/\d+ added · \d+ removed · \d+ changed/)
    expect(html).toMatch(/service-learning\.hours<\/code><br\/><span class="status diff-status-changed">Changed<\/span><span class="small muted"> question text, points/)
    expect(html).toContain('pathway-programs.k12-partnerships')
  })

  test('people outside the program team cannot open the instrument pages', async () => {
    const school = await seedSchool(db)
    const dean = await signedIn(db, await seedMember(db, school.id, 'leader'))
    expect((await page('/admin/instruments', dean)).status).toBe(403)
  })
})

describe('the printable questionnaire', () => {
  test('a PDF per discipline carries item ids and questions, and only that discipline’s items', async () => {
    const md = await app.request('/admin/instruments/smm-2024/print?discipline=md', { headers: admin })
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toBe('application/pdf')
    const text = await pdfText(md)
    expect(text).toContain('pathway-programs.k12-partnerships')
    expect(text).toContain('With how many K-12 schools or districts does the school have an active pathway partnership?')
    expect(text).toContain('graduate-outcomes.residency-match')
    expect(text).not.toContain('NCLEX')
    const nursing = await pdfText(await app.request('/admin/instruments/smm-2019/print?discipline=nursing-adn', { headers: admin }))
    expect(nursing).toContain('graduate-outcomes.nclex-first-time')
    expect(nursing).not.toContain('residency-match')
  })
})

test('the preview script is served from our origin and stays tiny', async () => {
  const res = await app.request('/assets/instrument-preview.js')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toContain('javascript')
  expect((await res.text()).length).toBeLessThan(8 * 1024)
})
