// The files a cycle's research export offers, in the order the cycle page lists them. Every file of one export is
// written from the same rows (decision 134); the URL names the format, the download names the file.

export const EXPORT_FORMATS = ['csv', 'sav', 'dta', 'r', 'codebook-csv', 'codebook-html', 'readme', 'redcap', 'zip'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export type ExportFormatInfo = { label: string; description: string; extension: string; contentType: string; suffix: string }

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  csv: { label: 'Data (CSV)', description: 'One row per school, UTF-8, codes as numbers; read with the codebook.', extension: 'csv', suffix: '', contentType: 'text/csv; charset=utf-8' },
  sav: { label: 'SPSS (.sav)', description: 'The same data with variable labels, value labels and missing-value codes.', extension: 'sav', suffix: '', contentType: 'application/x-spss-sav' },
  dta: { label: 'Stata (.dta, format 118)', description: 'The same data with variable and value labels.', extension: 'dta', suffix: '', contentType: 'application/x-stata-dta' },
  r: { label: 'R script', description: 'Reads the CSV into R with labels (haven), missing codes declared.', extension: 'R', suffix: '', contentType: 'text/plain; charset=utf-8' },
  'codebook-csv': { label: 'Codebook (CSV)', description: 'Every variable: question, type, codes and labels, points, area, domain, skip condition.', extension: 'csv', suffix: '-codebook', contentType: 'text/csv; charset=utf-8' },
  'codebook-html': { label: 'Codebook (web page)', description: 'The codebook to read in a browser or print.', extension: 'html', suffix: '-codebook', contentType: 'text/html; charset=utf-8' },
  readme: { label: 'README', description: 'What the file holds, what was left out and how schools were protected, with counts.', extension: 'txt', suffix: '-README', contentType: 'text/plain; charset=utf-8' },
  redcap: { label: 'REDCap data dictionary', description: 'The instrument version as a REDCap dictionary (the questions, not the answers).', extension: 'csv', suffix: '-redcap-dictionary', contentType: 'text/csv; charset=utf-8' },
  zip: { label: 'Everything (zip)', description: 'All the files above in one download.', extension: 'zip', suffix: '', contentType: 'application/zip' },
}

/** The formats of the identified export (program team only). */
export const IDENTIFIED_FORMATS = ['csv', 'sav'] as const satisfies readonly ExportFormat[]
export type IdentifiedFormat = (typeof IDENTIFIED_FORMATS)[number]

/** A file-safe slug of the cycle's title: "2026 National round" → "2026-national-round". */
export const cycleSlug = (title: string) => title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cycle'

/** The download's name, e.g. smm-2026-national-round-deidentified.sav. */
export function exportFileName(cycleTitle: string, format: ExportFormat, kind: 'deidentified' | 'identified' = 'deidentified') {
  const info = EXPORT_FORMAT_INFO[format]
  return `smm-${cycleSlug(cycleTitle)}-${kind}${info.suffix}.${info.extension}`
}
