import { itemsReadBy, type Condition, type Literal } from './condition-language'
import type { Item } from './instrument-model'

const kindOfLiteral = (v: Literal) => (typeof v === 'boolean' ? 'yes or no' : typeof v === 'number' ? 'a number' : 'quoted text')

/**
 * Checks a parsed condition against the instrument before anything runs it: every item it reads exists and comes
 * earlier, and every test suits the item's kind (yes/no items compare with yes or no, choice items with their own
 * option ids, numbers with numbers). Returns plain-English problems; none means the condition is sound.
 */
export function checkCondition(condition: Condition, earlier: ReadonlyMap<string, Item>, allIds: ReadonlySet<string>): string[] {
  const problems: string[] = []
  for (const id of new Set(itemsReadBy(condition))) {
    if (earlier.has(id)) continue
    problems.push(allIds.has(id) ? `reads ${id}, which is not an earlier question (a condition may only depend on questions before it)` : `reads ${id}, which is not an item of this instrument`)
  }
  if (problems.length === 0) walk(condition, earlier, problems)
  return problems
}

function walk(c: Condition, items: ReadonlyMap<string, Item>, problems: string[]): void {
  switch (c.op) {
    case 'and':
    case 'or':
      walk(c.left, items, problems)
      walk(c.right, items, problems)
      return
    case 'not':
      walk(c.operand, items, problems)
      return
    case 'answered':
      return
    case 'compare':
    case 'in':
    case 'has': {
      const item = items.get(c.item)!
      const values = c.op === 'in' ? c.values : [c.value]
      const problem = c.op === 'has' ? checkHas(item, values[0]!) : checkValues(item, values, c.op === 'compare' ? c.cmp : '=')
      if (problem) problems.push(`${c.item}: ${problem}`)
    }
  }
}

function checkHas(item: Item, value: Literal): string | undefined {
  if (item.kind !== 'multiple-choice') return `"has" works only on multiple-choice questions; this one is ${item.kind}`
  return optionProblem(item, value)
}

function optionProblem(item: Extract<Item, { options: unknown }>, value: Literal): string | undefined {
  if (typeof value !== 'string') return `compare with one of its option ids in quotes, not ${kindOfLiteral(value)}`
  const ids = item.options.map((o) => o.id)
  return ids.includes(value) ? undefined : `'${value}' is not one of its options (${ids.join(', ')})`
}

function checkValues(item: Item, values: Literal[], cmp: string): string | undefined {
  const ordered = !['=', '!='].includes(cmp)
  for (const value of values) {
    switch (item.kind) {
      case 'yes-no':
        if (typeof value !== 'boolean') return `a yes/no question compares with yes or no, not ${kindOfLiteral(value)}`
        if (ordered) return `a yes/no question takes = or !=, not ${cmp}`
        break
      case 'single-choice': {
        if (ordered) return `a choice question takes =, != or in, not ${cmp}`
        const problem = optionProblem(item, value)
        if (problem) return problem
        break
      }
      case 'number':
      case 'likert':
        if (typeof value !== 'number') return `a ${item.kind === 'likert' ? 'scale' : 'number'} question compares with a number, not ${kindOfLiteral(value)}`
        break
      case 'multiple-choice':
        return `use "has 'option'" with a multiple-choice question`
      case 'free-text':
      case 'table':
        return `a ${item.kind} question can only be tested with "is answered"`
    }
  }
  return undefined
}
