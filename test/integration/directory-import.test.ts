import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { schools } from '../../src/db/schema/schools'
import { formPost, testApp, TEST_ORIGIN } from '../support/test-app'
import { seedUser, signedIn } from '../support/seed'

const { app, db } = await testApp()
const admin = await seedUser(db, { programRole: 'admin' })
const headers = await signedIn(db, admin)

const unique = () => randomUUID().slice(0, 8)
const schoolCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(schools))[0]!.n

function upload(name: string, content: string | Uint8Array<ArrayBuffer>) {
  const body = new FormData()
  body.set('file', new File([content], name, { type: 'text/csv' }))
  return app.request('/admin/schools/import', { method: 'POST', headers, body })
}
const confirmFieldOf = (html: string) => html.match(/name="content" value="([^"]+)"/)?.[1]

describe('directory CSV import', () => {
  test('a file with problems shows each by row and field, flags duplicates, and writes nothing', async () => {
    const tag = unique()
    const csv = [
      'name,city,state,discipline,control,ipeds_unit_id,dean_email',
      `Alpha ${tag} College of Nursing,Fresno,CA,nursing-adn,public,,dean@alpha.test`,
      `Beta ${tag} PA Program,Fresno,California,pa,public,,`,
      `Gamma ${tag} School,Fresno,CA,vet,public,,`,
      `alpha ${tag} college of nursing,Fresno,ca,nursing-adn,public,,`,
    ].join('\n')
    const before = await schoolCount()
    const res = await upload('schools.csv', csv)
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('“California” is not a US state or territory code')
    expect(html).toContain('Unknown discipline “vet”')
    expect(html).toContain(`Duplicate of row 2 (Alpha ${tag} College of Nursing) in this file.`)
    expect(html).toMatch(/<td class="num">3<\/td><td>state<\/td>/)
    expect(confirmFieldOf(html)).toBeUndefined() // no way to confirm a file with problems
    expect(await schoolCount()).toBe(before)
  })

  test('bad encoding is refused; a file in unknown columns is asked which column holds what, naming what is missing', async () => {
    const latin1: Uint8Array<ArrayBuffer> = new Uint8Array([...new TextEncoder().encode('name,city,state,discipline,control\nEscuela de Enfermer'), 0xed, ...new TextEncoder().encode('a,Ponce,PR,nursing-adn,public\n')])
    const bad = await upload('latin1.csv', latin1)
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('The file is not UTF-8 text')

    const unknown = await upload('short.csv', 'name,town,state\nA,B,CA\n')
    expect(unknown.status).toBe(200)
    const mappingPage = await unknown.text()
    expect(mappingPage).toContain('Which column holds what?')
    expect(mappingPage).toMatch(/<option value="town" selected="">town<\/option>/) // "town" is guessed as the city
    const answer = await app.request('/admin/schools/import', formPost({ content: confirmFieldOf(mappingPage)!, step: 'map', map_name: 'name', map_state: 'state' }, headers))
    expect(answer.status).toBe(422)
    const again = await answer.text()
    expect(again).toContain('Choose the column that holds the city.')
    expect(again).toContain('Choose the column that says whether the school is public or private.')
    expect(again).toContain('Choose the column that holds the discipline, or one discipline for every row.')
  })

  test('the public roster of MD, DO and dental schools is previewed, then imported in one go; a second import changes nothing', async () => {
    const full = readFileSync(new URL('../../seed/us_md_do_dental_schools.csv', import.meta.url), 'utf8')
    // The roster lists three new DO schools whose control is not yet known: the preview names them and blocks.
    const blocked = await (await upload('roster.csv', full)).text()
    expect(blocked.match(/<td>control<\/td>/g)).toHaveLength(3)
    expect(blocked).toMatch(/<td class="num">170<\/td><td>control<\/td><td>Control is public or private, not “”.<\/td>/)

    const roster = full.split('\n').filter((line) => !/,,,,,,,,,,/.test(line)).join('\n')
    const before = await schoolCount()
    const preview = await upload('roster.csv', roster)
    const html = await preview.text()
    expect(preview.status, html.match(/<table>[\s\S]{0,2000}/)?.[0]).toBe(200)
    expect(html).toContain('read with the public roster')
    expect(await schoolCount()).toBe(before) // the preview wrote nothing

    const confirm = await app.request('/admin/schools/import/confirm', formPost({ content: confirmFieldOf(html)! }, headers))
    expect(confirm.status).toBe(303)
    const written = (await schoolCount()) - before
    expect(written).toBe(roster.trim().split('\n').length - 1)
    const [uab] = await db.select().from(schools).where(eq(schools.ipedsUnitId, 100663))
    expect(uab).toMatchObject({ state: 'AL', control: 'public', carnegieGroup: 'r1' })

    const again = await upload('roster.csv', roster)
    expect(again.status).toBe(200)
    const unchanged = await again.text()
    expect(unchanged).toContain(`0 new schools, 0 changed, ${written} unchanged.`)
    expect(unchanged).toContain('there is nothing to import')
  })

  test('a UTF-8 file with a byte-order mark, in our template, imports; the export opens in Excel (BOM, CRLF)', async () => {
    const tag = unique()
    const csv = `\uFEFFname,city,state,discipline,control,dean_name,dean_email\nEscuela ${tag} de Enfermería,Ponce,PR,nursing-bsn-msn,private,Dra. Peña,pena-${tag}@escuela.test\n`
    const html = await (await upload('bom.csv', csv)).text()
    expect((await app.request('/admin/schools/import/confirm', formPost({ content: confirmFieldOf(html)! }, headers))).status).toBe(303)

    const exported = await app.request('/admin/schools/export.csv', { headers })
    expect(exported.headers.get('content-type')).toContain('text/csv')
    const bytes = new Uint8Array(await exported.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text).toContain(`Escuela ${tag} de Enfermería,,Ponce,PR,nursing-bsn-msn,private,other,,,Dra. Peña,pena-${tag}@escuela.test,active\r\n`)
  })

  test('the template downloads with our columns', async () => {
    const res = await app.request('/admin/schools/import/template.csv', { headers })
    expect((await res.text()).split('\r\n')[0]).toBe('name,parent_institution,city,state,discipline,control,carnegie_group,ipeds_unit_id,website,dean_name,dean_email,status')
  })
})

