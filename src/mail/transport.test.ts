import { describe, expect, test } from 'vitest'
import { permanentRejection } from './transport'

describe('which SMTP failures are permanent', () => {
  test('a 5xx reply is permanent and keeps the server’s words; 4xx replies and network errors are worth retrying', () => {
    const refused = Object.assign(new Error('Can’t send mail - all recipients were rejected'), { responseCode: 550, response: '550 5.1.1 No such user' })
    expect(permanentRejection(refused)).toBe('550 5.1.1 No such user')
    expect(permanentRejection(Object.assign(new Error('Mailbox full'), { responseCode: 552 }))).toBe('552 Mailbox full')
    expect(permanentRejection(Object.assign(new Error('Try later'), { responseCode: 451, response: '451 Try later' }))).toBeNull()
    expect(permanentRejection(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBeNull()
    expect(permanentRejection(undefined)).toBeNull()
  })
})
