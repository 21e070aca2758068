import { describe, expect, test } from 'vitest'
import { messageIdFor, permanentRejection } from './transport'

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

describe('the Message-ID of a stored message', () => {
  test('is the same on every attempt, names the stored message, and takes the sender’s domain', () => {
    const id = '0b9e6c1e-3f7a-4f0c-9a53-5d2f3c1b7e10'
    expect(messageIdFor(id, 'Social Mission Metrics <no-reply@smm.example.org>')).toBe(`<${id}@smm.example.org>`)
    expect(messageIdFor(id, 'no-reply@smm.example.org')).toBe(`<${id}@smm.example.org>`)
    expect(messageIdFor(id, 'no address at all')).toBe(`<${id}@social-mission-metrics.invalid>`)
  })
})
