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

  it('still reads for an action it has no phrase for', () => {
    expect(auditSentence({ ...base, action: 'badge.ordered' })).toBe('Jane Doe recorded badge.ordered for Example University.')
  })
})
