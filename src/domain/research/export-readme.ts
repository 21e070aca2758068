import { DISCIPLINE_LABELS } from '../school/school-facts'
import { ANSWER_MISSING_CODES } from './answer-codes'
import { GENERALISATION_LEVELS, QUASI_IDENTIFIERS, type DeidentificationPlan } from './deidentify'
import { ALL_CODE, SUPPRESSED_CODE, type ResearchLayout } from './research-layout'

export type ReadmeFacts = {
  cycleTitle: string
  pilot: boolean
  instrumentVersion: string
  madeAt: Date
  rows: number
  files: readonly { name: string; what: string }[]
  plan: DeidentificationPlan
  layout: ResearchLayout
}

const QI_WORDS = { discipline: 'discipline', control: 'control', carnegie: 'Carnegie group', region: 'Census region' } as const
const percent = (n: number, of: number) => (of === 0 ? '0%' : `${Math.round((1000 * n) / of) / 10}%`)

const negativeNumbers = (layout: ResearchLayout) =>
  layout.items.some(({ item }) => item.kind === 'number' && item.unit === 'decimal' && (item.min ?? -1) < 0)

/** The README of a de-identified export: what it holds, what it leaves out, and what was done to protect schools. */
export function exportReadme(f: ReadmeFacts): string {
  const { plan, layout } = f
  const lines = [
    'Social Mission Metrics: de-identified research export',
    '======================================================',
    '',
    `Round:              ${f.cycleTitle}${f.pilot ? ' (a PILOT round: say so wherever you use it; it is in no published norm)' : ''}`,
    `Instrument version: ${f.instrumentVersion}`,
    `Made:               ${f.madeAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Rows:               ${f.rows}, one per certified response (submitted and certified by the school's leader,`,
    '                    answered on the platform or typed in from the school\'s paper copy)',
    `Variables:          ${layout.variables.length}`,
    '',
    'Files',
    '-----',
    ...f.files.map((file) => `${file.name}\n    ${file.what}`),
    '',
    'Study ids',
    '---------',
    'Each school appears under a random study id (S and six characters) made for this round only. Every export of',
    'this round uses the same ids; other rounds use other ids, so rows cannot be linked across rounds. Rows are in',
    'study id order, which says nothing about the school. Only the program team holds the key.',
    '',
    'Left out',
    '--------',
    'School name, IPEDS unit id, city and state, people\'s names and e-mail addresses, dates of activity, notes and',
    'evidence links.',
    layout.excluded.length === 0
      ? 'Free-text answers: this instrument version has none.'
      : `Free-text answers (${layout.excluded.length} question${layout.excluded.length === 1 ? '' : 's'}: ${layout.excluded.map((i) => i.id).join(', ')}): a school's own words can name it, so they are never exported.`,
    '',
    `Protecting schools (k = ${plan.k})`,
    '-----------------------',
    'Discipline, control, Carnegie group (2021 groups) and Census region (from the state; DC counts as South, Puerto',
    'Rico and other territories are a group of their own) could together single a school out. They were coarsened',
    `until every combination of them in this file holds at least ${plan.k} rows: first generalised, then suppressed.`,
    'Discipline is never generalised; each discipline takes the least coarsening it needs, in this order:',
    ...GENERALISATION_LEVELS.map((step, level) => `  level ${level}: ${step}`),
    'Where the rows still in combinations under k were few (at most 5% of the discipline and at least k of them),',
    'their control, Carnegie group and region were suppressed instead of coarsening everyone. A discipline with',
    `fewer than ${plan.k} rows has all four suppressed.`,
    '',
    'What this file needed:',
    ...plan.disciplines.map((d) =>
      d.level === null
        ? `  ${DISCIPLINE_LABELS[d.discipline]}: ${d.rows} rows, under ${plan.k}: all four suppressed`
        : `  ${DISCIPLINE_LABELS[d.discipline]}: ${d.rows} rows, level ${d.level} (${GENERALISATION_LEVELS[d.level]})${d.suppressedRows > 0 ? `, ${d.suppressedRows} rows suppressed` : ''}`,
    ),
    'Values changed (generalised or suppressed), of ' + plan.rows + ' rows:',
    ...QUASI_IDENTIFIERS.map((q) => `  ${QI_WORDS[q]}: ${plan.changed[q]} (${percent(plan.changed[q], plan.rows)})`),
    `Rows with suppressed values: ${plan.suppressedRows}`,
    '',
    'Codes',
    '-----',
    'Quasi-identifiers: the codes in the codebook; ' + `${ALL_CODE} = all (combined), ${SUPPRESSED_CODE} = suppressed (declared missing).`,
    'Answers: yes 1, no 0; single choice 1..n in the questionnaire\'s order; multiple choice one variable per option',
    '(1 ticked, 0 not); the 0-4 scale as 1-5 (code = points + 1); numbers as given; tables one variable per cell.',
    'Codes for no substantive answer (user-missing in SPSS and R; in Stata the extended missing values .m .d .n .s):',
    `  ${ANSWER_MISSING_CODES.missing}  missing: shown to the school and not answered`,
    `  ${ANSWER_MISSING_CODES.dontKnow}  don't know`,
    `  ${ANSWER_MISSING_CODES.notApplicable}  not applicable`,
    `  ${ANSWER_MISSING_CODES.skipped}  skipped: not asked of this school (its skip condition, or an item for other disciplines)`,
    'Scores: area, domain and overall scores from 0 to 100, as the school\'s report used them; empty when a score',
    'could not be computed (no scored item applied).',
    '',
    'Limits',
    '------',
    '- Which items are "skipped" follows the discipline (some items are asked of some disciplines only), so a row\'s',
    '  answers can show its discipline family even where the discipline is suppressed.',
    '- Numbers (class sizes, counts) can be distinctive. Publish aggregates only, never a single row, and never a',
    '  cell of fewer than 5 schools.',
    negativeNumbers(layout)
      ? '- Some number items accept negative answers, which could overlap the codes above: check them against the codebook.'
      : '- Every number item of this version is 0 or more, so answers never overlap the codes above.',
    '',
  ]
  return lines.join('\n')
}