describe('directory create and edit', () => {
  test('a bad school comes back with messages beside the fields and what was typed; a duplicate is refused', async () => {
    const name = `Delta ${unique()} School of Dentistry`
    const bad = await app.request('/admin/schools/new', formPost({ name, city: 'Reno', state: 'NV', discipline: 'dentistry', control: 'public', dean_email: 'x' }, headers))
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('Unknown discipline “dentistry”')
    expect(html).toContain(`value="${name}"`)

    const good = { name, city: 'Reno', state: 'NV', discipline: 'dental', control: 'public', carnegie_group: 'r2', status: 'active' }
    expect((await app.request('/admin/schools/new', formPost(good, headers))).status).toBe(303)
    const dup = await app.request('/admin/schools/new', formPost({ ...good, name: name.toUpperCase() }, headers))
    expect(dup.status).toBe(422)
    expect(await dup.text()).toContain('(NV) is already in the directory')

    const list = await (await app.request(`/admin/schools?q=${encodeURIComponent(name.slice(0, 14))}&state=NV`, { headers })).text()
    expect(list).toContain('1 school found')
    const id = list.match(/href="\/admin\/schools\/([0-9a-f-]{36})"/)![1]
    expect((await app.request(`/admin/schools/${id}`, formPost({ ...good, city: 'Las Vegas' }, headers))).status).toBe(303)
    const [saved] = await db.select().from(schools).where(eq(schools.id, id!))
    expect(saved!.city).toBe('Las Vegas')
  })

  test('only program admins reach the directory', async () => {
    const someone = await seedUser(db)
    expect((await app.request('/admin/schools', { headers: await signedIn(db, someone) })).status).toBe(403)
    const anonymous = await app.request('/admin/schools', { headers: { Origin: TEST_ORIGIN } })
    expect(anonymous.status).not.toBe(200)
  })
})

describe('a large directory file', () => {
  test('over the 1 MiB form limit (a whole state system, say) is still previewed rather than refused', async () => {
    const tag = unique()
    const parent = 'A State University System Office of Academic Affairs and Health Sciences Education Programs and Community Partnerships Division'
    const rows = Array.from({ length: 4_900 }, (_, i) => `Large ${tag} School of Nursing number ${i} at the regional campus,${parent},Fresno,CA,nursing-adn,public,`)
    const csv = ['name,parent_institution,city,state,discipline,control,dean_email', ...rows].join('\n')
    expect(csv.length).toBeGreaterThan(1024 * 1024)
    const res = await upload('large.csv', csv)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('4900 rows read')
  })
})
