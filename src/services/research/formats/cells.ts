import { utf8 } from './binary'
import { type DatasetValue, type DatasetVariable } from './dataset'

// A row's cells as the binary formats store them, with the contract checked: a number where the variable is
// numeric, a string no wider than the width the dataset declared (the fixed-width columns were sized from it).

/** The number in a numeric cell, or null for system-missing (also for NaN and infinities). */
export function numericCell(variable: DatasetVariable, value: DatasetValue): number | null {
  if (typeof value === 'string') throw new Error(`${variable.name} is numeric but a row holds the text "${value}".`)
  return value === null || !Number.isFinite(value) ? null : value
}

/** The UTF-8 bytes of a string cell (empty for null). */
export function stringCell(variable: DatasetVariable, value: DatasetValue, width: number): Uint8Array {
  const text = value === null ? new Uint8Array() : utf8(String(value))
  if (text.byteLength > width) throw new Error(`${variable.name} holds ${text.byteLength} bytes, wider than its width ${width}.`)
  return text
}

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/
// Words SPSS (any case) or Stata (as written) will not take as a variable name.
const SPSS_RESERVED = new Set(['all', 'and', 'by', 'eq', 'ge', 'gt', 'le', 'lt', 'ne', 'not', 'or', 'to', 'with'])
const STATA_RESERVED = new Set(['byte', 'double', 'float', 'if', 'in', 'int', 'long', 'strL', 'using', 'with'])
const reserved = (name: string) => SPSS_RESERVED.has(name.toLowerCase()) || STATA_RESERVED.has(name) || /^str\d+$/.test(name)

/**
 * Refuses a dataset whose variable names SPSS, Stata or R would reject or confuse (invalid, over 32 bytes, a
 * reserved word, or repeated, ignoring case as SPSS does), before a byte is written: the same names go to every
 * format.
 */
export function checkVariableNames(variables: readonly DatasetVariable[]): void {
  const seen = new Set<string>()
  for (const { name } of variables) {
    if (!NAME.test(name)) throw new Error(`"${name}" is not a valid variable name: a letter, then letters, digits or _, at most 32.`)
    if (reserved(name)) throw new Error(`"${name}" is a reserved word in SPSS or Stata and cannot name a variable.`)
    if (seen.has(name.toLowerCase())) throw new Error(`Two variables are named "${name}".`)
    seen.add(name.toLowerCase())
  }
}
