import type { Condition, Literal } from './condition-language'
import type { Answer } from './instrument-answers'

/**
 * Decides a condition from the answers given so far. One implementation for the server and the browser (the
 * preview's client script bundles this file). A test on an unanswered item, or on one answered "Don't know" /
 * "Not applicable", is false: a follow-up question stays hidden until the answer that opens it is given.
 */
export function evaluateCondition(condition: Condition, answerOf: (itemId: string) => Answer | undefined): boolean {
  switch (condition.op) {
    case 'and':
      return evaluateCondition(condition.left, answerOf) && evaluateCondition(condition.right, answerOf)
    case 'or':
      return evaluateCondition(condition.left, answerOf) || evaluateCondition(condition.right, answerOf)
    case 'not':
      return !evaluateCondition(condition.operand, answerOf)
    case 'answered':
      return answerOf(condition.item) !== undefined
    case 'compare': {
      const value = scalar(answerOf(condition.item))
      if (value === undefined || typeof value !== typeof condition.value) return false
      return compare(value, condition.cmp, condition.value)
    }
    case 'in': {
      const value = scalar(answerOf(condition.item))
      return value !== undefined && condition.values.some((v) => v === value)
    }
    case 'has': {
      const value = answerOf(condition.item)
      return Array.isArray(value) && value.includes(condition.value as string)
    }
  }
}

function scalar(answer: Answer | undefined): Literal | undefined {
  // Escapes ("Don't know", "Not applicable"), lists and tables are never compared as a single value.
  if (typeof answer === 'boolean' || typeof answer === 'number' || typeof answer === 'string') return answer
  return undefined
}

function compare(a: Literal, cmp: '=' | '!=' | '<' | '<=' | '>' | '>=', b: Literal): boolean {
  switch (cmp) {
    case '=':
      return a === b
    case '!=':
      return a !== b
    case '<':
      return a < b
    case '<=':
      return a <= b
    case '>':
      return a > b
    case '>=':
      return a >= b
  }
}
