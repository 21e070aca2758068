// The skip-logic language: a small expression read by a hand-written parser (never `eval`), so an instrument file
// can say when a question shows without being able to run code. Examples:
//   pathway-programs.has-programs = yes
//   holistic-admissions.aid-share >= 25 and not (holistic-admissions.aid-policy = 'none')
//   service-learning.format in ['required', 'elective']
//   community-partnerships.kinds has 'fqhc'
//   graduate-outcomes.tracking is answered
// The left side of every test is an item id (area id, a dot, a slug); the right side is a literal.

export type Literal = boolean | number | string
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>='
export type Condition =
  | { op: 'and' | 'or'; left: Condition; right: Condition }
  | { op: 'not'; operand: Condition }
  | { op: 'compare'; cmp: CompareOp; item: string; value: Literal }
  | { op: 'in'; item: string; values: Literal[] }
  | { op: 'has'; item: string; value: Literal }
  | { op: 'answered'; item: string }

export type ParseResult = { ok: true; condition: Condition } | { ok: false; message: string; column: number }

export const MAX_CONDITION_LENGTH = 500
const MAX_DEPTH = 20

type Token =
  | { type: 'item'; text: string; at: number }
  | { type: 'word'; text: string; at: number }
  | { type: 'number'; value: number; at: number }
  | { type: 'string'; value: string; at: number }
  | { type: 'punct'; text: string; at: number }
  | { type: 'end'; at: number }

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'has', 'is', 'answered', 'yes', 'no'])
const COMPARE_OPS: readonly string[] = ['<=', '>=', '!=', '=', '<', '>']

class ConditionSyntaxError extends Error {
  constructor(message: string, readonly at: number) {
    super(message)
  }
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  let i = 0
  while (i < source.length) {
    const rest = source.slice(i)
    const space = /^\s+/.exec(rest)
    if (space) {
      i += space[0].length
      continue
    }
    const op = COMPARE_OPS.find((o) => rest.startsWith(o))
    if (op) {
      tokens.push({ type: 'punct', text: op, at: i })
      i += op.length
      continue
    }
    if ('()[],'.includes(rest[0]!)) {
      tokens.push({ type: 'punct', text: rest[0]!, at: i })
      i += 1
      continue
    }
    const number = /^-?\d+(\.\d+)?/.exec(rest)
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]), at: i })
      i += number[0].length
      continue
    }
    const quote = rest[0]
    if (quote === "'" || quote === '"') {
      const end = rest.indexOf(quote, 1)
      if (end < 0) throw new ConditionSyntaxError('a quoted text is not closed', i)
      tokens.push({ type: 'string', value: rest.slice(1, end), at: i })
      i += end + 1
      continue
    }
    const word = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?/.exec(rest)
    if (word) {
      tokens.push({ type: word[1] ? 'item' : 'word', text: word[0], at: i })
      i += word[0].length
      continue
    }
    throw new ConditionSyntaxError(`unexpected character "${rest[0]}"`, i)
  }
  tokens.push({ type: 'end', at: source.length })
  return tokens
}

const describe = (t: Token) =>
  t.type === 'end' ? 'the end' : t.type === 'number' ? String(t.value) : t.type === 'string' ? `'${t.value}'` : `"${t.text}"`

