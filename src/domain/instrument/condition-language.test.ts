import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { evaluateCondition } from './condition-evaluate'
import { formatCondition, parseCondition, type Condition } from './condition-language'
import type { Answer } from './instrument-answers'

const parsed = (source: string) => {
  const result = parseCondition(source)
  if (!result.ok) throw new Error(result.message)
  return result.condition
}

describe('parsing', () => {
  test('reads comparisons, lists, has, answered, not, and/or with and binding tighter', () => {
    expect(parsed("a.x = yes or a.y >= 3 and not a.z in ['p', 'q']")).toEqual({
      op: 'or',
      left: { op: 'compare', cmp: '=', item: 'a.x', value: true },
      right: {
        op: 'and',
        left: { op: 'compare', cmp: '>=', item: 'a.y', value: 3 },
        right: { op: 'not', operand: { op: 'in', item: 'a.z', values: ['p', 'q'] } },
      },
    })
    expect(parsed("a.m has 'fqhc'")).toEqual({ op: 'has', item: 'a.m', value: 'fqhc' })
    expect(parsed('a.t is not answered')).toEqual({ op: 'not', operand: { op: 'answered', item: 'a.t' } })
    expect(parsed('(a.n < -2.5)')).toEqual({ op: 'compare', cmp: '<', item: 'a.n', value: -2.5 })
  })

  test.each([
    ['a.x = ', 'expected a value', 7],
    ['a.x = maybe', '"maybe" is not a value: put text in quotes', 7],
    ['maybe = 1', '"maybe" is not an item id', 1],
    ['a.x yes', 'expected =, !=, <, <=, >, >=, in, has or is after a.x', 5],
    ["a.x = 'open", 'a quoted text is not closed', 7],
    ['a.x = 1 a.y = 2', 'expected and, or or the end', 9],
    ['(a.x = 1', 'expected ")"', 9],
    ['a.x = 1 && a.y = 2', 'unexpected character "&"', 9],
    ['a.x in [1, 2', 'expected "]"', 13],
    ['a.x is maybe', 'expected "answered"', 8],
    ['= 3', 'expected an item id', 1],
  ])('"%s" is refused: %s (column %i)', (source, message, column) => {
    const result = parseCondition(source)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message).toContain(message)
      expect(result.column).toBe(column)
    }
  })

  test('very long or deeply nested conditions are refused, not run', () => {
    expect(parseCondition(`a.x = '${'y'.repeat(600)}'`).ok).toBe(false)
    expect(parseCondition(`${'not '.repeat(50)}a.x = yes`).ok).toBe(false)
  })

  test('any text either parses or comes back with a message; the parser never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (source) => {
        expect(typeof parseCondition(source).ok).toBe('boolean')
      }),
    )
  })
})

const itemId = fc.constantFrom('a.x', 'a.y', 'b.z-1')
const literal = fc.oneof(fc.boolean(), fc.integer({ min: -1000, max: 1000 }), fc.stringMatching(/^[a-z0-9 -]{0,8}$/))
const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ c: Condition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ op: fc.constant('compare' as const), cmp: fc.constantFrom('=', '!=', '<', '<=', '>', '>=' as const), item: itemId, value: literal }),
    fc.record({ op: fc.constant('in' as const), item: itemId, values: fc.array(literal, { minLength: 1, maxLength: 3 }) }),
    fc.record({ op: fc.constant('has' as const), item: itemId, value: literal }),
    fc.record({ op: fc.constant('answered' as const), item: itemId }),
    fc.record({ op: fc.constant('not' as const), operand: tie('c') }),
    fc.record({ op: fc.constantFrom('and', 'or' as const), left: tie('c'), right: tie('c') }),
  ),
})).c
const answerArb: fc.Arbitrary<Answer | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.boolean(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.stringMatching(/^[a-z0-9 -]{0,8}$/),
  fc.array(fc.stringMatching(/^[a-z]{0,3}$/), { maxLength: 3 }),
  fc.constant({ escape: 'dont-know' as const }),
)
const answersArb = fc.record({ 'a.x': answerArb, 'a.y': answerArb, 'b.z-1': answerArb })

describe('evaluating', () => {
  test('formatting a condition and reading it back gives the same condition', () => {
    fc.assert(
      fc.property(conditionArb, (condition) => {
        expect(parsed(formatCondition(condition))).toEqual(condition)
      }),
    )
  })

  test('and, or and not behave as the boolean operators they name', () => {
    fc.assert(
      fc.property(conditionArb, conditionArb, answersArb, (a, b, answers) => {
        const of = (id: string) => answers[id as keyof typeof answers]
        const [x, y] = [evaluateCondition(a, of), evaluateCondition(b, of)]
        expect(evaluateCondition({ op: 'and', left: a, right: b }, of)).toBe(x && y)
        expect(evaluateCondition({ op: 'or', left: a, right: b }, of)).toBe(x || y)
        expect(evaluateCondition({ op: 'not', operand: a }, of)).toBe(!x)
      }),
    )
  })

  test('a test on an unanswered item or a "Don’t know" is false, so follow-ups stay hidden', () => {
    fc.assert(
      fc.property(conditionArb.filter((c) => c.op === 'compare' || c.op === 'in' || c.op === 'has'), (condition) => {
        expect(evaluateCondition(condition, () => undefined)).toBe(false)
        expect(evaluateCondition(condition, () => ({ escape: 'dont-know' }))).toBe(false)
      }),
    )
  })

  test('comparisons read yes/no, numbers, choices and ticked options', () => {
    const answers: Record<string, Answer> = { 'a.yes': true, 'a.n': 12, 'a.choice': 'required', 'a.many': ['fqhc', 'rural'] }
    const is = (source: string) => evaluateCondition(parsed(source), (id) => answers[id])
    expect(is('a.yes = yes')).toBe(true)
    expect(is('a.yes = no')).toBe(false)
    expect(is('a.n > 10 and a.n <= 12')).toBe(true)
    expect(is("a.n = '12'")).toBe(false) // a number is never equal to text
    expect(is("a.choice in ['elective', 'required']")).toBe(true)
    expect(is("a.choice != 'none'")).toBe(true)
    expect(is("a.many has 'rural'")).toBe(true)
    expect(is("a.many has 'tribal'")).toBe(false)
    expect(is('a.missing is answered')).toBe(false)
    expect(is('a.missing is not answered')).toBe(true)
  })
})
