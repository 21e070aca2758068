import { describe, expect, test } from 'vitest'
import { checkDisable, checkProgramRoleChange } from './account-rules'

const admin = { id: 'a', programRole: 'admin' as const, disabled: false }
const dean = { id: 'd', programRole: null, disabled: false }

describe('program roles', () => {
  test('an admin makes a dean an analyst, or another admin', () => {
    expect(checkProgramRoleChange('a', dean, 'analyst', 1)).toEqual({ ok: true })
    expect(checkProgramRoleChange('a', dean, 'admin', 1)).toEqual({ ok: true })
  })
  test('the last admin keeps the role, and nobody removes their own', () => {
    expect(checkProgramRoleChange('x', admin, null, 1)).toMatchObject({ ok: false, message: expect.stringContaining('at least one admin') })
    expect(checkProgramRoleChange('a', admin, 'analyst', 3)).toMatchObject({ ok: false, message: expect.stringContaining('your own admin role') })
    expect(checkProgramRoleChange('x', admin, null, 2)).toEqual({ ok: true })
  })
  test('no change is not a change', () => {
    expect(checkProgramRoleChange('x', dean, null, 2).ok).toBe(false)
  })
})

describe('disabling', () => {
  test('anyone but yourself and the last admin', () => {
    expect(checkDisable('a', dean, 1)).toEqual({ ok: true })
    expect(checkDisable('a', admin, 5).ok).toBe(false)
    expect(checkDisable('x', admin, 1).ok).toBe(false)
    expect(checkDisable('x', admin, 2)).toEqual({ ok: true })
    expect(checkDisable('x', { ...dean, disabled: true }, 2).ok).toBe(false)
  })
})
