import { BufferedSink, streamBinaryRows } from './buffered-sink'
import { ByteBuilder, utf8, utf8Truncate } from './binary'
import { checkVariableNames, numericCell, stringCell } from './cells'
import { type ByteSink, type DatasetValue, type DatasetVariable, type LabelledDataset, MISSING_CODES } from './dataset'

/**
 * An SPSS system file (.sav) writer of our own: npm has no maintained one (decision 130). It follows the format as
 * PSPP documents it ("System File Format" in the PSPP developers' guide), writing the subset a research export
 * needs, uncompressed, little-endian:
 *
 *   file header ($FL2, case count known up front)
 *   variable records (type 2) with labels, print/write formats and user-missing values
 *   value labels (types 3 and 4), one set per labelled numeric variable
 *   a document (type 6) saying what the missing codes mean
 *   extension records (type 7): 3 integer info (UTF-8, code page 65001), 4 float info, 11 measure/width/alignment,
 *   13 long variable names, 14 very long strings, 20 character encoding "UTF-8"
 *   dictionary termination (type 999), then the cases, one 8-byte slot per number and per 8 bytes of string.
 *
 * Strings wider than 255 bytes are "very long strings": segments of 255 bytes and record 14 (PSPP's description),
 * up to SPSS's 32,767. Rows are streamed: only the dictionary is built in memory.
 */
export async function writeSav(dataset: LabelledDataset, sink: ByteSink, options: { createdAt?: Date } = {}): Promise<void> {
  checkVariableNames(dataset.variables)
  const layout = savLayout(dataset.variables)
  const out = new BufferedSink(sink)
  await out.write(dictionary(dataset, layout, options.createdAt ?? new Date()))
  await streamBinaryRows(dataset, out, '.sav', (builder, values) => writeCase(builder, layout, values))
  await out.flush()
}

/** The widest string a system file holds (SPSS's limit); over 255 bytes a string is written in segments. */
export const SAV_MAX_STRING_BYTES = 32767
const SHORT_STRING_BYTES = 255
const VERY_LONG_SEGMENT_STRIDE = 252
const MAX_VARIABLE_LABEL_BYTES = 255
const MAX_VALUE_LABEL_BYTES = 120
const MAX_FILE_LABEL_BYTES = 64

// Float bit patterns from the float info record: system-missing is -DBL_MAX.
const SYSMIS = 0xffefffffffffffffn
const HIGHEST = 0x7fefffffffffffffn
const LOWEST = 0xffeffffffffffffen

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const FORMAT_A = 1
const FORMAT_F = 5
const MEASURE = { nominal: 1, ordinal: 2, scale: 3 } as const

/** One variable record and its continuations: a number, a string, or one piece of a very long string. */
interface Segment {
  shortName: string
  /** 0 for a number, else the segment's width in bytes (1–255). */
  width: number
  /** 8-byte slots the segment takes in a case. */
  slots: number
}

interface SavVariable {
  variable: DatasetVariable
  /** 0 for numbers, else the string's width in bytes (up to 32,767). */
  width: number
  /** One for a number or a string up to 255 bytes; a very long string is cut into segments (record 14). */
  segments: Segment[]
  /** 1-based index of its first variable record (value label records point at it). */
  index: number
}

const slotsOf = (width: number) => (width === 0 ? 1 : Math.ceil(width / 8))

/**
 * The segments of a string, as PSPP describes very long strings: one per 252 bytes of width, each 255 wide but the
 * last, which is the rest; the data fills each segment with 255 bytes of the string.
 */
function segmentWidths(width: number): number[] {
  if (width <= SHORT_STRING_BYTES) return [width]
  const count = Math.ceil(width / VERY_LONG_SEGMENT_STRIDE)
  return Array.from({ length: count }, (_, i) => (i < count - 1 ? SHORT_STRING_BYTES : width - (count - 1) * VERY_LONG_SEGMENT_STRIDE))
}

function savLayout(variables: readonly DatasetVariable[]): SavVariable[] {
  const shortNames = new Set<string>()
  let index = 1
  return variables.map((variable) => {
    const width = variable.type === 'numeric' ? 0 : Math.max(1, variable.width ?? 1)
    if (width > SAV_MAX_STRING_BYTES) {
      throw new Error(`${variable.name} holds strings of ${width} bytes; the .sav writer stores at most ${SAV_MAX_STRING_BYTES}.`)
    }
    const segments = segmentWidths(width).map((segmentWidth, i) => ({
      shortName: shortName(i === 0 ? variable.name : `${variable.name.slice(0, 5)}_${i}`, shortNames),
      width: segmentWidth,
      slots: slotsOf(segmentWidth),
    }))
    const entry = { variable, width, segments, index }
    index += segments.reduce((sum, segment) => sum + segment.slots, 0)
    return entry
  })
}

