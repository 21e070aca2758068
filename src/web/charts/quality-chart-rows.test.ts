import { expect, test } from 'vitest'
import type { ItemQuality } from '../../domain/research/item-quality'
import { shareRows } from './quality-chart-rows'

const item = (categories: ItemQuality['categories'], applicable = 12): ItemQuality => ({
  itemId: 'a.b', areaId: 'a', text: 'Does it?', kind: 'yes-no', scored: true, applicable: { kind: 'shown', value: applicable }, categories, ticks: [],
  dontKnowRate: null, missingRate: null, itemRest: null, flags: [], alikeLabel: null,
})

test('hidden counts are drawn only as one lumped segment, the shown ones as their shares', () => {
  const rows = shareRows([item([
    { key: 'yes', label: 'Yes', kind: 'answer', count: { kind: 'shown', value: 9 } },
    { key: 'no', label: 'No', kind: 'answer', count: { kind: 'fewer-than-k' } },
    { key: 'dont-know', label: 'Don’t know', kind: 'dont-know', count: { kind: 'fewer-than-k' } },
    { key: 'missing', label: 'Not answered', kind: 'missing', count: { kind: 'fewer-than-k' } },
  ])])
  expect(rows).toEqual([
    { item: 'Does it?', segment: 'Most common answer', share: 9 / 12 },
    { item: 'Does it?', segment: 'Small counts (not shown)', share: 3 / 12 },
  ])
})

test('a question whose number of schools is hidden is not drawn at all', () => {
  expect(shareRows([{ ...item([]), applicable: { kind: 'fewer-than-k' } }])).toEqual([])
})
