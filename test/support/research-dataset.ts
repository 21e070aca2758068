import { type DatasetValue, type DatasetVariable, type LabelledDataset, MISSING_CODES } from '../../src/services/research/formats/dataset'

// A small but demanding dataset for the research file writers: codes with value labels and every missing code,
// scores with decimals, UTF-8 text with quotes, a long variable name, nulls, and as many rows as a test asks for.

const ANSWER_MISSING = [MISSING_CODES.missing, MISSING_CODES.dontKnow, MISSING_CODES.notApplicable, MISSING_CODES.skipped]
const MISSING_LABELS = [
  { value: MISSING_CODES.missing, label: 'Missing' },
  { value: MISSING_CODES.dontKnow, label: 'Don’t know' },
  { value: MISSING_CODES.notApplicable, label: 'Not applicable' },
  { value: MISSING_CODES.skipped, label: 'Skipped' },
]

export const FIXTURE_VARIABLES: DatasetVariable[] = [
  { name: 'study_id', label: 'Study id (random per cycle)', type: 'string', width: 7, measure: 'nominal' },
  {
    name: 'discipline',
    label: 'Discipline',
    type: 'string',
    width: 12,
    measure: 'nominal',
  },
  {
    name: 'g_advisory_board',
    label: 'Does the school have a community advisory board? — “Board” means a standing body',
    type: 'numeric',
    decimals: 0,
    measure: 'nominal',
    valueLabels: [{ value: 1, label: 'Yes' }, { value: 0, label: 'No' }, ...MISSING_LABELS],
    missingCodes: ANSWER_MISSING,
  },
  {
    name: 'pp_k12_partnerships_reach',
    label: 'How far do K–12 partnerships reach? (élèves, “quoted”)',
    type: 'numeric',
    decimals: 0,
    measure: 'ordinal',
    valueLabels: [
      { value: 1, label: 'None' },
      { value: 2, label: 'Some schools — a few' },
      { value: 3, label: 'Most schools “nearly all”' },
      ...MISSING_LABELS.slice(0, 2),
    ],
    missingCodes: [MISSING_CODES.missing, MISSING_CODES.dontKnow],
  },
  { name: 'score_overall', label: 'Overall score (0–100)', type: 'numeric', decimals: 2, measure: 'scale' },
  { name: 'comment', label: 'A note with UTF-8 and quotes', type: 'string', width: 40, measure: 'nominal' },
]

const DISCIPLINES = ['medical', 'dental', 'nursing-bsn']
const NOTES = ['Café “mission”, 50% — done', 'He said "yes", then, no', '=SUM(A1:A2)', 'line one\nline two', '']

/** Row i of the fixture: deterministic, so tests can recompute what they expect. */
export function fixtureRow(i: number): DatasetValue[] {
  const yesNo = [1, 0, MISSING_CODES.dontKnow, MISSING_CODES.skipped, MISSING_CODES.notApplicable, MISSING_CODES.missing, null][i % 7]!
  const reach = [1, 2, 3, MISSING_CODES.dontKnow, MISSING_CODES.missing, null][i % 6]!
  const score = i % 11 === 0 ? null : Math.round(((i * 37.13) % 100) * 100) / 100
  return [`S${String(i).padStart(6, '0')}`, DISCIPLINES[i % 3]!, yesNo, reach, score, NOTES[i % NOTES.length]!]
}

export function fixtureDataset(rowCount = 1000, onRow?: (i: number) => void): LabelledDataset {
  return {
    name: 'smm_fixture_deidentified',
    label: 'Fixture export — “national” round, é',
    variables: FIXTURE_VARIABLES,
    rowCount,
    async *rows() {
      for (let i = 0; i < rowCount; i++) {
        onRow?.(i)
        yield fixtureRow(i)
      }
    },
  }
}