/** A unique upper-case name of at most 8 bytes; the long name record maps it back to the real one. */
function shortName(name: string, taken: Set<string>): string {
  const upper = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')
  let candidate = upper.slice(0, 8)
  for (let n = taken.size + 1; taken.has(candidate); n++) {
    const suffix = `_${n}`
    candidate = upper.slice(0, 8 - suffix.length) + suffix
  }
  taken.add(candidate)
  return candidate
}

function dictionary(dataset: LabelledDataset, layout: SavVariable[], createdAt: Date): Uint8Array {
  const b = new ByteBuilder()
  header(b, dataset, layout, createdAt)
  for (const v of layout) variableRecords(b, v)
  for (const v of layout) valueLabelRecords(b, v)
  documentRecord(b, dataset)
  integerInfo(b)
  floatInfo(b)
  displayParameters(b, layout)
  longNames(b, layout)
  veryLongStrings(b, layout)
  extension(b, 20, 1, utf8('UTF-8'))
  b.int32(999).int32(0)
  return b.toBytes()
}

function header(b: ByteBuilder, dataset: LabelledDataset, layout: SavVariable[], createdAt: Date): void {
  const caseSize = layout.reduce((sum, v) => sum + v.segments.reduce((n, segment) => n + segment.slots, 0), 0)
  const day = String(createdAt.getUTCDate()).padStart(2, '0')
  const month = MONTHS[createdAt.getUTCMonth()]
  const year = String(createdAt.getUTCFullYear() % 100).padStart(2, '0')
  const time = createdAt.toISOString().slice(11, 19)
  b.text('$FL2')
    .fixed('@(#) SPSS DATA FILE Social Mission Metrics', 60)
    .int32(2) // layout code: little-endian
    .int32(caseSize)
    .int32(0) // not compressed
    .int32(0) // no weight variable
    .int32(dataset.rowCount)
    .float64(100) // compression bias (unused when uncompressed)
    .fixed(`${day} ${month} ${year}`, 9)
    .fixed(time, 8)
    .fixed(utf8Truncate(dataset.label, MAX_FILE_LABEL_BYTES), MAX_FILE_LABEL_BYTES)
    .fixed('', 3, 0)
}

function formatSpec(v: SavVariable, segment: Segment): number {
  if (v.width > 0) return (FORMAT_A << 16) | (segment.width << 8)
  const decimals = Math.min(16, Math.max(0, v.variable.decimals ?? 0))
  const width = Math.max(8, decimals + 6)
  return (FORMAT_F << 16) | (width << 8) | decimals
}

function variableRecords(b: ByteBuilder, v: SavVariable): void {
  v.segments.forEach((segment, i) => {
    // The first segment carries the label and missing values; later segments of a very long string carry nothing.
    const missing = v.width === 0 ? missingSpec(v.variable) : { code: 0, values: [] }
    const label = i === 0 && v.variable.label ? utf8Truncate(v.variable.label, MAX_VARIABLE_LABEL_BYTES) : undefined
    const format = formatSpec(v, segment)
    b.int32(2).int32(segment.width).int32(label ? 1 : 0).int32(missing.code).int32(format).int32(format).fixed(segment.shortName, 8)
    if (label) b.int32(label.byteLength).fixed(label, Math.ceil(label.byteLength / 4) * 4)
    for (const value of missing.values) b.float64(value)
    // A string wider than 8 bytes takes one continuation record per further 8 bytes.
    for (let slot = 1; slot < segment.slots; slot++) b.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0).fixed('', 8)
  })
}

/**
 * User-missing values as SPSS stores them: up to 3 discrete values (code 1–3), or a range (-2), or a range plus one
 * discrete value (-3). The missing codes -9..-6 are contiguous, so all four become the range -9 thru -6.
 */
