import { describe, expect, test } from 'vitest'
import type { Instrument } from '../instrument/instrument-model'
import { validateInstrument } from '../instrument/instrument-validate'
import { instrumentsCompatible, planCarryForward } from './carry-forward'

const load = (raw: unknown): Instrument => {
  const result = validateInstrument(raw)
  if (!result.ok) throw new Error(result.issues[0]?.message)
  return result.instrument
}
const yesNo = (id: string) => ({ id, kind: 'yes-no', text: `${id}?`, office: 'deans-office' })
const count = (id: string, max?: number) => ({ id, kind: 'number', unit: 'count', scored: false, text: `${id}?`, office: 'hr', ...(max === undefined ? {} : { max }) })

const newer = load({
  id: 'v-new',
  title: 'New',
  domains: [{ id: 'd', title: 'D', areas: [
    { id: 'outreach', title: 'Outreach', items: [yesNo('outreach.clinics'), count('outreach.events', 10)] },
    { id: 'mission', title: 'Mission', items: [yesNo('mission.named'), yesNo('mission.fresh')] },
  ] }],
})
const older = load({
  id: 'v-old',
  title: 'Old',
  crosswalk: { to: 'v-new', areas: { outreach: ['outreach'], mission: ['mission'] } },
  domains: [{ id: 'd', title: 'D', areas: [
    { id: 'outreach', title: 'Outreach', items: [yesNo('outreach.clinics'), count('outreach.events'), yesNo('outreach.dropped')] },
    { id: 'mission', title: 'Mission and vision', items: [yesNo('mission.named')] },
  ] }],
})
const unrelated = load({ id: 'v-other', title: 'Other', domains: [{ id: 'd', title: 'D', areas: [{ id: 'outreach', title: 'O', items: [yesNo('outreach.clinics')] }] }] })

describe('which earlier answers pre-fill this cycle', () => {
  test('the same version and a crosswalked older version are compatible; an unrelated one is not', () => {
    expect(instrumentsCompatible(newer, newer)).toBe(true)
    expect(instrumentsCompatible(older, newer)).toBe(true)
    expect(instrumentsCompatible(unrelated, newer)).toBe(false)
    expect(planCarryForward(unrelated, newer, [{ itemId: 'outreach.clinics', value: true }], new Set()).carried).toEqual([])
  })

  test('an answer carries only where the question is still asked and the old value still validates; the rest are counted', () => {
    const plan = planCarryForward(older, newer, [
      { itemId: 'outreach.clinics', value: true },
      { itemId: 'outreach.events', value: 25 }, // the new question allows at most 10
      { itemId: 'outreach.dropped', value: false }, // not asked any more
      { itemId: 'mission.named', value: false }, // mission → mission by the crosswalk
    ], new Set())
    expect(plan.carried).toEqual([
      { itemId: 'outreach.clinics', areaId: 'outreach', value: true },
      { itemId: 'mission.named', areaId: 'mission', value: false },
    ])
    expect(plan.skipped).toEqual({ notAsked: 1, noLongerValid: 1, alreadyAnswered: 0 })
    expect(plan.byArea).toEqual([{ areaId: 'outreach', areaTitle: 'Outreach', count: 1 }, { areaId: 'mission', areaTitle: 'Mission', count: 1 }])
  })

  test('an answer already given this cycle is never replaced, and a cleared earlier answer offers nothing', () => {
    const plan = planCarryForward(newer, newer, [{ itemId: 'mission.named', value: true }, { itemId: 'mission.fresh', value: null }], new Set(['mission.named']))
    expect(plan.carried).toEqual([])
    expect(plan.skipped.alreadyAnswered).toBe(1)
  })

  test('an item whose old area the crosswalk does not send to its new area is not carried', () => {
    const moved = load({ ...older, id: 'v-old2', crosswalk: { to: 'v-new', areas: { outreach: ['mission'] } }, domains: [{ id: 'd', title: 'D', areas: [{ id: 'outreach', title: 'O', items: [yesNo('outreach.clinics')] }] }] })
    expect(planCarryForward(moved, newer, [{ itemId: 'outreach.clinics', value: true }], new Set()).skipped.notAsked).toBe(1)
  })
})
