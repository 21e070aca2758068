import { expect, test } from 'vitest'
import { devMailboxEnabled, loadConfig, webProcessCount } from './config'

test('a laptop needs no configuration: PGlite in ./data on 127.0.0.1:3000 with demo data', () => {
  const config = loadConfig({})
  expect(config).toMatchObject({ port: 3000, dataDir: './data', databaseUrl: undefined, seedDemo: true })
  expect(config.baseUrl).toBe('http://127.0.0.1:3000')
  expect(devMailboxEnabled(config)).toBe(true)
})

test('production never seeds demo data and never shows the dev mailbox', () => {
  const config = loadConfig({ NODE_ENV: 'production' })
  expect(config.seedDemo).toBe(false)
  expect(devMailboxEnabled(config)).toBe(false)
})

test('with a real SMTP server there is no dev mailbox', () => {
  expect(devMailboxEnabled(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }))).toBe(false)
})

test('each bad variable is named in the error', () => {
  expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/)
})

test('an empty variable counts as unset', () => {
  expect(loadConfig({ DATABASE_URL: '', PORT: '' }).databaseUrl).toBeUndefined()
})

test('replies go to the contact address unless MAIL_REPLY_TO names another', () => {
  expect(loadConfig({ CONTACT_EMAIL: 'team@smm.test' }).mailReplyTo).toBe('team@smm.test')
  expect(loadConfig({ CONTACT_EMAIL: 'team@smm.test', MAIL_REPLY_TO: 'replies@smm.test' }).mailReplyTo).toBe('replies@smm.test')
  expect(() => loadConfig({ MAIL_REPLY_TO: 'not an address' })).toThrow(/MAIL_REPLY_TO/)
})

test('card payments need both Stripe keys; the invoice address keeps its lines', () => {
  expect(loadConfig({}).stripe).toBeNull()
  expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc' }).stripe).toBeNull()
  expect(loadConfig({ STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_xyz' }).stripe).toEqual({ secretKey: 'sk_test_abc', webhookSecret: 'whsec_xyz' })
  expect(() => loadConfig({ STRIPE_SECRET_KEY: 'pk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_xyz' })).toThrow(/STRIPE_SECRET_KEY/)
  expect(loadConfig({ PROGRAM_POSTAL_ADDRESS: 'Program\\n1 Main St' }).programPostalAddress).toBe('Program\n1 Main St')
})

test('web processes: one per core in production on PostgreSQL, WEB_CONCURRENCY when set, and always one on PGlite', () => {
  const pg = 'postgres://db.internal/smm'
  expect(webProcessCount(loadConfig({ NODE_ENV: 'production', DATABASE_URL: pg }), 4)).toEqual({ count: 4 })
  expect(webProcessCount(loadConfig({ DATABASE_URL: pg }), 4)).toEqual({ count: 1 })
  expect(webProcessCount(loadConfig({ NODE_ENV: 'production', DATABASE_URL: pg, WEB_CONCURRENCY: '3' }), 4)).toEqual({ count: 3 })
  expect(webProcessCount(loadConfig({ NODE_ENV: 'production' }), 4)).toEqual({ count: 1 })
  expect(webProcessCount(loadConfig({ WEB_CONCURRENCY: '2' }), 4)).toEqual({ count: 1, note: expect.stringContaining('PGlite') })
  expect(() => loadConfig({ WEB_CONCURRENCY: '0' })).toThrow(/WEB_CONCURRENCY/)
})
