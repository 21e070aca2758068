import type { Answer } from '../../domain/instrument/instrument-answers'
import { itemsOf, type Instrument } from '../../domain/instrument/instrument-model'

/**
 * Demo answers to every scored item at one level, from 0 (the lowest option everywhere) to 1 (the highest), so the
 * demo's schools spread over the quartiles. `share` answers only the first part of the questionnaire (in progress).
 */
export function demoAnswersAtLevel(instrument: Instrument, level: number, share = 1): Record<string, Answer> {
  const pick = <T,>(list: readonly T[]) => list[Math.round(level * (list.length - 1))]!
  const out: Record<string, Answer> = {}
  const items = itemsOf(instrument).filter(({ item }) => item.scored)
  for (const { item } of items.slice(0, Math.ceil(items.length * share))) {
    switch (item.kind) {
      case 'yes-no': out[item.id] = level >= 0.5; break
      case 'single-choice': out[item.id] = pick([...item.options].sort((a, b) => a.points - b.points)).id; break
      case 'multiple-choice': out[item.id] = item.options.slice(0, Math.max(1, Math.round(level * item.options.length))).map((o) => o.id); break
      case 'likert': out[item.id] = Math.round(level * 4); break
      case 'number': if (item.bands) out[item.id] = pick([item.bands[0]!.min - 1, ...item.bands.map((b) => b.min)]); break
      default: break
    }
  }
  return out
}
