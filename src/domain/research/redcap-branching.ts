import type { CompareOp, Condition, Literal } from '../instrument/condition-language'
import type { Item } from '../instrument/instrument-model'

// The instrument's skip conditions in REDCap's branching-logic syntax, for the REDCap data dictionary. REDCap has
// no `not`, so negations are pushed down to the tests (De Morgan). The instrument reads a test on an unanswered
// item as false; REDCap compares a blank field as text, so tests other than "=" also require the field not to be
// blank, which keeps both readings the same. Tests REDCap cannot say (whether a multiple-choice or table item is
// answered, a value of the wrong type) make the whole condition untranslatable, and the dictionary says so.

export type FieldOf = (itemId: string) => { item: Item; name: string } | undefined
export type BranchingResult = { ok: true; logic: string } | { ok: false; reason: string }

class Untranslatable extends Error {}

export function redcapBranching(condition: Condition, fieldOf: FieldOf): BranchingResult {
  try {
    return { ok: true, logic: translate(condition, fieldOf, false) }
  } catch (error) {
    if (error instanceof Untranslatable) return { ok: false, reason: error.message }
    throw error
  }
}

const NEGATED: Record<CompareOp, CompareOp> = { '=': '!=', '!=': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' }
const quote = (code: string | number) => `'${code}'`

function translate(c: Condition, fieldOf: FieldOf, negated: boolean): string {
  switch (c.op) {
    case 'and':
    case 'or': {
      const joiner = (c.op === 'and') !== negated ? 'and' : 'or'
      return `(${translate(c.left, fieldOf, negated)} ${joiner} ${translate(c.right, fieldOf, negated)})`
    }
    case 'not':
      return translate(c.operand, fieldOf, !negated)
    case 'compare': {
      const { item, name } = field(c.item, fieldOf)
      const cmp = negated ? NEGATED[c.cmp] : c.cmp
      const value = codeFor(item, c.value, cmp)
      const test = `[${name}] ${cmp === '!=' ? '<>' : cmp} ${value}`
      // "=" is false on a blank field already, and its negation "<>" rightly true on one; every other test needs
      // the blank case said: false for the test itself, true for its negation.
      if (c.cmp === '=') return test
      return negated ? `([${name}] = '' or ${test})` : `([${name}] <> '' and ${test})`
    }
    case 'in': {
      const { item, name } = field(c.item, fieldOf)
      const tests = c.values.map((v) => `[${name}] ${negated ? '<>' : '='} ${codeFor(item, v, '=')}`)
      return tests.length === 1 ? tests[0]! : `(${tests.join(negated ? ' and ' : ' or ')})`
    }
    case 'has': {
      const { item, name } = field(c.item, fieldOf)
      if (item.kind !== 'multiple-choice') throw new Untranslatable(`"has" on ${c.item}, which is not a multiple-choice item`)
      const index = item.options.findIndex((o) => o.id === c.value)
      if (index < 0) throw new Untranslatable(`${c.item} has no option ${String(c.value)}`)
      return `[${name}(${index + 1})] = ${quote(negated ? 0 : 1)}`
    }
    case 'answered': {
      const { item, name } = field(c.item, fieldOf)
      if (item.kind === 'multiple-choice' || item.kind === 'table') throw new Untranslatable(`REDCap cannot test whether ${c.item} is answered`)
      return negated ? `[${name}] = ''` : `[${name}] <> ''`
    }
  }
}

function field(itemId: string, fieldOf: FieldOf) {
  const found = fieldOf(itemId)
  if (!found) throw new Untranslatable(`${itemId} is not a field of this dictionary`)
  return found
}

/** The value as the field stores it: yes-no 1/0, a choice by its code 1..n, a scale point 1..5, a number. */
function codeFor(item: Item, value: Literal, cmp: CompareOp): string {
  const equality = cmp === '=' || cmp === '!='
  switch (item.kind) {
    case 'yes-no':
      if (typeof value !== 'boolean' || !equality) break
      return quote(value ? 1 : 0)
    case 'single-choice': {
      const index = item.options.findIndex((o) => o.id === value)
      if (index < 0 || !equality) break
      return quote(index + 1)
    }
    case 'likert':
      if (typeof value !== 'number') break
      return String(value + 1)
    case 'number':
      if (typeof value !== 'number') break
      return String(value)
    default:
      break
  }
  throw new Untranslatable(`REDCap cannot compare ${item.id} (${item.kind}) ${cmp} ${String(value)}`)
}
