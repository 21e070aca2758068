import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { and, eq } from 'drizzle-orm'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, test } from 'vitest'
import { auditEvents } from '../../src/db/schema/operations'
import { researchStudyIds } from '../../src/db/schema/research'
import { researchLayout } from '../../src/domain/research/research-layout'
import { readWithHaven, requireReader, run } from '../support/research-readers'
import { researchTestApp, seedResearchCycle, type ResearchSchoolSpec } from '../support/research-seed'

// The de-identified export end to end through HTTP: protection of small cells, the README's counts, when there is
// no export, and every format read back by real readers (PSPP, haven) against the codebook.

const { app, db, instrument, adminHeaders, analyst, analystHeaders } = await researchTestApp()
const dir = mkdtempSync(join(tmpdir(), 'smm-research-export-'))

const times = (n: number, spec: ResearchSchoolSpec) => Array.from({ length: n }, (_, i) => ({ ...spec, level: (i % 5) / 4 }))
// MD: 6 in the Northeast, 2 West, 2 South (one region per small cell) → region generalised for all 10 MD rows.
// Dental: 3 private R2 and 4 public special-focus schools → everything but discipline generalised for its 7 rows.
// PA: 2 schools → under 5: fully suppressed.
const SMALL_CELLS: ResearchSchoolSpec[] = [
  ...times(6, { discipline: 'md', state: 'NY' }), ...times(2, { discipline: 'md', state: 'CA' }), ...times(2, { discipline: 'md', state: 'TX' }),
  ...times(3, { discipline: 'dental', control: 'private', carnegieGroup: 'r2', state: 'OH' }),
  ...times(4, { discipline: 'dental', control: 'public', carnegieGroup: 'special-focus', state: 'GA' }),
  ...times(2, { discipline: 'pa', control: 'private', carnegieGroup: 'masters-baccalaureate', state: 'PR' }),
]
const round = await seedResearchCycle(app, db, adminHeaders, instrument, SMALL_CELLS, { title: 'Small cells 2026' })
const exportUrl = (format: string, cycleId = round.cycleId) => `/research/cycles/${cycleId}/exports/${format}`
const download = async (format: string) => {
  const res = await app.request(exportUrl(format), { headers: analystHeaders })
  expect(res.status).toBe(200)
  return res
}
const csvRows = async () => parse(await (await download('csv')).text(), { columns: true }) as Record<string, string>[]
const layout = researchLayout(instrument, { identified: false })

describe('de-identification of a cycle with small cells', () => {
  test('no combination of discipline, control, Carnegie group and region holds fewer than 5 rows, unless fully suppressed', async () => {
    const rows = await csvRows()
    expect(rows).toHaveLength(SMALL_CELLS.length)
    const key = (r: Record<string, string>) => [r['discipline'], r['control'], r['carnegie'], r['region']].join('|')
    const counts = new Map<string, number>()
    for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1)
    for (const [combination, n] of counts) if (combination !== '-5|-5|-5|-5') expect(n, combination).toBeGreaterThanOrEqual(5)
    // MD keeps control and Carnegie group, loses region; dental keeps only its discipline; PA is fully suppressed.
    expect(counts).toEqual(new Map([['1|1|1|0', 10], ['3|0|0|0', 7], ['-5|-5|-5|-5', 2]]))
  })

  test('the README says what was done and counts the changed values truly', async () => {
    const readme = await (await download('readme')).text()
    expect(readme).toContain('Rows:               19')
    expect(readme).toMatch(/discipline: 2 \(10\.5%\)/)
    expect(readme).toMatch(/control: 9 \(47\.4%\)/)
    expect(readme).toMatch(/Carnegie group: 9 \(47\.4%\)/)
    expect(readme).toMatch(/Census region: 19 \(100%\)/)
    expect(readme).toContain('Medicine (MD): 10 rows, level 1')
    expect(readme).toContain('Physician assistant (PA): 2 rows, under 5: all four suppressed')
    const freeText = instrument.domains.flatMap((d) => d.areas.flatMap((a) => a.items)).filter((i) => i.kind === 'free-text')
    expect(readme).toContain(`Free-text answers (${freeText.length} questions: ${freeText.map((i) => i.id).join(', ')})`)
  })

  test('free text is left out, answers are codes, skipped items say so, and scores come along', async () => {
    const rows = await csvRows()
    const freeText = instrument.domains.flatMap((d) => d.areas.flatMap((a) => a.items)).filter((i) => i.kind === 'free-text')
    expect(freeText.length).toBeGreaterThan(0)
    const header = Object.keys(rows[0]!)
    expect(header.slice(0, 6)).toEqual(['study_id', 'discipline', 'control', 'carnegie', 'region', 'instrument_version'])
    expect(header).toEqual(layout.variables.map((v) => v.name))
    // A school at level 0 answers "no" to having pathway programs, so their follow-ups were skipped (-6).
    const hasPrograms = layout.items.find((i) => i.item.id === 'pathway-programs.has-programs')!.names[0]!
    const followUp = layout.items.find((i) => i.item.showIf === 'pathway-programs.has-programs = yes')!.names[0]!
    const none = rows.filter((r) => r[hasPrograms] === '0')
    expect(none.length).toBeGreaterThan(0)
    for (const row of none) expect(row[followUp]).toBe('-6')
    for (const row of rows) expect(Number(row['overall_score'])).toBeGreaterThanOrEqual(0)
  })

  test('study ids are made once and every export of the cycle uses the same', async () => {
    const first = (await csvRows()).map((r) => r['study_id']).sort()
    const stored = await db.select().from(researchStudyIds).where(eq(researchStudyIds.cycleId, round.cycleId))
    expect(stored.map((s) => s.studyId).sort()).toEqual(first)
    expect((await csvRows()).map((r) => r['study_id']).sort()).toEqual(first)
  })

  test('each download is audited with its format and rows', async () => {
    await download('sav')
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'research.exported'), eq(auditEvents.subject, round.cycleId), eq(auditEvents.actorUserId, analyst.id)))
    expect(audits.map((a) => a.details)).toContainEqual({ format: 'sav', rows: 19 })
  })
})

