import { describe, expect, test } from 'vitest'
import { isRepeatOfLastSave } from './repeated-save'

const saved = { value: { a: 1, b: 2 }, version: 4, note: 'n', evidenceUrl: null, updatedById: 'u1' }
const sent = { value: { b: 2, a: 1 }, note: 'n', evidenceUrl: null, baseVersion: 3, userId: 'u1' }

describe('a save sent again after its reply was lost', () => {
  test('is recognised when the stored answer is the next version, by the same person, with the same content', () => {
    expect(isRepeatOfLastSave(saved, sent)).toBe(true)
    expect(isRepeatOfLastSave({ ...saved, value: null, note: null }, { ...sent, value: null, note: null })).toBe(true)
  })

  test('is a real conflict when anything differs: who, which version, the value, the note or the link', () => {
    expect(isRepeatOfLastSave({ ...saved, updatedById: 'u2' }, sent)).toBe(false)
    expect(isRepeatOfLastSave({ ...saved, version: 5 }, sent)).toBe(false)
    expect(isRepeatOfLastSave(saved, { ...sent, value: { a: 1, b: 3 } })).toBe(false)
    expect(isRepeatOfLastSave(saved, { ...sent, note: 'other' })).toBe(false)
    expect(isRepeatOfLastSave(saved, { ...sent, evidenceUrl: 'https://example.org' })).toBe(false)
    expect(isRepeatOfLastSave({ ...saved, value: ['x', 'y'] }, { ...sent, value: ['y', 'x'] })).toBe(false)
  })
})
