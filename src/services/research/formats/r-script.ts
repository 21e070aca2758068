import { checkVariableNames } from './cells'
import { type DatasetVariable, type LabelledDataset, MISSING_CODES } from './dataset'

/**
 * An R script that reads the research CSV and gives every column its labels with haven (and nothing else: base R
 * reads the file, so `r-cran-haven` or `install.packages("haven")` is all it needs):
 *  - a variable label on every column (`attr(x, "label")`, as haven and labelled::var_label keep it);
 *  - value labels and the missing codes on coded answers, as `haven::labelled_spss` with `na_values`, so
 *    `is.na()` is TRUE for -9 … -6 while the distinct codes stay visible (`haven::zap_missing()` turns them to NA).
 * The script is pure ASCII (other characters are written as \u{…} escapes), so it runs in any locale.
 */
export function rScript(dataset: LabelledDataset, csvFileName: string): string {
  checkVariableNames(dataset.variables)
  const lines = [
    `# ${ascii(dataset.label)}`,
    `# Reads ${ascii(csvFileName)} and labels it with haven. In R: source("this-file.R"), then use the data frame \`d\`.`,
    '# Set the environment variable SMM_CSV to read the CSV from another path.',
    `# Codes for answers that are not substantive, declared missing (na_values): ${MISSING_CODES.missing} missing,`,
    `# ${MISSING_CODES.dontKnow} don't know, ${MISSING_CODES.notApplicable} not applicable, ${MISSING_CODES.skipped} skipped (hidden by its condition).`,
    'library(haven)',
    '',
    `csv_file <- Sys.getenv("SMM_CSV", ${rString(csvFileName)})`,
    'd <- utils::read.csv(csv_file, fileEncoding = "UTF-8-BOM", na.strings = "", check.names = FALSE,',
    '  stringsAsFactors = FALSE, colClasses = c(',
    dataset.variables.map((v) => `    ${rString(v.name)} = "${v.type === 'numeric' ? 'numeric' : 'character'}"`).join(',\n'),
    '  ))',
    '',
    ...dataset.variables.map(labelStatement),
    `attr(d, "label") <- ${rString(dataset.label)}`,
    'invisible(d)',
    '',
  ]
  return lines.join('\n')
}

function labelStatement(variable: DatasetVariable): string {
  const column = `d[[${rString(variable.name)}]]`
  const labels = variable.type === 'numeric' ? (variable.valueLabels ?? []) : []
  const missing = variable.type === 'numeric' ? (variable.missingCodes ?? []) : []
  if (labels.length === 0 && missing.length === 0) return `attr(${column}, "label") <- ${rString(variable.label)}`
  const labelVector = `c(${labels.map((l) => `${rString(l.label)} = ${rNumber(l.value)}`).join(', ')})`
  const naValues = missing.length > 0 ? `c(${missing.map(rNumber).join(', ')})` : 'NULL'
  return [
    `${column} <- labelled_spss(${column},`,
    `  labels = ${labels.length > 0 ? labelVector : 'NULL'},`,
    `  na_values = ${naValues},`,
    `  label = ${rString(variable.label)})`,
  ].join('\n')
}

function rNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : 'NA_real_'
}

/** An R string literal in ASCII: quotes and backslashes escaped, other characters as \u{hex}. */
export function rString(text: string): string {
  let out = '"'
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (char === '"' || char === '\\') out += `\\${char}`
    else if (char === '\n') out += '\\n'
    else if (char === '\r') out += '\\r'
    else if (char === '\t') out += '\\t'
    else if (code < 0x20 || code > 0x7e) out += `\\u{${code.toString(16)}}`
    else out += char
  }
  return `${out}"`
}

/** Text safe inside an R comment: one line, ASCII (accents dropped, typographic quotes and dashes made plain). */
function ascii(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
}
