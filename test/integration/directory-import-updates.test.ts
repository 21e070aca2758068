import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { desc, eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { auditEvents } from '../../src/db/schema/operations'
import { schools } from '../../src/db/schema/schools'
import { formPost, testApp } from '../support/test-app'
import { seedUser, signedIn } from '../support/seed'

// Re-imports that update, files read record for record whatever their line endings, and files in other columns
// (IPEDS HD, a nursing association's list) read through a column mapping remembered per file shape.

const { app, db } = await testApp()
const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)

const unique = () => randomUUID().slice(0, 8)
const schoolCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(schools))[0]!.n
const schoolNamed = async (name: string) => (await db.select().from(schools).where(eq(schools.name, name)))[0]
const lastImportAudit = async () => (await db.select().from(auditEvents).where(eq(auditEvents.action, 'directory.imported')).orderBy(desc(auditEvents.at)).limit(1))[0]

function upload(name: string, content: string) {
  const body = new FormData()
  body.set('file', new File([content], name, { type: 'text/csv' }))
  return app.request('/admin/schools/import', { method: 'POST', headers, body })
}

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')

/** What a browser sends for the form posting to `action`: its hidden fields and selected options, plus `extra`. */
function submit(html: string, action: string, extra: [string, string][] = []) {
  const form = html.match(new RegExp(`<form method="post" action="${action}"[^>]*>([\\s\\S]*?)</form>`))?.[1]
  if (form === undefined) throw new Error(`no form posting to ${action}`)
  const fields: [string, string][] = [...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)])
  for (const select of form.matchAll(/<select id="[^"]+" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen = select[2]!.match(/<option value="([^"]*)" selected="">/)?.[1]
    if (chosen) fields.push([select[1]!, unescape(chosen)])
  }
  const merged = [...fields.filter(([name]) => !extra.some(([n]) => n === name)), ...extra]
  return app.request(action, { ...formPost({}, headers), body: new URLSearchParams(merged) })
}
const confirm = (html: string, extra: [string, string][]) => submit(html, '/admin/schools/import/confirm', extra)
const flashOf = (res: Response) => decodeURIComponent(decodeURIComponent(res.headers.get('set-cookie') ?? ''))

describe('no row lost', () => {
  test('a file mixing CRLF, LF and lone CR endings, with a quoted line break, is read and imported record for record', async () => {
    const tag = unique()
    const rows = [
      'name,parent_institution,city,state,discipline,control',
      `Alpha ${tag} Nursing,,Fresno,CA,nursing-adn,public`,
      `Beta ${tag} Nursing,"Beta University\nHealth Sciences Campus",Fresno,CA,nursing-adn,public`,
      `Gamma ${tag} Nursing,,Fresno,CA,nursing-adn,public`,
      `Delta ${tag} Nursing,,Fresno,CA,nursing-adn,public`,
      `Epsilon ${tag} Nursing,,Fresno,CA,nursing-adn,public`,
    ]
    const endings = ['\r\n', '\n', '\r', '\r\n', '\r']
    const csv = rows.map((r, i) => r + (endings[i] ?? '')).join('')
    const res = await upload('mixed.csv', csv)
    const html = await res.text()
    expect(res.status).toBe(200)
    expect(html).toContain('5 rows read with our template: 5 new schools, 0 changed, 0 unchanged.')

    const before = await schoolCount()
    expect((await confirm(html, [['updates', 'chosen']])).status).toBe(303)
    expect((await schoolCount()) - before).toBe(5)
    expect((await schoolNamed(`Beta ${tag} Nursing`))?.parentInstitution).toBe('Beta University\nHealth Sciences Campus')
    expect(await schoolNamed(`Epsilon ${tag} Nursing`)).toBeDefined()
  })
})

