import { execFileSync, spawnSync } from 'node:child_process'
import { createWriteStream, readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { type ByteSink } from '../../src/services/research/formats/dataset'

// The real readers the research writers are proven with: PSPP and R's haven (Debian's pspp and r-cran-haven,
// installed by .ci/run). A missing reader fails the test with what to install, never skips it silently.

const INSTALL_HINT: Record<string, string> = {
  pspp: 'apt-get install pspp',
  'pspp-convert': 'apt-get install pspp',
  Rscript: 'apt-get install r-cran-haven',
}

export function requireReader(command: 'pspp' | 'pspp-convert' | 'Rscript'): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0
  if (!found) throw new Error(`${command} is not installed; the research writer tests read files with it: ${INSTALL_HINT[command]}`)
}

/** Runs a reader in a UTF-8 locale and returns its standard output; its standard error comes with any failure. */
export function run(command: string, args: string[], cwd?: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  })
}

/** Runs an R program with haven loaded (and nothing else: Debian's r-cran-haven is all CI installs). */
export function rscript(program: string, cwd?: string): string {
  requireReader('Rscript')
  return run('Rscript', ['--vanilla', '-e', `suppressPackageStartupMessages(library(haven)); ${program}`], cwd)
}

/**
 * R that writes what haven read from data frame `d` as two CSV files: `values` (a cell per value, tagged missing as
 * ".a", system-missing as NA) and `meta` (variable, kind = label | class | value_label | na_values | na_range, value, text).
 */
export function rDumpProgram(valuesPath: string, metaPath: string): string {
  return `
cell <- function(x) {
  v <- unclass(x)
  if (!is.numeric(v)) return(as.character(v))
  out <- as.character(v)
  tags <- na_tag(v)
  out[!is.na(tags)] <- paste0(".", tags[!is.na(tags)])
  out
}
vals <- as.data.frame(lapply(d, cell), stringsAsFactors = FALSE, optional = TRUE)
write.csv(vals, ${JSON.stringify(valuesPath)}, row.names = FALSE, na = "NA", fileEncoding = "UTF-8")
meta <- do.call(rbind, lapply(names(d), function(n) {
  x <- d[[n]]
  at <- function(what) attr(x, what, exact = TRUE)
  rows <- data.frame(variable = n, kind = "label", value = "", text = if (is.null(at("label"))) "" else at("label"))
  rows <- rbind(rows, data.frame(variable = n, kind = "class", value = class(x)[1], text = ""))
  labs <- at("labels")
  if (!is.null(labs)) rows <- rbind(rows, data.frame(variable = n, kind = "value_label", value = cell(labs), text = names(labs)))
  if (!is.null(at("na_values"))) rows <- rbind(rows, data.frame(variable = n, kind = "na_values", value = cell(at("na_values")), text = ""))
  if (!is.null(at("na_range"))) rows <- rbind(rows, data.frame(variable = n, kind = "na_range", value = cell(at("na_range")), text = ""))
  rows
}))
write.csv(meta, ${JSON.stringify(metaPath)}, row.names = FALSE, fileEncoding = "UTF-8")
`
}

/** A sink that writes to a file, waiting for each chunk to be flushed to the stream. */
export function fileSink(path: string): { sink: ByteSink; close: () => Promise<void> } {
  const stream = createWriteStream(path)
  return {
    sink: { write: (chunk) => new Promise<void>((resolve, reject) => stream.write(chunk, (e) => (e ? reject(e) : resolve()))) },
    close: () => new Promise<void>((resolve, reject) => stream.end((e?: Error | null) => (e ? reject(e) : resolve()))),
  }
}

export interface ReadBack {
  /** Cells as R printed them, by variable name. */
  values: Record<string, string>[]
  meta: { variable: string; kind: string; value: string; text: string }[]
}

/** Reads a file with haven (`read_sav(path, user_na = TRUE)`, `read_dta(path)`, …) and returns what R saw. */
export function readWithHaven(readCall: string, dir: string): ReadBack {
  const valuesPath = `${dir}/haven-values.csv`
  const metaPath = `${dir}/haven-meta.csv`
  rscript(`d <- ${readCall}; ${rDumpProgram(valuesPath, metaPath)}`, dir)
  const read = <T>(path: string) => parse(readFileSync(path, 'utf8'), { columns: true }) as T[]
  return { values: read<Record<string, string>>(valuesPath), meta: read<ReadBack['meta'][number]>(metaPath) }
}
