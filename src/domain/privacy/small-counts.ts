// The small-count rule for every published aggregate: a count under k is never shown, and no hidden count can be
// worked out by subtracting the shown counts from a shown total (see docs/privacy.md).

/** The smallest count that may be published. */
export const K_MIN_COUNT = 5

/** A published cell: its value, "fewer than k" (the count itself is small), or withheld to protect a small one. */
export type PublishedCount =
  | { kind: 'shown'; value: number }
  | { kind: 'fewer-than-k' }
  | { kind: 'withheld' }

/** A table of counts whose rows and columns add up to the given totals (margins). */
export type CountTable = { cells: readonly (readonly number[])[] }

export type PublishedTable = {
  cells: PublishedCount[][]
  rowTotals: PublishedCount[]
  columnTotals: PublishedCount[]
  grandTotal: PublishedCount
}

type Mark = 'shown' | 'small' | 'withheld'
/** One additive line: the positions of its parts and of its total, addressed in a flat list of marks. */
type Line = { parts: number[]; total: number }

/**
 * Publishes a table of non-negative whole counts with its row, column and grand totals.
 * 1. Primary suppression: every count (cell or total) under k becomes "fewer than k".
 * 2. Complementary suppression, repeated until nothing changes: in every line (a row or column with its total)
 *    whose total is shown, each hidden part must still be uncertain (at least two values fit what is shown);
 *    otherwise the smallest shown part is withheld too, or, when no part is left to withhold, the total.
 *    So subtraction yields only the sum of several hidden counts, never one of them.
 */
export function publishCounts(table: CountTable, k = K_MIN_COUNT): PublishedTable {
  const rows = table.cells.length
  const cols = rows === 0 ? 0 : table.cells[0]!.length
  if (table.cells.some((row) => row.length !== cols)) throw new Error('publishCounts: rows differ in length')
  for (const row of table.cells) {
    for (const v of row) if (!Number.isInteger(v) || v < 0) throw new Error('publishCounts: counts are whole and non-negative')
  }

  // Flat layout: cells row by row, then row totals, then column totals, then the grand total.
  const values: number[] = table.cells.flat()
  const rowTotalAt = (r: number) => rows * cols + r
  const colTotalAt = (c: number) => rows * cols + rows + c
  const grandAt = rows * cols + rows + cols
  for (let r = 0; r < rows; r++) values.push(sum(table.cells[r]!))
  for (let c = 0; c < cols; c++) values.push(sum(table.cells.map((row) => row[c]!)))
  values.push(sum(values.slice(0, rows * cols)))

  const lines: Line[] = []
  for (let r = 0; r < rows; r++) lines.push({ parts: range(cols).map((c) => r * cols + c), total: rowTotalAt(r) })
  for (let c = 0; c < cols; c++) lines.push({ parts: range(rows).map((r) => r * cols + c), total: colTotalAt(c) })
  lines.push({ parts: range(rows).map(rowTotalAt), total: grandAt })
  lines.push({ parts: range(cols).map(colTotalAt), total: grandAt })

  const marks: Mark[] = values.map((v) => (v < k ? 'small' : 'shown'))
  for (let changed = true; changed; ) {
    changed = false
    for (const line of lines) {
      if (marks[line.total] !== 'shown') continue
      while (!lineIsSafe(line, values, marks, k)) {
        // Withhold the smallest shown part; when none is left (a one-part line), withhold the total instead.
        const next = smallestShown(line.parts, values, marks) ?? line.total
        marks[next] = 'withheld'
        changed = true
        if (next === line.total) break
      }
    }
  }

  const publish = (i: number): PublishedCount =>
    marks[i] === 'shown' ? { kind: 'shown', value: values[i]! } : marks[i] === 'small' ? { kind: 'fewer-than-k' } : { kind: 'withheld' }
  return {
    cells: range(rows).map((r) => range(cols).map((c) => publish(r * cols + c))),
    rowTotals: range(rows).map((r) => publish(rowTotalAt(r))),
    columnTotals: range(cols).map((c) => publish(colTotalAt(c))),
    grandTotal: publish(grandAt),
  }
}

/** A list of counts and their total: the one-way case (e.g. schools by discipline) of `publishCounts`. */
export function publishCountList(counts: readonly number[], k = K_MIN_COUNT): { counts: PublishedCount[]; total: PublishedCount } {
  const table = publishCounts({ cells: counts.map((n) => [n]) }, k)
  return { counts: table.cells.map((row) => row[0]!), total: table.grandTotal }
}

/**
 * A line is safe when every hidden part could still hold at least two values, given what the reader knows: the
 * shown total, the shown parts, that a "fewer than k" count lies in 0..k-1 and that a withheld one is at least k.
 */
function lineIsSafe(line: Line, values: number[], marks: Mark[], k: number): boolean {
  const hidden = line.parts.filter((p) => marks[p] !== 'shown')
  if (hidden.length === 0) return true
  const hiddenSum = sum(hidden.map((p) => values[p]!))
  const lo = (p: number) => (marks[p] === 'small' ? 0 : k)
  const hi = (p: number) => (marks[p] === 'small' ? k - 1 : Infinity)
  return hidden.every((p) => {
    const others = hidden.filter((q) => q !== p)
    const least = Math.max(lo(p), hiddenSum - sum(others.map(hi)))
    const most = Math.min(hi(p), hiddenSum - sum(others.map(lo)))
    return most > least
  })
}

function smallestShown(parts: number[], values: number[], marks: Mark[]): number | undefined {
  let best: number | undefined
  for (const p of parts) if (marks[p] === 'shown' && (best === undefined || values[p]! < values[best]!)) best = p
  return best
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)
const range = (n: number) => Array.from({ length: n }, (_, i) => i)
