import { writeFileSync } from 'node:fs'

/** One measured figure of a scenario, with the budget it is held to. */
export type Row = { scenario: string; measure: string; value: number; unit: string; budget?: { max: number } | { min: number } }
export type Scenario = { name: string; run: () => Promise<Row[]> }

const passes = (row: Row) =>
  !row.budget ? null : 'max' in row.budget ? row.value <= row.budget.max : row.value >= row.budget.min

/** Runs every scenario in order, prints one table and writes bench/results.json. Exit code 1 if a budget fails. */
export async function runScenarios(scenarios: Scenario[], only: string[]) {
  const rows: Row[] = []
  for (const scenario of scenarios) {
    if (only.length > 0 && !only.includes(scenario.name)) continue
    process.stderr.write(`running ${scenario.name}…\n`)
    rows.push(...(await scenario.run()))
  }
  const table = rows.map((r) => ({
    scenario: r.scenario,
    measure: r.measure,
    value: `${Number.isInteger(r.value) ? r.value : r.value.toFixed(2)} ${r.unit}`,
    budget: !r.budget ? '' : 'max' in r.budget ? `≤ ${r.budget.max} ${r.unit}` : `≥ ${r.budget.min} ${r.unit}`,
    result: passes(r) === null ? '' : passes(r) ? 'PASS' : 'FAIL',
  }))
  console.table(table)
  writeFileSync(
    new URL('./results.json', import.meta.url),
    JSON.stringify({ at: new Date().toISOString(), cores: (await import('node:os')).cpus().length, rows }, null, 2),
  )
  return rows.every((r) => passes(r) !== false)
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
