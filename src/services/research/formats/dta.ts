import { BufferedSink, streamBinaryRows } from './buffered-sink'
import { ByteBuilder, utf8, utf8Truncate } from './binary'
import { checkVariableNames, numericCell, stringCell } from './cells'
import { type ByteSink, type DatasetValue, type DatasetVariable, type LabelledDataset, MISSING_CODES } from './dataset'

/**
 * A Stata 14+ dataset (.dta format 118) writer of our own (decision 130), after Stata's "dta_118" description:
 * tagged sections `<stata_dta><header>…</header><map>…</map><variable_types>…` in little-endian (LSF) order.
 *
 *  - numbers are doubles; strings are fixed-width str# (1–2045 bytes, padded with NULs; no strL);
 *  - value labels are one table per labelled variable, named after it (Stata labels whole numbers only);
 *  - the answer codes -9, -8, -7, -6 are written as Stata's extended missing values .m (missing), .d (don't know),
 *    .n (not applicable), .s (skipped), labelled like the other values, so Stata leaves them out of every statistic
 *    as SPSS does its user-missing values, and haven reads them as tagged NA (decision 131). Only codes the variable
 *    declares as missing are mapped; a -9 in a variable without missing codes stays -9.
 *
 * The header needs the row count and the map needs every section's offset: rows have a fixed width, so all of it
 * is computed before the first row, and only the label tables are built in memory, never the rows.
 */
export async function writeDta(dataset: LabelledDataset, sink: ByteSink, options: { createdAt?: Date } = {}): Promise<void> {
  checkVariableNames(dataset.variables)
  const layout = dataset.variables.map(dtaVariable)
  const rowWidth = layout.reduce((sum, v) => sum + v.bytes, 0)
  const tail = closingSections(layout)
  const head = openingSections(dataset, layout, options.createdAt ?? new Date(), rowWidth * dataset.rowCount, tail)
  const out = new BufferedSink(sink)
  await out.write(head)
  await streamBinaryRows(dataset, out, '.dta', (builder, values) => writeRow(builder, layout, values))
  await out.write(tail.bytes)
  await out.flush()
}

/** The extended missing value each answer code becomes in Stata, and the letter haven's tagged NA shows. */
export const STATA_MISSING_LETTERS: Record<number, string> = {
  [MISSING_CODES.missing]: 'm',
  [MISSING_CODES.dontKnow]: 'd',
  [MISSING_CODES.notApplicable]: 'n',
  [MISSING_CODES.skipped]: 's',
}

export const DTA_MAX_STRING_BYTES = 2045
const TYPE_DOUBLE = 65526
const NAME_BYTES = 129
const FORMAT_BYTES = 57
const LABEL_BYTES = 321
const MAX_LABEL_CHARACTERS = 80

// Doubles: "." is 2^1023 (0x7fe0…), ".a" … ".z" follow it in steps of 2^(1023-52+40); in label tables the
// missing values are the int32 codes 2,147,483,621 (".") + 1 for ".a" and so on.
const DOUBLE_MISSING = 0x7fe0000000000000n
const DOUBLE_MISSING_STEP = 0x0000010000000000n
const INT32_MISSING = 2_147_483_621

interface DtaVariable {
  variable: DatasetVariable
  /** str# width in bytes, or 0 for a double. */
  width: number
  bytes: number
  /** Answer codes this variable turns into extended missing values, by code. */
  missingLetters: Map<number, string>
}

function dtaVariable(variable: DatasetVariable): DtaVariable {
  const width = variable.type === 'numeric' ? 0 : Math.max(1, variable.width ?? 1)
  if (width > DTA_MAX_STRING_BYTES) {
    throw new Error(`${variable.name} holds strings of ${width} bytes; the .dta writer stores at most ${DTA_MAX_STRING_BYTES}.`)
  }
  const missingLetters = new Map<number, string>()
  for (const code of variable.type === 'numeric' ? (variable.missingCodes ?? []) : []) {
    const letter = STATA_MISSING_LETTERS[code]
    if (letter) missingLetters.set(code, letter)
  }
  return { variable, width, bytes: width || 8, missingLetters }
}

const letterIndex = (letter: string) => letter.charCodeAt(0) - 'a'.charCodeAt(0) + 1

/** The section tags and what follows the rows: `</data>`, `<strls>`, value labels, the end tag. */
function closingSections(layout: DtaVariable[]): { bytes: Uint8Array; strls: number; valueLabels: number; end: number } {
  const b = new ByteBuilder().text('</data>')
  const strls = b.length
  b.text('<strls></strls>')
  const valueLabels = b.length
  b.text('<value_labels>')
  for (const v of layout) valueLabelTable(b, v)
  b.text('</value_labels>')
  const end = b.length
  b.text('</stata_dta>')
  return { bytes: b.toBytes(), strls, valueLabels, end }
}

