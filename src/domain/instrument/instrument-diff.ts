import { itemsOf, type Instrument, type Item } from './instrument-model'

export type ItemChange = 'added' | 'removed' | 'changed' | 'same'
export type ItemDiff = { id: string; change: ItemChange; before?: Item | undefined; after?: Item | undefined; what: string[] }

// What counts as a change a respondent or a score would notice, by field.
const COMPARED: { label: string; of: (item: Item) => unknown }[] = [
  { label: 'question text', of: (i) => i.text },
  { label: 'kind', of: (i) => i.kind },
  { label: 'options', of: (i) => ('options' in i ? i.options.map((o) => [o.id, o.label]) : null) },
  { label: 'points', of: (i) => pointsOf(i) },
  { label: 'disciplines', of: (i) => i.disciplines ?? null },
  { label: 'condition', of: (i) => i.showIf ?? null },
  { label: 'help', of: (i) => [i.help ?? null, i.office] },
  { label: 'answer options', of: (i) => [i.required, i.dontKnow, i.notApplicable, i.scored] },
]

function pointsOf(item: Item): unknown {
  switch (item.kind) {
    case 'yes-no':
      return item.points
    case 'single-choice':
      return item.options.map((o) => o.points)
    case 'multiple-choice':
      return [item.options.map((o) => o.points), item.cap ?? null]
    case 'number':
      return [item.unit, item.min ?? null, item.max ?? null, item.bands ?? null]
    case 'table':
      return [item.rows, item.columns, item.ratio ?? null]
    default:
      return null
  }
}

/** Compares two versions item by item (by id): added, removed, changed (and what changed), or the same. */
export function diffInstruments(before: Instrument, after: Instrument): ItemDiff[] {
  const old = new Map(itemsOf(before).map(({ item }) => [item.id, item]))
  const now = new Map(itemsOf(after).map(({ item }) => [item.id, item]))
  const rows: ItemDiff[] = []
  for (const [id, item] of now) {
    const was = old.get(id)
    if (!was) {
      rows.push({ id, change: 'added', after: item, what: [] })
      continue
    }
    const what = COMPARED.filter((f) => JSON.stringify(f.of(was)) !== JSON.stringify(f.of(item))).map((f) => f.label)
    rows.push({ id, change: what.length > 0 ? 'changed' : 'same', before: was, after: item, what })
  }
  for (const [id, item] of old) if (!now.has(id)) rows.push({ id, change: 'removed', before: item, what: [] })
  return rows
}
