import { describe, expect, test } from 'vitest'
import { instrumentForDiscipline } from '../instrument/instrument-applicability'
import { validateInstrument } from '../instrument/instrument-validate'
import type { StoredAnswer } from '../response/response-progress'
import { badgeEligibility, isCertified, type CertificationFacts, type EligibilityFacts } from './eligibility'

const loaded = validateInstrument({
  id: 'test', title: 'Test',
  domains: [{ id: 'd', title: 'D', areas: [{ id: 'a', title: 'Area A', items: [
    { id: 'a.has', kind: 'yes-no', text: 'Has?', office: 'deans-office' },
    { id: 'a.count', kind: 'number', unit: 'count', text: 'How many?', office: 'deans-office', showIf: 'a.has = yes', scored: false, required: true },
    { id: 'a.note', kind: 'free-text', text: 'Anything else?', office: 'deans-office', required: false },
  ] }] }],
})
if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues))
const instrument = instrumentForDiscipline(loaded.instrument, 'md')
const answers = (entries: Record<string, StoredAnswer['value']>) => new Map(Object.entries(entries).map(([id, value]) => [id, { value, prefilled: false }]))

const certifiedOnline: CertificationFacts = { status: 'submitted', source: 'platform', certifiedByName: 'Dr Dean', paperSignedOn: null }
const facts = (over: Partial<CertificationFacts> = {}, given = answers({ 'a.has': false }), offer: EligibilityFacts['offer'] = { offered: true, feeCents: 25_000 }): EligibilityFacts => ({
  offer, discipline: 'md', response: { ...certifiedOnline, ...over, instrument, answers: given },
})

describe('badge eligibility', () => {
  test('a response its leader certified and submitted, every required question answered, in a cycle offering the badge: eligible at the fee', () => {
    expect(badgeEligibility(facts())).toEqual({ eligible: true, feeCents: 25_000 })
  })
  test('a free badge is still a badge', () => {
    expect(badgeEligibility(facts({}, undefined, { offered: true, feeCents: 0 }))).toEqual({ eligible: true, feeCents: 0 })
  })
  test('a submission nobody certified never makes a school eligible', () => {
    expect(badgeEligibility(facts({ certifiedByName: null }))).toEqual({ eligible: false, reason: 'not-certified' })
    expect(badgeEligibility(facts({ certifiedByName: '   ' }))).toEqual({ eligible: false, reason: 'not-certified' })
  })
  test('a paper entry counts when the dean’s signature is recorded with its date', () => {
    expect(badgeEligibility(facts({ source: 'paper', paperSignedOn: '2026-10-01' }))).toMatchObject({ eligible: true })
    expect(badgeEligibility(facts({ source: 'paper', paperSignedOn: null }))).toEqual({ eligible: false, reason: 'not-certified' })
  })
  test('imported past rounds were never certified here', () => {
    for (const source of ['imported-answers', 'imported-area-scores'] as const) expect(isCertified({ ...certifiedOnline, source })).toBe(false)
  })
  test('a response still in progress, or none at all', () => {
    expect(badgeEligibility(facts({ status: 'in_progress' }))).toEqual({ eligible: false, reason: 'not-submitted' })
    expect(badgeEligibility({ ...facts(), response: null })).toEqual({ eligible: false, reason: 'no-response' })
  })
  test('a required question left unanswered (a follow-up its gate opened) makes the response incomplete', () => {
    expect(badgeEligibility(facts({}, answers({ 'a.has': true })))).toEqual({ eligible: false, reason: 'incomplete' })
    expect(badgeEligibility(facts({}, answers({ 'a.has': true, 'a.count': 3 })))).toMatchObject({ eligible: true })
  })
  test('a cycle without a badge, or without one for this discipline', () => {
    expect(badgeEligibility(facts({}, undefined, { offered: false, cycleOffersAny: false }))).toEqual({ eligible: false, reason: 'not-offered' })
    expect(badgeEligibility(facts({}, undefined, { offered: false, cycleOffersAny: true }))).toEqual({ eligible: false, reason: 'discipline-not-offered' })
  })
})