describe('a cycle that cannot be exported says why', () => {
  test('an open cycle offers no export and its download URL answers 409 with the reason', async () => {
    const open = await seedResearchCycle(app, db, adminHeaders, instrument, times(6, { discipline: 'md' }), { status: 'open' })
    const page = await (await app.request(`/research/cycles/${open.cycleId}`, { headers: analystHeaders })).text()
    expect(page).toContain('This cycle is still open')
    expect(page).not.toContain('/exports/')
    const res = await app.request(exportUrl('csv', open.cycleId), { headers: analystHeaders })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('This cycle is still open')
  })

  test('a scored cycle with 4 certified responses offers no export either', async () => {
    const tiny = await seedResearchCycle(app, db, adminHeaders, instrument, times(4, { discipline: 'md' }))
    const page = await (await app.request(`/research/cycles/${tiny.cycleId}`, { headers: analystHeaders })).text()
    expect(page).toContain('Fewer than 5 schools certified a response in this cycle')
    const res = await app.request(exportUrl('sav', tiny.cycleId), { headers: analystHeaders })
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('Fewer than 5 schools certified a response')
  })

  test('an unknown format or cycle is a 404', async () => {
    expect((await app.request(exportUrl('xlsx'), { headers: analystHeaders })).status).toBe(404)
    expect((await app.request(exportUrl('csv', '00000000-0000-4000-8000-000000000000'), { headers: analystHeaders })).status).toBe(404)
  })
})

