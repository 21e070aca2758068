import { guessMapping, templateMapping, type ColumnMapping } from './directory-column-mapping'
import { REQUIRED_DIRECTORY_FIELDS, type DirectoryField } from './directory-entry'

// The directory import knows two shapes without asking: our own template (DIRECTORY_FIELDS as columns) and the
// public roster of MD, DO and dental schools (seed/us_md_do_dental_schools.csv). Any other file goes through the
// column-mapping step, whose answer is remembered per shape.

export type CsvShape = 'template' | 'roster' | 'mapped'

const ROSTER_REQUIRED = ['discipline', 'school_name', 'city', 'state', 'control'] as const

/** The built-in shape a header row is, with its mapping, or null when the officer must map the columns. */
export function recognizeHeader(header: readonly string[]): { shape: 'template' | 'roster'; mapping: ColumnMapping } | null {
  const columns = new Set(header.map((h) => h.trim().toLowerCase()))
  if (ROSTER_REQUIRED.every((c) => columns.has(c))) return { shape: 'roster', mapping: guessMapping(header) }
  if (REQUIRED_DIRECTORY_FIELDS.every((c) => columns.has(c))) return { shape: 'template', mapping: templateMapping(header) }
  return null
}

export const DIRECTORY_TEMPLATE_EXAMPLE: Record<DirectoryField, string> = {
  name: 'Example School of Nursing',
  parent_institution: 'Example State University',
  city: 'Springfield',
  state: 'IL',
  discipline: 'nursing-bsn-msn',
  control: 'public',
  carnegie_group: 'r2',
  ipeds_unit_id: '',
  website: 'https://nursing.example.edu',
  dean_name: 'Dr. Jane Example',
  dean_email: 'dean@nursing.example.edu',
  status: 'active',
}
