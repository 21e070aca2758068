import { stringify } from 'csv-stringify/sync'
import { BufferedSink } from './buffered-sink'
import { type ByteSink, type DatasetVariable, MISSING_CODES } from './dataset'
import { STATA_MISSING_LETTERS } from './dta'

/**
 * The codebook: every variable of a research file with what the instrument says about it. The export fills the
 * optional facts from the instrument version; score and quasi-identifier variables leave them out.
 */
export interface CodebookEntry extends DatasetVariable {
  /** The question as the school read it. */
  questionText?: string
  /** The kind of item in words, e.g. "Yes / no", "Scale 0–4". */
  itemKind?: string
  /** How the item earns points, in words (e.g. "yes 2, no 0"), or "not scored". */
  points?: string
  area?: string
  domain?: string
  /** When the item is asked (its skip condition and disciplines), in the instrument's words. */
  skipCondition?: string
}

export interface Codebook {
  /** e.g. "SMM 2026 national round — de-identified export" */
  title: string
  /** File name of the data the codebook describes. */
  dataFile: string
  entries: CodebookEntry[]
}

export const CODEBOOK_COLUMNS = [
  'variable',
  'label',
  'question_text',
  'type',
  'item_kind',
  'measure',
  'value_codes',
  'missing_codes',
  'points',
  'area',
  'domain',
  'skip_condition',
] as const

/** Value codes in one cell: "1 = Yes; 0 = No". */
export function valueCodesText(entry: DatasetVariable): string {
  return (entry.valueLabels ?? []).map((l) => `${l.value} = ${l.label}`).join('; ')
}

function codebookRow(entry: CodebookEntry): string[] {
  return [
    entry.name,
    entry.label,
    entry.questionText ?? '',
    entry.type === 'numeric' ? `numeric${entry.decimals ? ` (${entry.decimals} decimals)` : ''}` : `text (up to ${entry.width ?? 1} bytes)`,
    entry.itemKind ?? '',
    entry.measure,
    valueCodesText(entry),
    (entry.missingCodes ?? []).join('; '),
    entry.points ?? '',
    entry.area ?? '',
    entry.domain ?? '',
    entry.skipCondition ?? '',
  ]
}

/**
 * The codebook as CSV, one line per variable. Unlike the data CSV it starts with a byte-order mark: people open
 * it in Excel, which needs the mark to read “quotes” and accents, and R's readers skip it (decision 131).
 */
export async function codebookCsv(codebook: Codebook, sink: ByteSink): Promise<void> {
  const out = new BufferedSink(sink)
  await out.write('\uFEFF')
  const options = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const
  await out.write(stringify([[...CODEBOOK_COLUMNS]], options))
  for (const entry of codebook.entries) await out.write(stringify([codebookRow(entry)], options))
  await out.flush()
}

const MISSING_LEGEND: [number, string][] = [
  [MISSING_CODES.missing, 'Missing: the item was shown and not answered'],
  [MISSING_CODES.dontKnow, 'Don’t know'],
  [MISSING_CODES.notApplicable, 'Not applicable'],
  [MISSING_CODES.skipped, 'Skipped: the item was not asked (its skip condition, or another discipline)'],
]

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

function entryHtml(entry: CodebookEntry): string {
  const facts: [string, string | undefined][] = [
    ['Question', entry.questionText],
    ['Item', entry.itemKind],
    ['Area', entry.area],
    ['Domain', entry.domain],
    ['Points', entry.points],
    ['Asked', entry.skipCondition],
  ]
  const codes = (entry.valueLabels ?? [])
    .map((l) => `<li><span class="code">${l.value}</span> ${escapeHtml(l.label)}${entry.missingCodes?.includes(l.value) ? ' <em>(missing)</em>' : ''}</li>`)
    .join('')
  const type = entry.type === 'numeric' ? 'Number' : 'Text'
  return `<tr>
<th scope="row"><code>${escapeHtml(entry.name)}</code></th>
<td><p>${escapeHtml(entry.label)}</p>${facts
    .filter(([, value]) => value)
    .map(([name, value]) => `<p class="fact"><strong>${name}:</strong> ${escapeHtml(value!)}</p>`)
    .join('')}</td>
<td>${type}, ${escapeHtml(entry.measure)}</td>
<td>${codes ? `<ul>${codes}</ul>` : ''}</td>
</tr>`
}

/** The codebook as a page to read: one self-contained, accessible HTML file (no scripts, no outside styles). */
export function codebookHtml(codebook: Codebook): string {
  const title = escapeHtml(codebook.title)
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Codebook: ${title}</title>
<style>
body { font-family: Arial, sans-serif; color: #0b0c0c; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; line-height: 1.4; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: bold; font-size: 1.25rem; margin-bottom: 0.5rem; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 0.5rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #0b0c0c; }
td p { margin: 0 0 0.25rem; }
.fact { color: #484949; font-size: 0.9rem; }
ul { margin: 0; padding-left: 1rem; }
.code { font-family: monospace; display: inline-block; min-width: 2.5em; }
code { font-size: 1rem; }
</style>
</head>
<body>
<main>
<h1>Codebook: ${title}</h1>
<p>Data file: <code>${escapeHtml(codebook.dataFile)}</code>. ${codebook.entries.length} variables.</p>
<h2>Codes for answers that are not substantive</h2>
<p>Every item variable uses these codes. SPSS declares them user-missing, Stata stores them as the extended missing
values shown, and the R script declares them as <code>na_values</code>. An empty cell in the CSV has no value at all.</p>
<ul>${MISSING_LEGEND.map(([code, text]) => `<li><span class="code">${code}</span> ${escapeHtml(text)} (Stata <code>.${STATA_MISSING_LETTERS[code]}</code>)</li>`).join('')}</ul>
<table>
<caption>Variables, in file order</caption>
<thead><tr><th scope="col">Variable</th><th scope="col">Label and question</th><th scope="col">Type</th><th scope="col">Value codes</th></tr></thead>
<tbody>
${codebook.entries.map(entryHtml).join('\n')}
</tbody>
</table>
</main>
</body>
</html>
`
}
