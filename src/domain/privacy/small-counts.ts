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

/** 'unknown': a figure never printed, which a reader knows nothing about unless a line gives it away. */
type Mark = 'shown' | 'small' | 'withheld' | 'unknown'
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
 * Counts of schools through nested stages by group, each stage a subset of the one before (invited ⊇ taking part ⊇
 * completed): `stages[g][j]` is group g's count at stage j. Subtracting two published figures gives a count of
 * schools too (invited − taking part = did not take part; a total less the other groups = this group), so those
 * differences take part in the rule as unpublished counts: none under 5 may be worked out by any chain of sums and
 * differences of what is shown, and each hidden figure must stay uncertain in every line whose total is known.
 */
export function publishNestedCounts(stages: readonly (readonly number[])[], k = K_MIN_COUNT): { rows: PublishedCount[][]; totals: PublishedCount[] } {
  const width = stages[0]?.length ?? 0
  for (const row of stages) {
    if (row.length !== width || row.some((n, j) => !Number.isInteger(n) || n < 0 || (j > 0 && n > row[j - 1]!))) {
      throw new Error('publishNestedCounts: whole counts, each stage within the one before')
    }
  }
  const totals = range(width).map((j) => sum(stages.map((row) => row[j]!)))
  const values: number[] = []
  const printed: boolean[] = []
  const stageOf: number[] = []
  const add = (value: number, isPrinted: boolean, stage = 0) => {
    stageOf.push(stage)
    printed.push(isPrinted)
    return values.push(value) - 1
  }
  const lines: Line[] = []
  // One block per group and one for the totals: the stages (printed) and the difference of every pair of them (not:
  // invited − completed counts schools as surely as invited − taking part does).
  const pairs = range(width).flatMap((i) => range(width).filter((j) => j > i).map((j) => [i, j] as const))
  const block = (row: readonly number[]) => {
    const stageAt = row.map((n, j) => add(n, true, j))
    const gapAt = pairs.map(([i, j]) => add(row[i]! - row[j]!, false))
    pairs.forEach(([i, j], p) => lines.push({ parts: [gapAt[p]!, stageAt[j]!], total: stageAt[i]! }))
    return { stageAt, gapAt }
  }
  const groups = stages.map(block)
  const all = block(totals)
  for (let j = 0; j < width; j++) lines.push({ parts: groups.map((g) => g.stageAt[j]!), total: all.stageAt[j]! })
  pairs.forEach((_, p) => lines.push({ parts: groups.map((g) => g.gapAt[p]!), total: all.gapAt[p]! }))
  const marks = protectLines(values, printed, lines, k, stageOf)
  const publish = (i: number): PublishedCount =>
    marks[i] === 'shown' ? { kind: 'shown', value: values[i]! } : marks[i] === 'small' ? { kind: 'fewer-than-k' } : { kind: 'withheld' }
  return { rows: groups.map((g) => g.stageAt.map(publish)), totals: all.stageAt.map(publish) }
}

/**
 * The rule for figures tied by additive lines, some of them printed and some only derivable. Printed counts
 * under k are "fewer than k"; then, until nothing changes, a shown figure is withheld wherever (a) some count under
 * k could be worked out exactly by chaining lines, or (b) a line whose total is known leaves a hidden member with
 * one possible value, given the ranges a reader knows.
 */
function protectLines(values: readonly number[], printed: readonly boolean[], lines: readonly Line[], k: number, stageOf: readonly number[]): Mark[] {
  const marks: Mark[] = values.map((v, i) => (!printed[i] ? 'unknown' : v < k ? 'small' : 'shown'))
  const linesOf = values.map((_, i) => lines.filter((l) => l.total === i || l.parts.includes(i)))
  // Withholds a shown figure on a line through these members; when the chain that gave them away runs
  // through figures that are not shown themselves, looks one line further out, and so on.
  const withholdNear = (members: readonly number[]) => {
    let ring = new Set(members)
    for (let seen = new Set(ring); ring.size > 0; ) {
      const near = new Set([...ring].flatMap((m) => linesOf[m]!.flatMap((l) => [l.total, ...l.parts])))
      let best: number | undefined
      // Later stages go first (invited is the figure a reader most needs, and the one others are read against),
      // then the smallest, as in publishCounts.
      const before = (i: number, j: number) => stageOf[i]! > stageOf[j]! || (stageOf[i] === stageOf[j] && values[i]! < values[j]!)
      for (const i of near) if (marks[i] === 'shown' && (best === undefined || before(i, best))) best = i
      if (best !== undefined) {
        marks[best] = 'withheld'
        return
      }
      ring = new Set([...near].filter((i) => !seen.has(i)))
      seen = new Set([...seen, ...near])
    }
    throw new Error('protectLines: nothing left to withhold')
  }
  for (let changed = true; changed; ) {
    changed = false
    const known = knownByChaining(marks, lines)
    const leaked = [...known].find((i) => values[i]! < k)
    if (leaked !== undefined) {
      withholdNear([leaked])
      changed = true
      continue
    }
    // Range reasoning as in publishCounts; a derivable figure counts as shown, an unprinted one may be anything.
    const view: Mark[] = marks.map((m, i) => (known.has(i) ? 'shown' : m))
    const unsafe = lines.find((l) => known.has(l.total) && !lineIsSafe(l, values as number[], view, k))
    if (unsafe) {
      withholdNear([unsafe.total, ...unsafe.parts])
      changed = true
    }
  }
  return marks
}

/** What a reader can work out exactly: the shown figures, then any line with one unknown member, to the end. */
function knownByChaining(marks: readonly Mark[], lines: readonly Line[]): Set<number> {
  const known = new Set<number>()
  marks.forEach((m, i) => m === 'shown' && known.add(i))
  for (let changed = true; changed; ) {
    changed = false
    for (const line of lines) {
      const unknown = [line.total, ...line.parts].filter((i) => !known.has(i))
      if (unknown.length === 1) {
        known.add(unknown[0]!)
        changed = true
      }
    }
  }
  return known
}

/**
 * A line is safe when every hidden part could still hold at least two values, given what the reader knows: the
 * shown total, the shown parts, that a "fewer than k" count lies in 0..k-1 and that a withheld one is at least k.
 */
function lineIsSafe(line: Line, values: number[], marks: Mark[], k: number): boolean {
  const hidden = line.parts.filter((p) => marks[p] !== 'shown')
  if (hidden.length === 0) return true
  const hiddenSum = sum(hidden.map((p) => values[p]!))
  const lo = (p: number) => (marks[p] === 'small' || marks[p] === 'unknown' ? 0 : k)
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
