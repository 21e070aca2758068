import { describe, expect, test } from 'vitest'
import { CYCLE_STATUSES } from './cycle-states'
import { isPublic, publicationRefusal } from './participation-publication'

describe('publishing participation', () => {
  test('only an ended, non-pilot cycle can be published', () => {
    const allowed = CYCLE_STATUSES.filter((status) => publicationRefusal({ status, pilot: false }) === null)
    expect(allowed).toEqual(['closed', 'scored', 'released'])
    for (const status of CYCLE_STATUSES) expect(publicationRefusal({ status, pilot: true })).toBe('A pilot or test round is never published.')
  })

  test('a cycle is public only once published, and a pilot never, even if a publication date slipped in', () => {
    const at = new Date('2026-12-20T00:00:00Z')
    expect(isPublic({ status: 'closed', pilot: false, participationPublishedAt: null })).toBe(false)
    expect(isPublic({ status: 'closed', pilot: false, participationPublishedAt: at })).toBe(true)
    expect(isPublic({ status: 'released', pilot: true, participationPublishedAt: at })).toBe(false)
    expect(isPublic({ status: 'open', pilot: false, participationPublishedAt: at })).toBe(false)
  })
})
