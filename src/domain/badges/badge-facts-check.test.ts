import { describe, expect, test } from 'vitest'
import { badgeFactsProblems } from './badge-facts-check'
import type { CredentialFacts } from './open-badge-credential'

const good: CredentialFacts = {
  publicId: 'Zx8_k-2',
  schoolName: 'Lakeside',
  discipline: 'dental',
  cycleTitle: '2026 national round',
  cycleYear: 2026,
  validFrom: new Date('2026-11-01T00:00:00Z'),
  validUntil: new Date('2027-10-31T00:00:00Z'),
  statusIndex: 0,
  issuedAt: new Date('2026-11-29T00:00:00Z'),
}

describe('facts a badge may be signed with', () => {
  test('good facts have no problems; the last index of the list is still inside it', () => {
    expect(badgeFactsProblems(good)).toEqual([])
    expect(badgeFactsProblems({ ...good, statusIndex: 131_071 })).toEqual([])
  })

  test('each wrong fact is named in plain words', () => {
    const problems = badgeFactsProblems({
      ...good,
      publicId: 'a/b',
      schoolName: '  ',
      validUntil: new Date('2026-10-01T00:00:00Z'),
      statusIndex: 131_072,
      cycleYear: 26.5,
    })
    expect(problems).toEqual([
      'The public id must be 1–100 letters, digits, "-" or "_".',
      'The school name is empty.',
      'The cycle year 26.5 is not a year.',
      'The badge would expire before it starts: "valid until" must come after "valid from".',
      'The status index 131072 is outside the status list (0 to 131071).',
    ])
    expect(badgeFactsProblems({ ...good, issuedAt: new Date('nonsense') })).toEqual(['The "issued at" date is not a date.'])
  })
})
