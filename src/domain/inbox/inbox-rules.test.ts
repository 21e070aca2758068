import { describe, expect, test } from 'vitest'
import { isDirectStatusChange, mayFeature, statusesFor } from './inbox-rules'

describe('inbox statuses', () => {
  test('nominations move through new, reviewing, featured and declined; messages are answered or closed', () => {
    expect(statusesFor('champion-nomination')).toEqual(['new', 'reviewing', 'featured', 'declined'])
    expect(statusesFor('badge-inquiry')).toContain('answered')
    expect(statusesFor('general-contact')).not.toContain('featured')
  })

  test('featuring is never a plain status change: it needs the text to publish', () => {
    expect(isDirectStatusChange('champion-nomination', 'featured')).toBe(false)
    expect(isDirectStatusChange('champion-nomination', 'declined')).toBe(true)
  })

  test('a status from another kind of item, or an unknown one, is refused', () => {
    expect(isDirectStatusChange('badge-inquiry', 'declined')).toBe(false)
    expect(isDirectStatusChange('general-contact', 'deleted')).toBe(false)
  })

  test('only a nominee who agreed to be shown may be featured', () => {
    expect(mayFeature({ consentToFeature: true })).toBe(true)
    expect(mayFeature({ consentToFeature: false })).toBe(false)
  })
})