function labelEntries(v: DtaVariable): { value: number; text: Uint8Array }[] {
  if (v.width > 0) return []
  return (v.variable.valueLabels ?? [])
    .map(({ value, label }) => {
      const letter = v.missingLetters.get(value)
      return { value: letter ? INT32_MISSING + letterIndex(letter) : value, text: utf8(label) }
    })
    .filter((entry) => Number.isInteger(entry.value))
    .sort((a, b) => a.value - b.value)
}

function valueLabelTable(b: ByteBuilder, v: DtaVariable): void {
  const entries = labelEntries(v)
  if (entries.length === 0) return
  const textLength = entries.reduce((sum, e) => sum + e.text.byteLength + 1, 0)
  b.text('<lbl>').int32(8 + 8 * entries.length + textLength)
  b.fixed(utf8(v.variable.name), NAME_BYTES, 0).fixed('', 3, 0)
  b.int32(entries.length).int32(textLength)
  let offset = 0
  for (const e of entries) {
    b.int32(offset)
    offset += e.text.byteLength + 1
  }
  for (const e of entries) b.int32(e.value)
  for (const e of entries) b.bytes(e.text).int8(0)
  b.text('</lbl>')
}

/** Stata's labels are at most 80 characters (and 320 bytes). */
function stataLabel(text: string): Uint8Array {
  return utf8Truncate([...text].slice(0, MAX_LABEL_CHARACTERS).join(''), LABEL_BYTES - 1)
}

function displayFormat(v: DtaVariable): string {
  if (v.width > 0) return `%-${v.width}s`
  const decimals = v.variable.decimals ?? 0
  return decimals > 0 ? `%9.${decimals}f` : '%9.0g'
}

function timestamp(at: Date): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(at.getUTCDate())} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()} ${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`
}

function openingSections(
  dataset: LabelledDataset,
  layout: DtaVariable[],
  createdAt: Date,
  dataBytes: number,
  tail: { strls: number; valueLabels: number; end: number; bytes: Uint8Array },
): Uint8Array {
  const b = new ByteBuilder()
  const label = stataLabel(dataset.label)
  const stamp = timestamp(createdAt)
  b.text('<stata_dta><header><release>118</release><byteorder>LSF</byteorder>')
  b.text('<K>').uint16(layout.length).text('</K>')
  b.text('<N>').uint64(dataset.rowCount).text('</N>')
  b.text('<label>').uint16(label.byteLength).bytes(label).text('</label>')
  b.text('<timestamp>').int8(stamp.length).text(stamp).text('</timestamp></header>')

  const offsets: number[] = [0]
  const section = (tag: string) => {
    offsets.push(b.length)
    b.text(`<${tag}>`)
  }
  section('map')
  const mapAt = b.length
  for (let i = 0; i < 14; i++) b.uint64(0)
  b.text('</map>')
  section('variable_types')
  for (const v of layout) b.uint16(v.width || TYPE_DOUBLE)
  b.text('</variable_types>')
  section('varnames')
  for (const v of layout) b.fixed(utf8(v.variable.name), NAME_BYTES, 0)
  b.text('</varnames>')
  section('sortlist')
  for (let i = 0; i <= layout.length; i++) b.uint16(0)
  b.text('</sortlist>')
  section('formats')
  for (const v of layout) b.fixed(displayFormat(v), FORMAT_BYTES, 0)
  b.text('</formats>')
  section('value_label_names')
  for (const v of layout) b.fixed(labelEntries(v).length > 0 ? v.variable.name : '', NAME_BYTES, 0)
  b.text('</value_label_names>')
  section('variable_labels')
  for (const v of layout) b.fixed(stataLabel(v.variable.label), LABEL_BYTES, 0)
  b.text('</variable_labels>')
  section('characteristics')
  b.text('</characteristics>')
  section('data')

  const dataEnd = b.length + dataBytes
  offsets.push(dataEnd + tail.strls, dataEnd + tail.valueLabels, dataEnd + tail.end, dataEnd + tail.bytes.byteLength)
  offsets.forEach((offset, i) => b.patchUint64(mapAt + 8 * i, offset))
  return b.toBytes()
}

function writeRow(b: ByteBuilder, layout: DtaVariable[], values: readonly DatasetValue[]): void {
  layout.forEach((v, i) => {
    if (v.width > 0) {
      b.fixed(stringCell(v.variable, values[i] ?? null, v.width), v.width, 0)
      return
    }
    const value = numericCell(v.variable, values[i] ?? null)
    const letter = value === null ? undefined : v.missingLetters.get(value)
    if (value === null) b.float64Bits(DOUBLE_MISSING)
    else if (letter) b.float64Bits(DOUBLE_MISSING + BigInt(letterIndex(letter)) * DOUBLE_MISSING_STEP)
    else b.float64(value)
  })
}
