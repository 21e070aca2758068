import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { itemsOf } from '../../domain/instrument/instrument-model'
import { describeFileError, INSTRUMENTS_DIR, readInstrumentFiles, readInstrumentText } from './instrument-files'

const shipped = readInstrumentFiles()
const folder = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'smm-instr-unit-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}
const errorsOf = (name: string, text: string) => {
  const result = readInstrumentText(name, text)
  return result.ok ? [] : result.errors.map(describeFileError)
}

describe('the shipped instruments', () => {
  test('smm-2024 has 5 domains, 16 areas and 70–90 items; smm-2019 has 6 domains and 18 areas', () => {
    expect(shipped.ok).toBe(true)
    if (!shipped.ok) return
    const byId = Object.fromEntries(shipped.files.map((f) => [f.instrument.id, f.instrument]))
    const shape = (id: string) => {
      const i = byId[id]!
      return [i.domains.length, i.domains.flatMap((d) => d.areas).length]
    }
    expect(shape('smm-2024')).toEqual([5, 16])
    expect(shape('smm-2019')).toEqual([6, 18])
    for (const id of ['smm-2024', 'smm-2019']) {
      const items = itemsOf(byId[id]!)
      expect(items.length).toBeGreaterThanOrEqual(70)
      expect(items.length).toBeLessThanOrEqual(90)
      // Every scored indicator says why it matters, and every area has 3–7 of them.
      expect(items.filter(({ item }) => item.scored && !item.help).map(({ item }) => item.id)).toEqual([])
      for (const area of byId[id]!.domains.flatMap((d) => d.areas)) expect(area.items.filter((i) => i.scored).length).toBeGreaterThanOrEqual(3)
    }
    expect(byId['smm-2024']!.domains.map((d) => [d.id, d.areas.map((a) => a.id)])).toEqual([
      ['pathways', ['pathway-programs', 'holistic-admissions', 'student-diversity', 'graduate-outcomes']],
      ['curriculum', ['health-equity-curriculum', 'interprofessional-education', 'service-learning', 'community-based-training']],
      ['community', ['community-partnerships', 'community-health-needs', 'community-engaged-research']],
      ['people', ['faculty-leadership-diversity', 'recognition', 'advocacy']],
      ['governance', ['mission-strategy', 'accountability']],
    ])
  })

  test('the content hash ignores comments and layout but not content', () => {
    const text = readFileSync(join(INSTRUMENTS_DIR, 'smm-2024.yaml'), 'utf8')
    const hash = (t: string) => {
      const r = readInstrumentText('x.yaml', t)
      return r.ok ? r.file.contentHash : r.errors
    }
    expect(hash(`# a new comment\n${text}\n\n`)).toBe(hash(text))
    expect(hash(text.replace('Fees keep able applicants', 'Fees keep good applicants'))).not.toBe(hash(text))
  })
})

describe('a bad file never loads, and says where it is wrong', () => {
  test('a validation problem names the file, the line and the item', () => {
    const text = readFileSync('test/fixtures/instruments/broken.yaml', 'utf8')
    expect(errorsOf('broken.yaml', text)).toEqual([
      'broken.yaml:14 (item area-one.follow-up): showIf reads area-one.nope, which is not an item of this instrument',
    ])
  })

  test('a missing field points at the object that lacks it', () => {
    const text = 'id: t\ntitle: T\ndomains:\n  - id: d\n    title: D\n    areas:\n      - id: a\n        title: A\n        items:\n          - id: a.q\n            kind: yes-no\n            text: Q?\n'
    expect(errorsOf('t.yaml', text)).toEqual(['t.yaml:10 (item a.q): office: must be one of admissions, curriculum, community-affairs, diversity-office, student-affairs, hr, institutional-research, finance, research-office, deans-office'])
  })

  test('broken YAML and duplicate keys are reported with their line', () => {
    expect(errorsOf('y.yaml', 'id: t\ntitle: [unclosed\n')[0]).toMatch(/^y\.yaml:\d+: not valid YAML/)
    expect(errorsOf('y.yaml', 'id: t\nid: u\ntitle: T\ndomains: []\n')[0]).toMatch(/^y\.yaml:2: not valid YAML: Map keys must be unique/)
  })

  test('JSON files load too', () => {
    const json = JSON.stringify({ id: 'j', title: 'J', domains: [{ id: 'd', title: 'D', areas: [{ id: 'a', title: 'A', items: [{ id: 'a.q', kind: 'yes-no', text: 'Q?', office: 'hr' }] }] }] })
    expect(readInstrumentText('j.json', json).ok).toBe(true)
  })

  test('across files: one bad file stops all, ids must be unique, crosswalks must point at real areas', () => {
    const good = readFileSync(join(INSTRUMENTS_DIR, 'smm-2024.yaml'), 'utf8')
    const broken = readFileSync('test/fixtures/instruments/broken.yaml', 'utf8')
    const mixed = readInstrumentFiles(folder({ 'a.yaml': good, 'b.yaml': broken }))
    expect(mixed.ok).toBe(false)
    const twice = readInstrumentFiles(folder({ 'a.yaml': good, 'b.yaml': good }))
    expect(twice.ok ? [] : twice.errors.map(describeFileError)).toEqual(['b.yaml: instrument id smm-2024 is also used by a.yaml'])
    const old = readFileSync(join(INSTRUMENTS_DIR, 'smm-2019.yaml'), 'utf8')
    const alone = readInstrumentFiles(folder({ 'old.yaml': old }))
    expect(alone.ok ? [] : alone.errors.map(describeFileError)).toEqual(['old.yaml: crosswalk points to smm-2024, which is not among the instrument files'])
    const wrongArea = readInstrumentFiles(folder({ 'old.yaml': old.replace('[recognition]', '[recognitions]'), 'new.yaml': good }))
    expect(wrongArea.ok ? [] : wrongArea.errors.map(describeFileError)).toEqual(['old.yaml: crosswalk maps recognition-promotion to recognitions, which is not an area of smm-2024'])
  })
})

describe('read once per process (decision 173)', () => {
  test('the same text is not read twice; a changed file is read again and a broken one keeps saying why', () => {
    const json = (title: string) => JSON.stringify({ id: 'k', title, domains: [{ id: 'd', title: 'D', areas: [{ id: 'a', title: 'A', items: [{ id: 'a.q', kind: 'yes-no', text: 'Q?', office: 'hr' }] }] }] })
    const dir = folder({ 'k.json': json('First') })
    const first = readInstrumentFiles(dir)
    const again = readInstrumentFiles(dir)
    expect(first.ok && again.ok && again.files[0]!.instrument).toBe(first.ok && first.files[0]!.instrument) // the same object, not a new parse
    expect(() => {
      if (again.ok) (again.files[0]!.instrument as { title: string }).title = 'Changed by a caller'
    }).toThrow(TypeError) // shared, so nobody may change it for the others
    writeFileSync(join(dir, 'k.json'), json('Second'))
    const edited = readInstrumentFiles(dir)
    expect(edited.ok && edited.files[0]!.instrument.title).toBe('Second')
    writeFileSync(join(dir, 'k.json'), '{"id": "k"')
    for (let i = 0; i < 2; i++) expect(readInstrumentFiles(dir).ok).toBe(false)
  })
})
