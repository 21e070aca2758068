import { describe, expect, it } from 'vitest'
import { auditSentence, type AuditFacts } from './audit-words'

const base: AuditFacts = { action: 'report.viewed', actorName: 'Jane Doe', actorEmail: 'jane@example.org', schoolName: 'Example University', cycleTitle: null, subject: null, details: {} }

describe('the audit log in words', () => {
  it('names the person and the school', () => {
    expect(auditSentence(base)).toBe('Jane Doe viewed the report of Example University.')
  })

  it('says why a response was reopened', () => {
    expect(auditSentence({ ...base, action: 'response.reopened', details: { reason: 'A typo in area 3' } })).toBe('Jane Doe reopened the response of Example University: “A typo in area 3”.')
  })

  it('falls back to the address, and names the system when no person acted', () => {
    expect(auditSentence({ ...base, actorName: null })).toBe('jane@example.org viewed the report of Example University.')
    expect(auditSentence({ ...base, actorName: null, actorEmail: 'system:scoring', action: 'cycle.scored', schoolName: null, cycleTitle: '2026 round' })).toBe('The system (scoring) finished scoring the cycle “2026 round” and froze its norms.')
  })

  it('says which analysis table an analyst downloaded, of which cycle, and how many rows', () => {
    const e = { ...base, action: 'research.aggregates-downloaded', schoolName: null, cycleTitle: '2026 round', details: { kind: 'group-tests', rows: 9 } }
    expect(auditSentence(e)).toBe('Jane Doe downloaded the group comparisons table of the cycle “2026 round” (9 rows).')
  })

  it('reads the program team preparing and downloading every report of a cycle as PDF, with how many', () => {
    const e = { ...base, schoolName: null, cycleTitle: '2026 round', details: { reports: 4 } }
    expect(auditSentence({ ...e, action: 'cycle.report-pdfs-started' })).toBe('Jane Doe started preparing 4 report PDFs of the cycle “2026 round”.')
    expect(auditSentence({ ...e, action: 'cycle.report-pdfs-exported' })).toBe('Jane Doe downloaded every report of the cycle “2026 round” as PDF (4 schools).')
  })

  it('still reads for an action it has no phrase for', () => {
    expect(auditSentence({ ...base, action: 'badge.unheard-of' })).toBe('Jane Doe recorded badge.unheard-of for Example University.')
  })

  it('reads badge payments and paper returns with their references and reasons', () => {
    expect(auditSentence({ ...base, action: 'badge.order-marked-paid', details: { reference: 'CHQ 1042' } })).toBe('Jane Doe marked the badge invoice of Example University paid (reference CHQ 1042).')
    expect(auditSentence({ ...base, action: 'badge.order-waived', details: { reason: 'Inaugural supporter' } })).toBe('Jane Doe waived the badge fee of Example University: “Inaugural supporter”.')
    expect(auditSentence({ ...base, actorName: null, actorEmail: 'system:stripe', action: 'badge.order-paid-by-card', details: { reference: 'pi_123' } })).toBe('The system (stripe) received the card payment for the badge of Example University (pi_123).')
    expect(auditSentence({ ...base, action: 'response.paper-submitted', details: { certifiedBy: 'Dr Dean', signedOn: '2026-10-01' } })).toBe('Jane Doe submitted the paper return of Example University, signed by Dr Dean on 2026-10-01.')
  })

  it('tells badge actions, with the revoke reason for the program team', () => {
    expect(auditSentence({ ...base, action: 'badge.revoked', details: { reason: 'Ordered by mistake twice' } })).toBe('Jane Doe revoked the badge of Example University: “Ordered by mistake twice”.')
    expect(auditSentence({ ...base, action: 'badge.directory-unlisted' })).toBe('Jane Doe took Example University out of the public badge directory.')
  })
})