export function missingSpec(variable: DatasetVariable): { code: number; values: number[] } {
  const codes = [...new Set(variable.missingCodes ?? [])].sort((a, b) => a - b)
  if (codes.length <= 3) return { code: codes.length, values: codes }
  for (const single of [undefined, ...codes]) {
    const rest = codes.filter((c) => c !== single)
    const low = rest[0]!
    const high = rest[rest.length - 1]!
    // A range is only right when no other value between its ends is a real answer: ours are whole codes in a run.
    if (rest.every((c, i) => c === low + i) && high - low === rest.length - 1) {
      return single === undefined ? { code: -2, values: [low, high] } : { code: -3, values: [low, high, single] }
    }
  }
  throw new Error(`${variable.name}: missing codes ${codes.join(', ')} cannot be declared in SPSS (3 values, or a run plus one).`)
}

function valueLabelRecords(b: ByteBuilder, v: SavVariable): void {
  const labels = v.width === 0 ? (v.variable.valueLabels ?? []) : []
  if (labels.length === 0) return
  b.int32(3).int32(labels.length)
  for (const { value, label } of labels) {
    const text = utf8Truncate(label, MAX_VALUE_LABEL_BYTES)
    b.float64(value).int8(text.byteLength)
    b.fixed(text, Math.ceil((text.byteLength + 1) / 8) * 8 - 1)
  }
  b.int32(4).int32(1).int32(v.index)
}

function documentRecord(b: ByteBuilder, dataset: LabelledDataset): void {
  const lines = [
    `Social Mission Metrics research export: ${dataset.name}`,
    'Codes for answers that are not a substantive answer (declared user-missing):',
    `${MISSING_CODES.missing} missing (shown, not answered); ${MISSING_CODES.dontKnow} don't know;`,
    `${MISSING_CODES.notApplicable} not applicable; ${MISSING_CODES.skipped} skipped (hidden by its condition).`,
  ]
  b.int32(6).int32(lines.length)
  for (const line of lines) b.fixed(utf8Truncate(line, 80), 80)
}

function extension(b: ByteBuilder, subtype: number, size: number, data: Uint8Array): void {
  b.int32(7).int32(subtype).int32(size).int32(data.byteLength / size).bytes(data)
}

function integerInfo(b: ByteBuilder): void {
  const info = new ByteBuilder()
  // version 20.0.0, machine code -1, IEEE 754 floats, compression code 1, little-endian, UTF-8 (code page 65001)
  for (const value of [20, 0, 0, -1, 1, 1, 2, 65001]) info.int32(value)
  extension(b, 3, 4, info.toBytes())
}

function floatInfo(b: ByteBuilder): void {
  extension(b, 4, 8, new ByteBuilder().float64Bits(SYSMIS).float64Bits(HIGHEST).float64Bits(LOWEST).toBytes())
}

function displayParameters(b: ByteBuilder, layout: SavVariable[]): void {
  const info = new ByteBuilder()
  for (const v of layout) {
    const columns = v.width === 0 ? 8 : Math.min(40, Math.max(8, v.width))
    // One set per segment, so a very long string repeats its own.
    for (const _segment of v.segments) info.int32(MEASURE[v.variable.measure]).int32(columns).int32(v.width === 0 ? 1 : 0) // numbers right-aligned
  }
  extension(b, 11, 4, info.toBytes())
}

function longNames(b: ByteBuilder, layout: SavVariable[]): void {
  extension(b, 13, 1, utf8(layout.map((v) => `${v.segments[0]!.shortName}=${v.variable.name}`).join('\t')))
}

/** Record 14: each very long string's first short name and its whole width, e.g. "NOTE=00600", NUL and tab after. */
function veryLongStrings(b: ByteBuilder, layout: SavVariable[]): void {
  const long = layout.filter((v) => v.segments.length > 1)
  if (long.length > 0) extension(b, 14, 1, utf8(long.map((v) => `${v.segments[0]!.shortName}=${String(v.width).padStart(5, '0')}\0\t`).join('')))
}

function writeCase(b: ByteBuilder, layout: SavVariable[], values: readonly DatasetValue[]): void {
  layout.forEach((v, i) => {
    if (v.width > 0) {
      const text = stringCell(v.variable, values[i] ?? null, v.width)
      v.segments.forEach((segment, s) => b.fixed(text.subarray(s * SHORT_STRING_BYTES, (s + 1) * SHORT_STRING_BYTES), segment.slots * 8))
      return
    }
    const value = numericCell(v.variable, values[i] ?? null)
    if (value === null) b.float64Bits(SYSMIS)
    else b.float64(value)
  })
}