describe('a re-import updates', () => {
  const template = (tag: string, rows: string[][]) =>
    ['name,city,state,discipline,control,carnegie_group,website,dean_email', ...rows.map((r) => r.join(','))].join('\n').replaceAll('TAG', tag)

  test('changed rows show old → new and are updated or skipped row by row; new rows are added; the import is audited', async () => {
    const tag = unique()
    const first = template(tag, [
      ['Alpha TAG PA', 'Austin', 'TX', 'pa', 'public', '', '', 'a@TAG.test'],
      ['Beta TAG PA', 'Austin', 'TX', 'pa', 'public', '', '', 'b@TAG.test'],
      ['Gamma TAG PA', 'Austin', 'TX', 'pa', 'private', '', '', 'g@TAG.test'],
    ])
    expect((await confirm(await (await upload('first.csv', first)).text(), [['updates', 'chosen']])).status).toBe(303)

    const second = template(tag, [
      ['Alpha TAG PA', 'Austin', 'TX', 'pa', 'public', 'r1', 'https://alpha.test', 'a@TAG.test'],
      ['Beta TAG PA', 'Austin', 'TX', 'pa', 'public', '', '', 'b@TAG.test'],
      ['Gamma TAG PA', 'Austin', 'TX', 'pa', 'private', '', '', 'dean@TAG.test'],
      ['Delta TAG PA', 'Austin', 'TX', 'pa', 'public', '', '', ''],
    ])
    const preview = await upload('second.csv', second)
    const html = await preview.text()
    expect(preview.status).toBe(200)
    expect(html).toContain('4 rows read with our template: 1 new school, 2 changed, 1 unchanged.')
    expect(html).toContain('Carnegie classification: <del>other</del> → <ins>r1</ins>')
    expect(html).toContain('Website: <del>(blank)</del> → <ins>https://alpha.test</ins>')
    expect(html).toContain(`Dean’s e-mail: <del>g@${tag}.test</del> → <ins>dean@${tag}.test</ins>`)

    const before = await schoolCount()
    const done = await confirm(html, [['update', '2'], ['updates', 'chosen']]) // row 2 is Alpha; Gamma (row 4) is left unticked
    expect(done.status).toBe(303)
    expect(flashOf(done)).toContain('Imported: 1 added, 1 updated, 1 skipped, 1 unchanged.')
    expect((await schoolCount()) - before).toBe(1)
    expect(await schoolNamed(`Alpha ${tag} PA`)).toMatchObject({ carnegieGroup: 'r1', website: 'https://alpha.test' })
    expect((await schoolNamed(`Gamma ${tag} PA`))?.deanEmail).toBe(`g@${tag}.test`)
    expect((await lastImportAudit())?.details).toMatchObject({ added: 1, updated: 1, skipped: 1, unchanged: 1 })

    const again = await (await upload('second.csv', second)).text()
    expect(again).toContain('0 new schools, 1 changed, 3 unchanged.')
    expect((await confirm(again, [['updates', 'all']])).status).toBe(303)
    expect((await schoolNamed(`Gamma ${tag} PA`))?.deanEmail).toBe(`dean@${tag}.test`)
  })

  test('an exported row, renamed and moved, is matched to its school by our school id and updated', async () => {
    const tag = unique()
    const csv = template(tag, [['Omega TAG Dental', 'Reno', 'NV', 'dental', 'public', '', '', '']])
    await confirm(await (await upload('one.csv', csv)).text(), [['updates', 'chosen']])
    const id = (await schoolNamed(`Omega ${tag} Dental`))!.id

    const exported = await (await app.request('/admin/schools/export.csv', { headers })).text()
    const [header, ...lines] = exported.replace(/^\uFEFF/, '').trim().split('\r\n')
    expect(header!.startsWith('school_id,name,')).toBe(true)
    const row = lines.find((l) => l.startsWith(id))!.replace(`Omega ${tag} Dental`, `Omega ${tag} School of Dentistry`).replace(',Reno,', ',Las Vegas,')
    const html = await (await upload('edited.csv', `${header}\r\n${row}\r\n`)).text()
    expect(html).toContain('0 new schools, 1 changed, 0 unchanged.')
    expect(html).toContain('City: <del>Reno</del> → <ins>Las Vegas</ins>')
    expect((await confirm(html, [['updates', 'all']])).status).toBe(303)
    const [saved] = await db.select().from(schools).where(eq(schools.id, id))
    expect(saved).toMatchObject({ name: `Omega ${tag} School of Dentistry`, city: 'Las Vegas' })
  })

  test('a name a spreadsheet would run as a formula is exported as text and comes back unchanged', async () => {
    const tag = unique()
    const name = `=HYPERLINK("http://evil.example","${tag}")`
    await db.insert(schools).values({ name, city: 'Reno', state: 'NV', discipline: 'dental', control: 'public', carnegieGroup: 'other' })
    const exported = await (await app.request('/admin/schools/export.csv', { headers })).text()
    const line = exported.split('\r\n').find((l) => l.includes(tag))!
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""${tag}"")"`)
    const header = exported.replace(/^\uFEFF/, '').split('\r\n')[0]
    expect(await (await upload('back.csv', `${header}\r\n${line}\r\n`)).text()).toContain('0 new schools, 0 changed, 1 unchanged.')
  })
})

