/**
 * The contract between research exports (which rows and variables) and the file writers (how a format spells them).
 * Every format is written from the same `LabelledDataset`, so a value means the same in CSV, SPSS, Stata and R.
 */

/** Codes for item answers that are not a substantive answer: distinct, documented, user-missing in SPSS. */
export const MISSING_CODES = {
  /** The item was shown and not answered. */
  missing: -9,
  /** The respondent answered "don't know". */
  dontKnow: -8,
  /** The respondent answered "not applicable". */
  notApplicable: -7,
  /** The item was hidden by its skip condition. */
  skipped: -6,
} as const

export interface ValueLabel {
  value: number
  label: string
}

export interface DatasetVariable {
  /** A valid SPSS/Stata/R name: letters, digits, underscore, starts with a letter, ≤ 32 bytes. */
  name: string
  /** The variable label (question text, shortened by the writer if a format limits it). */
  label: string
  type: 'numeric' | 'string'
  /** For strings: the longest value in bytes (UTF-8); writers size the column from it. */
  width?: number
  /** Decimals to display for numeric variables (scores 2, codes 0). */
  decimals?: number
  valueLabels?: ValueLabel[]
  /** Numeric codes that mean "no substantive answer" (a subset of MISSING_CODES' values). */
  missingCodes?: number[]
  measure: 'nominal' | 'ordinal' | 'scale'
}

/** A cell: a number (a code or a score), a string, or null for system-missing. */
export type DatasetValue = number | string | null

export interface LabelledDataset {
  /** File-safe name, e.g. smm_2026_national_medical_deidentified */
  name: string
  /** Dataset label / file label. */
  label: string
  variables: DatasetVariable[]
  /** Known before writing (formats that put the case count in the header need it). */
  rowCount: number
  /** Rows in variable order, streamed: the writer never needs them all in memory. */
  rows(): AsyncIterable<DatasetValue[]>
}

/** Every writer streams to a sink and resolves when the last byte is written. */
export type ByteSink = { write(chunk: Uint8Array | string): Promise<void> | void }
