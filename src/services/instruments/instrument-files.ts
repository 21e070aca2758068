import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { checkCrosswalks } from '../../domain/instrument/instrument-crosswalk'
import type { Instrument } from '../../domain/instrument/instrument-model'
import { validateInstrument, type Path } from '../../domain/instrument/instrument-validate'
import { cachedInstrumentFile } from './instrument-file-cache'

export type InstrumentFile = { file: string; instrument: Instrument; contentHash: string }
/** A problem found reading the files, with everything a person needs to fix it. */
export type InstrumentFileError = { file: string; line?: number | undefined; itemId?: string | undefined; message: string }
export type InstrumentFilesResult = { ok: true; files: InstrumentFile[] } | { ok: false; errors: InstrumentFileError[] }

export const describeFileError = (e: InstrumentFileError) =>
  `${e.file}${e.line ? `:${e.line}` : ''}${e.itemId ? ` (item ${e.itemId})` : ''}: ${e.message}`

/** The folder the app imports at start and `smm instruments import` reads by default. */
export const INSTRUMENTS_DIR = new URL('../../../instruments/', import.meta.url).pathname

/**
 * Reads and validates every instruments/*.yaml (or .json) file. All or nothing: if any file has a problem, no
 * instrument is returned, and every problem is listed with its file, line and item.
 */
export function readInstrumentFiles(dir: string = INSTRUMENTS_DIR): InstrumentFilesResult {
  const names = readdirSync(dir).filter((n) => /\.(ya?ml|json)$/.test(n)).sort()
  const files: InstrumentFile[] = []
  const errors: InstrumentFileError[] = []
  for (const name of names) {
    const text = readFileSync(join(dir, name), 'utf8')
    let failed: InstrumentFileError[] = []
    const file = cachedInstrumentFile(name, text, () => {
      const result = readInstrumentText(name, text)
      if (result.ok) return result.file
      failed = result.errors
      return null
    })
    if (file) files.push(file)
    else errors.push(...failed)
  }
  const seen = new Map<string, string>()
  for (const { file, instrument } of files) {
    const other = seen.get(instrument.id)
    if (other) errors.push({ file, message: `instrument id ${instrument.id} is also used by ${other}` })
    seen.set(instrument.id, file)
  }
  for (const issue of checkCrosswalks(files.map((f) => f.instrument))) errors.push({ file: seen.get(issue.instrumentId)!, message: issue.message })
  return errors.length > 0 ? { ok: false, errors } : { ok: true, files }
}

/** Parses one file's text (YAML, which includes JSON) and validates it; errors carry the line they point at. */
export function readInstrumentText(
  name: string,
  text: string,
): { ok: true; file: InstrumentFile } | { ok: false; errors: InstrumentFileError[] } {
  const file = basename(name)
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, message: `not valid YAML: ${e.message.split('\n')[0]}` })) }
  }
  const result = validateInstrument(doc.toJS())
  if (!result.ok) {
    const lineOf = (path: Path) => {
      const offset = nearestNode(doc.contents, path)?.range?.[0]
      return offset === undefined ? undefined : lineCounter.linePos(offset).line
    }
    return { ok: false, errors: result.issues.map((i) => ({ file, line: lineOf(i.path), itemId: i.itemId, message: i.message })) }
  }
  return { ok: true, file: { file, instrument: result.instrument, contentHash: contentHash(result.instrument) } }
}

/** The deepest node along `path` that exists, so a missing field points at the object that lacks it. */
function nearestNode(root: unknown, path: Path): Node | undefined {
  let node = root as Node | undefined
  for (const key of path) {
    const child = isMap(node) ? node.get(key, true) : isSeq(node) ? node.get(key as number, true) : undefined
    if (!child || typeof child !== 'object') break
    node = child as Node
  }
  return node
}

/** A hash of the validated content (comments and layout do not count), keys in a fixed order. */
export function contentHash(instrument: Instrument): string {
  return createHash('sha256').update(canonicalJson(instrument)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