describe('files in other columns', () => {
  test('the IPEDS HD nursing file: columns guessed, nursing disciplines from the highest degree, codes translated, the mapping remembered', async () => {
    const file = readFileSync(new URL('../fixtures/directory/ipeds-hd2024-nursing-excerpt.csv', import.meta.url), 'utf8')
    const first = await upload('hd2024-nursing.csv', file)
    expect(first.status).toBe(200)
    const mapping = await first.text()
    expect(mapping).toContain('Which column holds what?')
    expect(mapping).toContain('<option value="unitid" selected="">unitid</option>')

    const noDiscipline = await submit(mapping, '/admin/schools/import')
    expect(noDiscipline.status).toBe(422)
    expect(await noDiscipline.text()).toContain('Choose the column that holds the discipline, or one discipline for every row.')

    const preview = await submit(mapping, '/admin/schools/import', [['discipline_all', 'nursing-by-degree']])
    const html = await preview.text()
    expect(preview.status).toBe(200)
    expect(html).toContain('7 rows read with your column mapping: 7 new schools, 0 changed, 0 unchanged.')
    expect((await confirm(html, [['updates', 'chosen']])).status).toBe(303)

    const [carrington] = await db.select().from(schools).where(eq(schools.ipedsUnitId, 103927))
    // Its highest award is an associate degree, so it runs an ADN program; Herzing's is a post-master's certificate.
    expect(carrington).toMatchObject({ name: 'Carrington College-Tucson', discipline: 'nursing-adn', control: 'private', carnegieGroup: 'associate', state: 'AZ', status: 'active' })
    expect((await db.select().from(schools).where(eq(schools.ipedsUnitId, 101365)))[0]?.discipline).toBe('nursing-bsn-msn')
    const [southUniversity] = await db.select().from(schools).where(eq(schools.ipedsUnitId, 133465))
    expect(southUniversity!.website).toBe('https://www.southuniversity.edu/west-palm-beach#location=West%20Palm%20Beach,%20FL')

    // The next file of this shape skips the mapping step: here the same file, which now changes nothing.
    const next = await (await upload('hd2024-nursing-again.csv', file)).text()
    expect(next).toContain('7 rows read with your column mapping, saved from an earlier file with the same columns: 0 new schools, 0 changed, 7 unchanged.')

    // The remembered mapping can still be changed: the mapping step opens with it filled in.
    const remap = await submit(next, '/admin/schools/import')
    const remapPage = await remap.text()
    expect(remap.status).toBe(200)
    expect(remapPage).toContain('Which column holds what?')
    expect(remapPage).toContain('<option value="nursing-by-degree" selected="">')
  })

  test('an AACN-style nursing list: plain column names guessed, program names become disciplines', async () => {
    const tag = unique()
    const csv = [
      'Institution,School of Nursing,City,State,Program,Public/Private,Dean,Dean Email',
      `Sierra ${tag} University,Sierra ${tag} School of Nursing,Reno,NV,BSN,Public,Dr. A. Lee,lee@${tag}.test`,
      `Valley ${tag} College,Valley ${tag} Nursing Program,Elko,NV,ADN,Public,,`,
    ].join('\r\n')
    const mapping = await (await upload('aacn.csv', csv)).text()
    expect(mapping).toContain('Which column holds what?')
    const html = await (await submit(mapping, '/admin/schools/import')).text()
    expect(html).toContain('2 rows read with your column mapping: 2 new schools')
    expect((await confirm(html, [['updates', 'chosen']])).status).toBe(303)
    expect(await schoolNamed(`Sierra ${tag} School of Nursing`)).toMatchObject({ parentInstitution: `Sierra ${tag} University`, discipline: 'nursing-bsn-msn', deanEmail: `lee@${tag}.test` })
    expect((await schoolNamed(`Valley ${tag} Nursing Program`))?.discipline).toBe('nursing-adn')
  })
})
