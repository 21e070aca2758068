import { expect, test } from 'vitest'
import { checkHistoricalRound, historicalRoundDates } from './historical-round-settings'

const now = new Date('2026-11-29T12:00:00Z')

test('a round needs a name, a year that has begun and a stored version', () => {
  expect(checkHistoricalRound({ title: ' 2019 national round ', year: '2019', instrumentVersion: 'smm-2019' }, ['smm-2019'], now))
    .toEqual({ ok: true, settings: { title: '2019 national round', year: 2019, instrumentVersion: 'smm-2019' } })
  expect(checkHistoricalRound({ title: '', year: '2027', instrumentVersion: 'smm-2030' }, ['smm-2019'], now)).toEqual({
    ok: false,
    errors: {
      title: ['Enter a name for the round, e.g. “2019 national round”.'],
      year: ['Enter a year from 2000 to 2026.'],
      instrumentVersion: ['Choose the instrument version the round used.'],
    },
  })
  expect(checkHistoricalRound({ title: 'x', year: '19', instrumentVersion: 'smm-2019' }, ['smm-2019'], now)).toMatchObject({ ok: false, errors: { year: ['Enter the year the round ran, e.g. 2019.'] } })
})

test('a round spans its whole year, so it sorts before any cycle of a later year', () => {
  expect(historicalRoundDates(2019)).toEqual({ opensAt: new Date('2019-01-01T00:00:00Z'), deadlineAt: new Date('2019-12-31T00:00:00Z') })
})
