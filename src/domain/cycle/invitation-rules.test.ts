import { describe, expect, test } from 'vitest'
import { invitationLinkState, participationDeadline } from './invitation-rules'

const now = new Date('2026-10-01T12:00:00Z')
const link = { expiresAt: new Date('2026-12-15T23:59:59Z'), usedAt: null, revokedAt: null }

describe('invitation links', () => {
  test('a fresh link in an open cycle is valid; used, revoked, expired and closed ones are not', () => {
    expect(invitationLinkState(link, 'open', now)).toBe('valid')
    expect(invitationLinkState(undefined, 'open', now)).toBe('unknown')
    expect(invitationLinkState({ ...link, usedAt: now }, 'open', now)).toBe('used')
    expect(invitationLinkState({ ...link, revokedAt: now }, 'open', now)).toBe('revoked')
    expect(invitationLinkState(link, 'closed', now)).toBe('closed')
    expect(invitationLinkState(link, 'open', link.expiresAt)).toBe('expired')
  })

  test('an extension moves a school’s deadline later, never earlier', () => {
    const deadline = new Date('2026-12-15T23:59:59Z')
    expect(participationDeadline(deadline, null)).toBe(deadline)
    expect(participationDeadline(deadline, new Date('2027-01-15T23:59:59Z'))).toEqual(new Date('2027-01-15T23:59:59Z'))
    expect(participationDeadline(deadline, new Date('2026-11-01T00:00:00Z'))).toBe(deadline)
  })
})
