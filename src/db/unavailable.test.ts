import { DrizzleQueryError } from 'drizzle-orm/errors'
import { describe, expect, test } from 'vitest'
import { isDatabaseUnavailable, unavailableReason } from './unavailable'

const pgError = (message: string, code: string) => Object.assign(new Error(message), { code })

describe('which database errors mean "try again in a moment"', () => {
  test('the server shutting down or starting, a refused or reset socket, a dropped connection, also wrapped by drizzle', () => {
    expect(isDatabaseUnavailable(pgError('terminating connection due to administrator command', '57P01'))).toBe(true)
    expect(isDatabaseUnavailable(pgError('the database system is starting up', '57P03'))).toBe(true)
    expect(isDatabaseUnavailable(pgError('connection failure', '08006'))).toBe(true)
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isDatabaseUnavailable(new AggregateError([pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')]))).toBe(true)
    const wrapped = new DrizzleQueryError('select secret from answers where value = $1', ['private value'], pgError('read ECONNRESET', 'ECONNRESET'))
    expect(isDatabaseUnavailable(wrapped)).toBe(true)
    // What is logged is the driver's words, never the query or its parameters.
    expect(unavailableReason(wrapped)).toBe('ECONNRESET: read ECONNRESET')
  })

  test('mistakes in the request or the code are not outages', () => {
    expect(isDatabaseUnavailable(pgError('duplicate key value violates unique constraint', '23505'))).toBe(false)
    expect(isDatabaseUnavailable(pgError('invalid input syntax for type uuid', '22P02'))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false)
    expect(isDatabaseUnavailable('Connection terminated')).toBe(false)
    expect(unavailableReason(undefined)).toBeNull()
  })
})
