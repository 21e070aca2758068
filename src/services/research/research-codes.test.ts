import { describe, expect, test } from 'vitest'
import { ANSWER_MISSING_CODES } from '../../domain/research/answer-codes'
import { MISSING_CODES } from './formats'

describe('answer codes', () => {
  test('the rows and the file writers mean the same by each missing code', () => {
    expect(ANSWER_MISSING_CODES).toEqual(MISSING_CODES)
  })
})
