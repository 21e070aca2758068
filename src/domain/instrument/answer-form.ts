import type { Answer } from './instrument-answers'
import type { ItemKind } from './instrument-model'

// How an answer travels in an HTML form, read the same way by the server and by the browser's preview script.
// Deliberately free of zod so the client bundle stays small. Field names:
//   <item id>            the value (radios, checkboxes, number or text input)
//   <item id>.escape     "dont-know" / "not-applicable" for kinds whose value is not a radio group
//   <item id>.<row>.<column>   one cell of a table
// Radio kinds (yes-no, single choice, likert) carry the escapes as extra radios with the same values.

export type FormItem = { id: string; kind: ItemKind; cells?: readonly string[] }
export type FieldReader = (name: string) => readonly string[]
export type FormAnswer = { ok: true; answer: Answer | undefined } | { ok: false; message: string }

const ESCAPES = ['dont-know', 'not-applicable'] as const

/** Reads one item's answer from form fields; blank is `undefined`. Range rules are checked later by `validateAnswer`. */
export function answerFromForm(item: FormItem, field: FieldReader): FormAnswer {
  const values = field(item.id).map((v) => v.trim()).filter((v) => v !== '')
  const escapes = [...values, ...field(`${item.id}.escape`)].filter((v): v is (typeof ESCAPES)[number] => (ESCAPES as readonly string[]).includes(v))
  if (escapes.length > 1) return { ok: false, message: 'Choose either “Don’t know” or “Not applicable”, not both.' }
  if (escapes.length === 1) {
    const others = values.filter((v) => v !== escapes[0])
    if (others.length > 0 || (item.cells ?? []).some((cell) => (field(`${item.id}.${cell}`)[0] ?? '').trim() !== '')) {
      return { ok: false, message: `Give an answer or tick “${escapes[0] === 'dont-know' ? 'Don’t know' : 'Not applicable'}”, not both.` }
    }
    return { ok: true, answer: { escape: escapes[0]! } }
  }
  const first = values[0]
  switch (item.kind) {
    case 'yes-no':
      if (first === undefined) return { ok: true, answer: undefined }
      return first === 'yes' || first === 'no' ? { ok: true, answer: first === 'yes' } : { ok: false, message: 'Choose yes or no.' }
    case 'single-choice':
    case 'free-text':
      return { ok: true, answer: first }
    case 'multiple-choice':
      return { ok: true, answer: values.length === 0 ? undefined : values }
    case 'number':
    case 'likert':
      return first === undefined ? { ok: true, answer: undefined } : readNumber(first)
    case 'table': {
      const answer: Record<string, number> = {}
      for (const cell of item.cells ?? []) {
        const raw = (field(`${item.id}.${cell}`)[0] ?? '').trim()
        if (raw === '') continue
        const read = readNumber(raw)
        if (!read.ok) return read
        answer[cell] = read.answer as number
      }
      return { ok: true, answer: Object.keys(answer).length === 0 ? undefined : answer }
    }
  }
}

function readNumber(raw: string): FormAnswer {
  // People type "1,250" and "45%"; both mean what they look like.
  const cleaned = raw.replace(/,/g, '').replace(/%$/, '').trim()
  const n = /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN
  return Number.isFinite(n) ? { ok: true, answer: n } : { ok: false, message: 'Enter a number, e.g. 42.' }
}
