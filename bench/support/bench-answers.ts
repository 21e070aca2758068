import type pg from 'pg'
import type { Answer } from '../../src/domain/instrument/instrument-answers'
import { itemsOf, type Instrument, type Item } from '../../src/domain/instrument/instrument-model'

const ROWS_PER_STATEMENT = 50_000

/** A random answer a school could give to a scored item; `r` in [0, 1) picks how far up the scale it lands. */
export function randomAnswer(item: Item, r: number): Answer | undefined {
  switch (item.kind) {
    case 'yes-no': return r >= 0.4
    case 'single-choice': return item.options[Math.floor(r * item.options.length)]!.id
    case 'multiple-choice': return item.options.slice(0, Math.floor(r * (item.options.length + 1))).map((o) => o.id)
    case 'likert': return Math.floor(r * 5)
    case 'number': return Math.round((item.min ?? 0) + r * ((item.max ?? 100) - (item.min ?? 0)))
    default: return undefined // free text and tables carry no points
  }
}

/**
 * An answer to every scored item of the instrument for each response (as many as a school of any discipline might
 * give), inserted ROWS_PER_STATEMENT rows at a time. Deterministic, so runs compare. Returns the rows written.
 */
export async function seedBenchAnswers(pool: pg.Pool, instrument: Instrument, responseIds: readonly string[]): Promise<number> {
  const scored = itemsOf(instrument).map((e) => e.item).filter((item) => item.scored)
  let seed = 42
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648)
  let batch: { r: string[]; i: string[]; v: string[] } = { r: [], i: [], v: [] }
  let written = 0
  const flush = async () => {
    if (batch.r.length === 0) return
    await pool.query(
      `INSERT INTO answers (response_id, item_id, value) SELECT r, i, v::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(r, i, v)`,
      [batch.r, batch.i, batch.v],
    )
    written += batch.r.length
    batch = { r: [], i: [], v: [] }
  }
  for (const responseId of responseIds) {
    const level = random()
    for (const item of scored) {
      const value = randomAnswer(item, Math.min(0.999, Math.max(0, level + (random() - 0.5) / 2)))
      if (value === undefined) continue
      batch.r.push(responseId)
      batch.i.push(item.id)
      batch.v.push(JSON.stringify(value))
    }
    if (batch.r.length >= ROWS_PER_STATEMENT) await flush()
  }
  await flush()
  return written
}
