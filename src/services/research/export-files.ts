import { exportReadme } from '../../domain/research/export-readme'
import { codebookCsv, codebookHtml, rScript, redcapDictionary, writeCsv, writeDta, writeSav, type ByteSink, type Codebook } from './formats'
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO, exportFileName, type ExportFormat } from './export-formats'
import type { PreparedExport } from './research-export'
import { writeZip } from './export-zip'

// Writes one file of a prepared export to a sink, in the format asked for; the zip holds every other file.

const fileName = (prepared: PreparedExport, format: ExportFormat) => exportFileName(prepared.cycle.title, format, prepared.kind)

/** The README's text: what the export holds and what was done to protect schools, with counts. */
export function readmeText(prepared: PreparedExport, madeAt: Date): string {
  return exportReadme({
    cycleTitle: prepared.cycle.title,
    pilot: prepared.cycle.pilot,
    instrumentVersion: prepared.cycle.instrumentVersion,
    madeAt,
    rows: prepared.dataset.rowCount,
    files: EXPORT_FORMATS.filter((f) => f !== 'zip').map((f) => ({ name: fileName(prepared, f), what: EXPORT_FORMAT_INFO[f].description })),
    plan: prepared.plan,
    layout: prepared.layout,
  })
}

const codebookOf = (prepared: PreparedExport): Codebook => ({
  title: `Social Mission Metrics: ${prepared.cycle.title}, ${prepared.kind === 'identified' ? 'export naming schools' : 'de-identified export'}`,
  dataFile: fileName(prepared, 'csv'),
  entries: prepared.layout.codebook,
})

export async function writeExportFile(prepared: PreparedExport, format: ExportFormat, sink: ByteSink, madeAt: Date): Promise<void> {
  switch (format) {
    case 'csv':
      return writeCsv(prepared.dataset, sink)
    case 'sav':
      return writeSav(prepared.dataset, sink, { createdAt: madeAt })
    case 'dta':
      return writeDta(prepared.dataset, sink)
    case 'r':
      return void (await sink.write(rScript(prepared.dataset, fileName(prepared, 'csv'))))
    case 'codebook-csv':
      return codebookCsv(codebookOf(prepared), sink)
    case 'codebook-html':
      return void (await sink.write(codebookHtml(codebookOf(prepared))))
    case 'redcap':
      return void (await sink.write(redcapDictionary(prepared.instrument)))
    case 'readme':
      return void (await sink.write(readmeText(prepared, madeAt)))
    case 'zip':
      return writeZip(
        EXPORT_FORMATS.filter((f) => f !== 'zip').map((f) => ({ name: fileName(prepared, f), write: (inner) => writeExportFile(prepared, f, inner, madeAt) })),
        sink,
      )
  }
}
