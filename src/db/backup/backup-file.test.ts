import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BACKUP_FORMAT, BadBackupFile, COPY_END, copyRow, copyStart, headerLines, parseBackup, parseCopyRow, setvalLine, trailerLine } from './backup-file'

const header = { format: BACKUP_FORMAT, schema: { tag: '0019_research_study_ids', createdAt: 1795993450289 }, takenAt: '2026-11-30T01:00:00.000Z', engine: 'postgres' }

/** A file as writeBackup lays it out: header, one COPY block, a sequence, the trailer over all of it. */
function backupText(rows: (string | null)[][]) {
  const body = [...headerLines(header), '', copyStart('schools', ['id', 'name']), ...rows.map(copyRow), COPY_END, '', setvalLine({ name: 'audit_events_id_seq', value: 53, isCalled: true })]
    .map((l) => `${l}\n`)
    .join('')
  return signed(body, rows.length)
}

/** A body with a correct last line, as a careful forger (or another tool) would write it. */
const signed = (body: string, rowCount: number) => `${body}${trailerLine(rowCount, createHash('sha256').update(body).digest('hex'))}\n`
const bodyOf = (text: string) => text.slice(0, text.lastIndexOf('-- smm-backup-end'))

describe('the backup file', () => {
  it('gives back every value as written, whatever characters it holds', () => {
    const rows = [['1', 'Tab\there\nnew line\r\\N back\\slash \\. "q" \'a\' 🩺'], ['2', null], ['3', ''], ['4', '\\']]
    const parsed = parseBackup(backupText(rows))
    expect(parsed.header).toEqual(header)
    expect(parsed.tables).toEqual([{ name: 'schools', columns: ['id', 'name'], rows }])
    expect(parsed.sequences).toEqual([{ name: 'audit_events_id_seq', value: 53, isCalled: true }])
  })

  it('writes one line per row, as COPY text reads it (so psql can load it too)', () => {
    expect(copyRow(['a\tb', null, 'c\nd', '\\'])).toBe('a\\tb\t\\N\tc\\nd\t\\\\')
    expect(parseCopyRow('a\\tb\t\\N\tc\\nd\t\\\\')).toEqual(['a\tb', null, 'c\nd', '\\'])
  })

  it('refuses a file that is not ours, cut short, altered, or in an unknown format', () => {
    const good = backupText([['1', 'Springfield']])
    expect(() => parseBackup('--\n-- PostgreSQL database dump\n--\n')).toThrow(/not a Social Mission Metrics backup/)
    expect(() => parseBackup(good.slice(0, good.length - 30))).toThrow(/incomplete/)
    expect(() => parseBackup(good.replace('Springfield', 'Springfielt'))).toThrow(/checksum does not match/)
    expect(() => parseBackup(signed(bodyOf(good).replace('-- format: 1', '-- format: 9'), 1))).toThrow(/in format 9; this version of the app reads format 1/)
    expect(() => parseBackup(signed(bodyOf(good), 2))).toThrow(BadBackupFile)
  })

  it('refuses a row whose values do not match its columns, even with a correct checksum', () => {
    expect(() => parseBackup(backupText([['1', 'a', 'extra']]))).toThrow(/3 values for 2 columns/)
  })

  it('refuses SQL it did not write, even with a correct checksum: restore never runs statements from the file', () => {
    const rows = [['1', 'x']]
    const forged = bodyOf(backupText(rows)).replace(`${COPY_END}\n`, `${COPY_END}\nDROP TABLE users;\n`)
    expect(() => parseBackup(signed(forged, 1))).toThrow(/is not one this app writes/)
  })
})
