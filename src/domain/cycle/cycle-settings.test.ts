import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkCycleSettings, type CycleSettingsInput } from './cycle-settings'

const VERSIONS = ['smm-2024', 'smm-2019']

const good: CycleSettingsInput = {
  title: '2026 national round',
  instrumentVersion: 'smm-2024',
  disciplines: ['md', 'dental', 'nursing-bsn-msn'],
  sampleSizes: { 'nursing-bsn-msn': '400', md: '' },
  sampleSeed: '2019',
  pilot: false,
  opensOn: '2026-09-01',
  deadlineOn: '2026-12-15',
  reminderDays: '30, 14, 7, 1',
}

describe('cycle settings', () => {
  test('good settings open at the start of the first day and close at the end of the last', () => {
    const result = checkCycleSettings(good, 7, VERSIONS)
    expect(result.ok && result.settings).toMatchObject({
      sampleSizes: { 'nursing-bsn-msn': 400 },
      sampleSeed: 2019,
      opensAt: new Date('2026-09-01T00:00:00Z'),
      deadlineAt: new Date('2026-12-15T23:59:59Z'),
      reminderDays: [30, 14, 7, 1],
    })
  })

  test('a sample without a typed seed records the fallback seed; inviting all records none', () => {
    const sampled = checkCycleSettings({ ...good, sampleSeed: '' }, 99, VERSIONS)
    expect(sampled.ok && sampled.settings.sampleSeed).toBe(99)
    const all = checkCycleSettings({ ...good, sampleSizes: {} }, 99, VERSIONS)
    expect(all.ok && [all.settings.sampleSeed, all.settings.sampleSizes]).toEqual([null, {}])
  })

  test('a size typed for a discipline that is not ticked is ignored', () => {
    const result = checkCycleSettings({ ...good, sampleSizes: { pa: '5', 'nursing-bsn-msn': '' } }, 99, VERSIONS)
    expect(result.ok && [result.settings.sampleSizes, result.settings.sampleSeed]).toEqual([{}, null])
  })

  test('a deadline on or before the opening date is refused on the deadline field', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (daysEarlier) => {
        const opens = new Date(Date.UTC(2026, 8, 1))
        const deadline = new Date(opens.getTime() - daysEarlier * 86_400_000).toISOString().slice(0, 10)
        const result = checkCycleSettings({ ...good, opensOn: '2026-09-01', deadlineOn: deadline }, 1, VERSIONS)
        // the same day closes at 23:59:59 and is allowed; any earlier day is not
        expect(result.ok).toBe(daysEarlier === 0)
        if (!result.ok) expect(result.errors.deadlineOn).toEqual(['The deadline must come after the opening date.'])
      }),
    )
  })

  test('an unknown discipline, a bad sample size and a bad date are each named on their field', () => {
    const result = checkCycleSettings({ ...good, disciplines: ['md', 'vet'], sampleSizes: { md: '-3' }, opensOn: 'soon' }, 1, VERSIONS)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors.disciplines).toEqual(['Unknown discipline: vet.'])
    expect(result.errors['sample-md']).toHaveLength(1)
    expect(result.errors.opensOn).toHaveLength(1)
  })
})

test('only an imported instrument version can be chosen, and the message lists those that are', () => {
  const result = checkCycleSettings({ ...good, instrumentVersion: 'smm-2031' }, 1, VERSIONS)
  expect(result).toMatchObject({ ok: false, errors: { instrumentVersion: ['Choose an instrument version: smm-2024 or smm-2019.'] } })
  expect(checkCycleSettings({ ...good, instrumentVersion: 'smm-2031' }, 1, [...VERSIONS, 'smm-2031']).ok).toBe(true)
})