function parser(tokens: Token[]) {
  let pos = 0
  const peek = () => tokens[pos]!
  const next = () => tokens[pos++]!
  const isWord = (t: Token, text: string) => t.type === 'word' && t.text === text
  const isPunct = (t: Token, text: string) => t.type === 'punct' && t.text === text
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new ConditionSyntaxError(`expected ${what} but found ${describe(peek())}`, peek().at)
  }

  function literal(): Literal {
    const t = next()
    if (t.type === 'number' || t.type === 'string') return t.value
    if (isWord(t, 'yes')) return true
    if (isWord(t, 'no')) return false
    if (t.type === 'word' && !KEYWORDS.has(t.text)) throw new ConditionSyntaxError(`"${t.text}" is not a value: put text in quotes, e.g. '${t.text}'`, t.at)
    throw new ConditionSyntaxError(`expected a value (a number, 'quoted text', yes or no) but found ${describe(t)}`, t.at)
  }

  function test(): Condition {
    const t = next()
    if (t.type === 'word' && !KEYWORDS.has(t.text)) {
      throw new ConditionSyntaxError(`"${t.text}" is not an item id (ids look like area.slug) nor a keyword; put text in quotes`, t.at)
    }
    if (t.type !== 'item') throw new ConditionSyntaxError(`expected an item id but found ${describe(t)}`, t.at)
    const item = t.text
    const o = peek()
    if (o.type === 'punct' && COMPARE_OPS.includes(o.text)) {
      next()
      return { op: 'compare', cmp: o.text as CompareOp, item, value: literal() }
    }
    if (isWord(o, 'in')) {
      next()
      expect(isPunct(peek(), '['), '"["')
      next()
      const values = [literal()]
      while (isPunct(peek(), ',')) {
        next()
        values.push(literal())
      }
      expect(isPunct(peek(), ']'), '"]"')
      next()
      return { op: 'in', item, values }
    }
    if (isWord(o, 'has')) {
      next()
      return { op: 'has', item, value: literal() }
    }
    if (isWord(o, 'is')) {
      next()
      const negated = isWord(peek(), 'not')
      if (negated) next()
      expect(isWord(peek(), 'answered'), '"answered"')
      next()
      const answered: Condition = { op: 'answered', item }
      return negated ? { op: 'not', operand: answered } : answered
    }
    throw new ConditionSyntaxError(`expected =, !=, <, <=, >, >=, in, has or is after ${item} but found ${describe(o)}`, o.at)
  }

  function unary(depth: number): Condition {
    if (depth > MAX_DEPTH) throw new ConditionSyntaxError('the condition is nested too deeply', peek().at)
    if (isWord(peek(), 'not')) {
      next()
      return { op: 'not', operand: unary(depth + 1) }
    }
    if (isPunct(peek(), '(')) {
      next()
      const inner = or(depth + 1)
      expect(isPunct(peek(), ')'), '")"')
      next()
      return inner
    }
    return test()
  }

  function and(depth: number): Condition {
    let left = unary(depth)
    while (isWord(peek(), 'and')) {
      next()
      left = { op: 'and', left, right: unary(depth) }
    }
    return left
  }

  function or(depth: number): Condition {
    let left = and(depth)
    while (isWord(peek(), 'or')) {
      next()
      left = { op: 'or', left, right: and(depth) }
    }
    return left
  }

  return {
    parse(): Condition {
      const condition = or(0)
      expect(peek().type === 'end', 'and, or or the end')
      return condition
    },
  }
}

/** Reads a condition; a mistake comes back with a message and the (1-based) column where it was found. */
export function parseCondition(source: string): ParseResult {
  if (source.length > MAX_CONDITION_LENGTH) return { ok: false, message: `a condition may be at most ${MAX_CONDITION_LENGTH} characters`, column: 1 }
  try {
    return { ok: true, condition: parser(tokenize(source)).parse() }
  } catch (err) {
    if (err instanceof ConditionSyntaxError) return { ok: false, message: err.message, column: err.at + 1 }
    throw err
  }
}

/** Every item id a condition reads. */
export function itemsReadBy(condition: Condition): string[] {
  switch (condition.op) {
    case 'and':
    case 'or':
      return [...itemsReadBy(condition.left), ...itemsReadBy(condition.right)]
    case 'not':
      return itemsReadBy(condition.operand)
    default:
      return [condition.item]
  }
}

/** Writes a condition back as text that parses to the same condition (used by tests and the admin pages). */
export function formatCondition(condition: Condition): string {
  const lit = (v: Literal) => (typeof v === 'boolean' ? (v ? 'yes' : 'no') : typeof v === 'number' ? String(v) : v.includes("'") ? `"${v}"` : `'${v}'`)
  switch (condition.op) {
    case 'and':
    case 'or':
      return `(${formatCondition(condition.left)} ${condition.op} ${formatCondition(condition.right)})`
    case 'not':
      return `not ${formatCondition(condition.operand)}`
    case 'compare':
      return `${condition.item} ${condition.cmp} ${lit(condition.value)}`
    case 'in':
      return `${condition.item} in [${condition.values.map(lit).join(', ')}]`
    case 'has':
      return `${condition.item} has ${lit(condition.value)}`
    case 'answered':
      return `${condition.item} is answered`
  }
}
