import { describe, expect, it } from 'vitest'
import { badgeStatus, listedInDirectory, revokeReasonProblem, supporterYearProblem } from './badge-status'

const badge = { validFrom: new Date('2026-01-01T00:00:00Z'), validUntil: new Date('2027-01-01T00:00:00Z'), revokedAt: null }

describe('badge status', () => {
  it('is not yet valid before its period, valid inside it and expired from validUntil on', () => {
    expect(badgeStatus(badge, new Date('2025-12-31T23:59:59Z'))).toBe('not-yet-valid')
    expect(badgeStatus(badge, new Date('2026-06-01T00:00:00Z'))).toBe('valid')
    expect(badgeStatus(badge, new Date('2027-01-01T00:00:00Z'))).toBe('expired')
  })
  it('stays revoked whatever the date', () => {
    const revoked = { ...badge, revokedAt: new Date('2026-03-01T00:00:00Z') }
    expect(badgeStatus(revoked, new Date('2026-06-01T00:00:00Z'))).toBe('revoked')
    expect(badgeStatus(revoked, new Date('2028-01-01T00:00:00Z'))).toBe('revoked')
  })
  it('lists only current badges of schools that stay listed', () => {
    const now = new Date('2026-06-01T00:00:00Z')
    expect(listedInDirectory({ ...badge, schoolListed: true }, now)).toBe(true)
    expect(listedInDirectory({ ...badge, schoolListed: false }, now)).toBe(false)
    expect(listedInDirectory({ ...badge, schoolListed: true }, new Date('2027-02-01T00:00:00Z'))).toBe(false)
  })
  it('asks for a revoke reason of at least 10 characters', () => {
    expect(revokeReasonProblem('   ten chars! ')).toBeNull()
    expect(revokeReasonProblem(' short   ')).toMatch(/at least 10/)
  })
  it('checks the supporter year', () => {
    const now = new Date('2026-11-29T00:00:00Z')
    expect(supporterYearProblem('2024', now)).toBeNull()
    expect(supporterYearProblem('24', now)).toMatch(/four digits/)
    expect(supporterYearProblem('2031', now)).toMatch(/2015 to 2027/)
  })
})
