import { expect, test } from 'vitest'
import { etagMatches } from './etag'

test('If-None-Match matches by weak comparison, in a list, or with *', () => {
  expect(etagMatches('"abc"', '"abc"')).toBe(true)
  expect(etagMatches('W/"abc"', '"abc"')).toBe(true) // what a client sends back after a compressed response
  expect(etagMatches('"abc"', 'W/"abc"')).toBe(true)
  expect(etagMatches('"x", W/"abc"', '"abc"')).toBe(true)
  expect(etagMatches('*', '"abc"')).toBe(true)
  expect(etagMatches('"abcd"', '"abc"')).toBe(false)
  expect(etagMatches(undefined, '"abc"')).toBe(false)
})