describe('every format, read back by real readers', () => {
  const save = async (format: string, name: string) => {
    const res = await download(format)
    const path = join(dir, name)
    writeFileSync(path, new Uint8Array(await res.arrayBuffer()))
    return { res, path }
  }

  test('the .sav downloads under its own name and PSPP reads its labels and values', async () => {
    const { res, path } = await save('sav', 'export.sav')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="smm-small-cells-2026-deidentified.sav"')
    requireReader('pspp-convert')
    run('pspp-convert', [path, join(dir, 'pspp.csv')])
    const viaPspp = parse(readFileSync(join(dir, 'pspp.csv'), 'utf8'), { columns: true }) as Record<string, string>[]
    const rows = await csvRows()
    expect(viaPspp.map((r) => r['study_id'])).toEqual(rows.map((r) => r['study_id']))
    expect(viaPspp.map((r) => Number(r['region']))).toEqual(rows.map((r) => Number(r['region'])))
    requireReader('pspp')
    writeFileSync(join(dir, 'dict.sps'), `GET FILE=${JSON.stringify(path)}.\nDISPLAY DICTIONARY.\n`)
    run('pspp', [join(dir, 'dict.sps'), '-o', join(dir, 'dict.csv')])
    const dictionary = readFileSync(join(dir, 'dict.csv'), 'utf8')
    expect(dictionary).toContain('Carnegie classification group (2021)')
    expect(dictionary).toContain('Suppressed (to protect schools)')
  })

  /** The codebook CSV as analysts download it: variable → label and value labels ("1 = Yes; 0 = No"). */
  const codebook = async () => {
    const text = await (await download('codebook-csv')).text()
    const entries = parse(text.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[]
    return new Map(entries.map((e) => [e['variable']!, { label: e['label']!, valueLabels: e['value_codes'] ? e['value_codes'].split('; ').map((pair) => pair.split(' = ').slice(1).join(' = ')) : [] }]))
  }

  test('haven reads the .sav and the .dta with the codebook’s labels and the CSV’s values', async () => {
    const rows = await csvRows()
    const book = await codebook()
    expect([...book.keys()]).toEqual(Object.keys(rows[0]!))
    const { path: sav } = await save('sav', 'export.sav')
    const { path: dta } = await save('dta', 'export.dta')
    const fromSav = readWithHaven(`read_sav(${JSON.stringify(sav)}, user_na = TRUE)`, dir)
    const fromDta = readWithHaven(`read_dta(${JSON.stringify(dta)})`, dir)
    const probe = ['study_id', 'discipline', 'region', layout.items.find((i) => i.item.kind === 'single-choice')!.names[0]!, 'overall_score']
    // Stata has no user-missing values: the writer keeps answer codes as extended missing .m .d .n .s (decision 131).
    const STATA: Record<string, string> = { '-9': '.m', '-8': '.d', '-7': '.n', '-6': '.s' }
    for (const [read, asRead] of [[fromSav, (v: string) => v], [fromDta, (v: string) => STATA[v] ?? v]] as const) {
      expect(read.values).toHaveLength(rows.length)
      for (const name of probe.slice(0, 4)) expect(read.values.map((r) => r[name])).toEqual(rows.map((r) => asRead(r[name]!)))
      read.values.forEach((r, i) => expect(Number(r['overall_score'])).toBeCloseTo(Number(rows[i]!['overall_score']), 6))
      for (const name of probe) {
        const entry = book.get(name)!
        expect(read.meta.find((m) => m.variable === name && m.kind === 'label')?.text).toBe(entry.label)
        const labels = read.meta.filter((m) => m.variable === name && m.kind === 'value_label').map((m) => m.text)
        expect(labels.sort()).toEqual([...entry.valueLabels].sort())
      }
    }
  })

  test('the R script reads the CSV with haven and labels it as the codebook says', async () => {
    const rows = await csvRows()
    const book = await codebook()
    const csv = join(dir, 'smm-small-cells-2026-deidentified.csv')
    writeFileSync(csv, await (await download('csv')).text())
    const { path: script } = await save('r', 'smm-small-cells-2026-deidentified.R')
    requireReader('Rscript')
    const choice = layout.items.find((i) => i.item.kind === 'single-choice')!.names[0]!
    const out = run('Rscript', ['--vanilla', '-e', `setwd(${JSON.stringify(dir)}); source(${JSON.stringify(script)}); cat(nrow(d), attr(d$region, "label"), attr(d[[${JSON.stringify(choice)}]], "label"), sum(is.na(d$discipline)), sep = "\n")`])
    const [n, regionLabel, choiceLabel, suppressed] = out.trim().split('\n')
    expect(Number(n)).toBe(rows.length)
    expect(regionLabel).toBe(book.get('region')!.label)
    expect(choiceLabel).toBe(book.get(choice)!.label)
    expect(Number(suppressed)).toBe(2) // the two PA rows: -5 is declared missing, so is.na() is TRUE for them
  })

  test('the codebook page and the REDCap dictionary describe the instrument', async () => {
    const html = await (await download('codebook-html')).text()
    expect(html).toContain('Carnegie classification group (2021)')
    const redcap = (await (await download('redcap')).text()).replace(/^\uFEFF/, '')
    expect(redcap.split(/\r?\n/)[0]).toBe('Variable / Field Name,Form Name,Section Header,Field Type,Field Label,"Choices, Calculations, OR Slider Labels",Field Note,Text Validation Type OR Show Slider Number,Text Validation Min,Text Validation Max,Identifier?,Branching Logic (Show field only if...),Required Field?,Custom Alignment,Question Number (surveys only),Matrix Group Name,Matrix Ranking?,Field Annotation')
  })

  test('the zip bundle holds every file of the export', async () => {
    const res = await download('zip')
    expect(res.headers.get('content-type')).toBe('application/zip')
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
    expect(Object.keys(files).sort()).toEqual([
      'smm-small-cells-2026-deidentified-README.txt', 'smm-small-cells-2026-deidentified-codebook.csv', 'smm-small-cells-2026-deidentified-codebook.html',
      'smm-small-cells-2026-deidentified-redcap-dictionary.csv', 'smm-small-cells-2026-deidentified.R', 'smm-small-cells-2026-deidentified.csv',
      'smm-small-cells-2026-deidentified.dta', 'smm-small-cells-2026-deidentified.sav',
    ])
    expect(strFromU8(files['smm-small-cells-2026-deidentified.csv']!)).toBe(await (await download('csv')).text())
    expect(strFromU8(files['smm-small-cells-2026-deidentified-README.txt']!)).toContain('Rows:               19')
  })
})
