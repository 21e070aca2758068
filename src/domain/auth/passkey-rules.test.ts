import { describe, expect, test } from 'vitest'
import { checkPasskeyRemoval, passkeyNickname, secondStepFor } from './passkey-rules'

describe('the passkey step after the e-mailed link', () => {
  test('school teams never owe one; program staff owe theirs once they have one, or a first one when required', () => {
    expect(secondStepFor({ programRole: null, passkeys: 2, required: true })).toBe('none')
    expect(secondStepFor({ programRole: 'admin', passkeys: 0, required: false })).toBe('none')
    expect(secondStepFor({ programRole: 'analyst', passkeys: 1, required: false })).toBe('use')
    expect(secondStepFor({ programRole: 'admin', passkeys: 1, required: true })).toBe('use')
    expect(secondStepFor({ programRole: 'analyst', passkeys: 0, required: true })).toBe('register')
  })

  test('the last passkey of program staff stays while passkeys are required', () => {
    expect(checkPasskeyRemoval({ programRole: 'admin', passkeys: 1, required: true }).ok).toBe(false)
    expect(checkPasskeyRemoval({ programRole: 'admin', passkeys: 2, required: true }).ok).toBe(true)
    expect(checkPasskeyRemoval({ programRole: 'admin', passkeys: 1, required: false }).ok).toBe(true)
    expect(checkPasskeyRemoval({ programRole: null, passkeys: 1, required: true }).ok).toBe(true)
  })

  test('a nickname is trimmed, cleaned of control characters and capped; blank gets a dated default', () => {
    const now = new Date('2026-11-30T10:00:00Z')
    expect(passkeyNickname('  Work laptop\u0007 ', now)).toBe('Work laptop')
    expect(passkeyNickname('x'.repeat(100), now)).toHaveLength(60)
    expect(passkeyNickname('   ', now)).toBe('Passkey added 2026-11-30')
  })
})
