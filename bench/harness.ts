import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'

/**
 * One measured figure of a scenario, with the budget it is held to and, where there is one, the baseline it is
 * compared with (measured in the same run, same unit).
 */
export type Row = { scenario: string; measure: string; value: number; unit: string; baseline?: number; budget?: { max: number } | { min: number } }
export type Scenario = { name: string; run: () => Promise<Row[]>; timeoutSeconds?: number }

/** A scenario that has not finished after this long is reported as failed and the next one runs. */
const DEFAULT_TIMEOUT_SECONDS = 600

const passes = (row: Row) =>
  !row.budget ? null : 'max' in row.budget ? row.value <= row.budget.max : row.value >= row.budget.min

const figure = (value: number, unit: string) => `${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`
const loads = () => loadavg().map((l) => l.toFixed(2)).join(' ')

/**
 * Runs every scenario in order, prints one table and writes bench/results.json. A scenario that throws or times out
 * becomes a FAIL row with its error, and the others still run. Exit code 1 if a budget or a scenario fails.
 */
export async function runScenarios(scenarios: Scenario[], only: string[]) {
  const rows: Row[] = []
  const errors: { scenario: string; error: string }[] = []
  const loadBefore = loads()
  for (const scenario of scenarios) {
    if (only.length > 0 && !only.includes(scenario.name)) continue
    process.stderr.write(`running ${scenario.name}… (load average ${loads()})\n`)
    try {
      rows.push(...(await withTimeout(scenario.run(), (scenario.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000)))
    } catch (err) {
      const error = err instanceof Error ? (err.stack ?? err.message) : String(err)
      process.stderr.write(`${scenario.name} failed: ${error}\n`)
      errors.push({ scenario: scenario.name, error: err instanceof Error ? err.message : String(err) })
    }
  }
  const loadAfter = loads()
  const table = [
    ...rows.map((r) => ({
      scenario: r.scenario,
      measure: r.measure,
      value: figure(r.value, r.unit),
      baseline: r.baseline === undefined ? '' : figure(r.baseline, r.unit),
      budget: !r.budget ? '' : 'max' in r.budget ? `≤ ${r.budget.max} ${r.unit}` : `≥ ${r.budget.min} ${r.unit}`,
      result: passes(r) === null ? '' : passes(r) ? 'PASS' : 'FAIL',
    })),
    ...errors.map((e) => ({ scenario: e.scenario, measure: `did not finish: ${e.error.split('\n')[0]}`, value: '', baseline: '', budget: '', result: 'FAIL' })),
  ]
  console.table(table)
  console.log(`load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}; ${cpus().length} cores`)
  writeFileSync(
    new URL('./results.json', import.meta.url),
    JSON.stringify({ at: new Date().toISOString(), cores: cpus().length, loadAverage: { before: loadBefore, after: loadAfter }, rows, errors }, null, 2),
  )
  return errors.length === 0 && rows.every((r) => passes(r) !== false)
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
