// The questionnaire with JavaScript: each answer saves itself shortly after it changes, follow-up questions open
// and close live, and progress updates as you go. Without this script the same form saves with one button.
// Rules come from the domain (answer-form, condition-visibility), so the browser and the server agree.
import { answerFromForm, type FormItem } from '../../domain/instrument/answer-form'
import type { Condition } from '../../domain/instrument/condition-language'
import { visibleItemIds } from '../../domain/instrument/condition-visibility'
import type { ItemKind } from '../../domain/instrument/instrument-model'
import { AUTOSAVE_DEBOUNCE_MS } from '../../domain/response/autosave-debounce'
import { autosaveRetryDelay, type SaveReply } from '../../domain/response/autosave-retry'
import { settledItemIds } from '../../domain/response/settled-items'

type Value = unknown
type Entry = FormItem & {
  wrap: HTMLElement
  showIf: Condition | undefined
  base: HTMLInputElement
  status: HTMLElement
  timer?: ReturnType<typeof setTimeout>
  state: 'idle' | 'saving' | 'saved' | 'failed'
  dirty: boolean
  /** Waiting for the person to choose between their answer and a colleague's: retrying would not help. */
  conflict?: boolean
  /** Automatic retries since the last save that went through (domain/response/autosave-retry.ts). */
  retries: number
}

const form = document.querySelector<HTMLFormElement>('form[data-questionnaire]')
// A locked page (submitted, past the deadline, not yours) is read-only: disabled inputs are left out of FormData,
// so live progress would count nothing. The server's numbers stand.
if (form && !form.querySelector('fieldset[disabled]')) wire(form)

function wire(form: HTMLFormElement) {
  const url = form.dataset.saveUrl!
  const pageStatus = form.querySelector<HTMLElement>('[data-page-status]')!
  const group = document.querySelector<HTMLElement>('[data-other-answered]')
  const entries: Entry[] = [...form.querySelectorAll<HTMLElement>('[data-answer]')].map((wrap) => {
    const el = wrap.querySelector<HTMLElement>('[data-item]')!
    return {
      wrap,
      id: wrap.dataset.answer!,
      kind: el.dataset.kind as ItemKind,
      cells: el.dataset.cells ? el.dataset.cells.split(' ') : [],
      showIf: el.dataset.showIf ? (JSON.parse(el.dataset.showIf) as Condition) : undefined,
      base: wrap.querySelector<HTMLInputElement>('[data-base]')!,
      status: wrap.querySelector<HTMLElement>('[data-item-status]')!,
      state: 'idle',
      dirty: false,
      retries: 0,
    }
  })
  const byId = new Map(entries.map((e) => [e.id, e]))
  const field = () => {
    const data = new FormData(form)
    return (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string')
  }

  // The bar counts settled questions (answered, or ruled out by earlier answers) of all on the page, so it never
  // moves back; the text counts the questions that apply, and a follow-up that opens is announced.
  const other = (k: string) => Number(group?.dataset[`other${k}`] ?? 0)
  const followUp = document.querySelector<HTMLElement>('[data-followup]')
  let shown = -1
  const refresh = () => {
    const read = field()
    const answers = new Map(entries.map((e) => [e.id, answerFromForm(e, read)]))
    const answerOf = (id: string) => {
      const a = answers.get(id)
      return a?.ok ? a.answer : undefined
    }
    const visible = visibleItemIds(entries, answerOf)
    let answered = 0
    for (const e of entries) {
      e.wrap.hidden = !visible.has(e.id)
      if (visible.has(e.id) && answerOf(e.id) !== undefined) answered++
    }
    const settled = settledItemIds(entries, visible, (id) => answerOf(id) !== undefined).size
    if (shown >= 0 && visible.size > shown && followUp) {
      const n = visible.size - shown
      followUp.textContent = n === 1 ? 'Your answer opened a follow-up question below.' : `Your answer opened ${n} follow-up questions below.`
    }
    shown = visible.size
    setProgress('area', answered, visible.size, settled, entries.length)
    setProgress('overall', other('Answered') + answered, other('Total') + visible.size, other('Settled') + settled, other('All') + entries.length)
    return { visible, read }
  }

  const announce = () => {
    const states = entries.map((e) => e.state)
    const failed = states.includes('failed')
    const retryable = entries.some((e) => e.state === 'failed' && !e.conflict)
    const text = failed && !retryable ? 'Not saved — choose which answer to keep' : failed ? 'Not saved — ' : 'All changes saved'
    pageStatus.replaceChildren(states.includes('saving') ? 'Saving…' : failed || states.includes('saved') ? text : '')
    if (retryable && !states.includes('saving')) {
      const retry = document.createElement('button')
      retry.type = 'button'
      retry.className = 'link-button'
      retry.textContent = 'retry'
      retry.addEventListener('click', () => entries.filter((e) => e.state === 'failed' && !e.conflict).forEach((e) => void save(e)))
      pageStatus.append(retry)
    }
  }

  const setItem = (e: Entry, state: Entry['state'], text: string, conflict = false) => {
    e.state = state
    e.conflict = conflict
    e.status.textContent = text
    e.status.className = `item-status item-status-${state}`
    announce()
  }

  async function save(e: Entry, override?: { baseVersion: number }) {
    clearTimeout(e.timer) // a pending retry must not send the same answer a second time after this save
    const { visible, read } = refresh()
    if (!visible.has(e.id)) return
    const answer = answerFromForm(e, read)
    if (!answer.ok) return setItem(e, 'failed', `Not saved: ${answer.message}`)
    const confirm = e.wrap.querySelector<HTMLInputElement>('[data-confirm]')
    const value = answer.answer
    const body = {
      itemId: e.id,
      ...(isEscape(value) ? { escape: value.escape } : { value: value ?? null }),
      note: read(`${e.id}.note`)[0] ?? '',
      evidenceUrl: read(`${e.id}.evidence`)[0] ?? '',
      baseVersion: override?.baseVersion ?? Number(e.base.value),
      confirm: confirm?.checked === true,
    }
    e.dirty = false
    setItem(e, 'saving', 'Saving…')
    let reply: SaveReply = 'no-connection'
    let out: { ok?: boolean; version?: number; kind?: string; message?: string; theirs?: { value: Value; version: number; by: string | null } } = {}
    try {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
      reply = { status: res.status, retryAfter: res.headers.get('Retry-After') }
      out = (await res.json().catch(() => ({}))) as typeof out
    } catch {
      // no answer at all: offline, or the server restarting
    }
    if (out.ok && out.version) {
      e.retries = 0
      e.base.value = String(out.version)
      confirm?.closest('.prefilled')?.remove()
      e.wrap.querySelector('[data-conflict]')?.remove()
      return setItem(e, e.dirty ? 'saving' : 'saved', 'Saved')
    }
    if (out.kind === 'conflict' && out.theirs) return showConflict(e, out.theirs)
    const delay = autosaveRetryDelay(reply, e.retries + 1)
    if (delay === null) return setItem(e, 'failed', `Not saved: ${out.message ?? 'please try again.'}`)
    // The answer stays in the form and goes again by itself; an edit meanwhile replaces this timer with its own save.
    e.retries++
    const why = reply === 'no-connection' ? 'no connection.' : (out.message ?? 'the server is busy.')
    setItem(e, 'failed', `Not saved yet: ${why} Trying again in ${Math.ceil(delay / 1000)} s; your answer is kept here.`)
    clearTimeout(e.timer)
    e.timer = setTimeout(() => void save(e), delay)
  }

  function showConflict(e: Entry, theirs: { value: Value; version: number; by: string | null }) {
    e.wrap.querySelector('[data-conflict]')?.remove()
    const box = document.createElement('div')
    box.className = 'conflict'
    box.dataset.conflict = ''
    const p = document.createElement('p')
    p.textContent = `${theirs.by ?? 'A colleague'} changed this answer while you were editing. Their answer: ${describe(e, theirs.value)}. Yours is still in the form.`
    const mine = button('Keep mine', () => void save(e, { baseVersion: theirs.version }))
    const use = button('Use theirs', () => {
      applyValue(e, theirs.value)
      e.base.value = String(theirs.version)
      box.remove()
      refresh()
      setItem(e, 'saved', 'Saved (their answer)')
    })
    box.append(p, mine, ' ', use)
    e.status.before(box)
    setItem(e, 'failed', 'Not saved: choose which answer to keep.', true)
    mine.focus()
  }

  const schedule = (target: EventTarget | null, now: boolean) => {
    const wrap = (target as HTMLElement | null)?.closest<HTMLElement>('[data-answer]')
    const e = wrap ? byId.get(wrap.dataset.answer!) : undefined
    refresh()
    if (!e) return
    e.dirty = true
    clearTimeout(e.timer)
    e.timer = setTimeout(() => void save(e), now ? 0 : AUTOSAVE_DEBOUNCE_MS)
  }
  form.addEventListener('input', (ev) => schedule(ev.target, false))
  form.addEventListener('change', (ev) => schedule(ev.target, (ev.target as HTMLInputElement).type !== 'text'))
  form.addEventListener('focusout', (ev) => {
    const wrap = (ev.target as HTMLElement).closest<HTMLElement>('[data-answer]')
    const e = wrap ? byId.get(wrap.dataset.answer!) : undefined
    if (e?.dirty && e.timer) {
      clearTimeout(e.timer)
      void save(e)
    }
  })
  window.addEventListener('beforeunload', (ev) => {
    if (entries.some((e) => e.dirty || e.state === 'saving' || e.state === 'failed')) ev.preventDefault()
  })
  refresh()
}

function setProgress(which: 'area' | 'overall', answered: number, total: number, settled: number, all: number) {
  const box = document.querySelector<HTMLElement>(`[data-progress="${which}"]`)
  if (!box) return
  box.querySelector('[data-progress-text]')!.textContent = `${answered} of ${total} questions answered`
  const bar = box.querySelector('progress')!
  bar.max = all || 1
  bar.value = all === 0 ? 1 : settled
  bar.setAttribute('aria-label', bar.getAttribute('aria-label')!.replace(/\d+%/, `${all === 0 ? 100 : Math.floor((100 * settled) / all)}%`))
}

const isEscape = (v: unknown): v is { escape: 'dont-know' | 'not-applicable' } => typeof v === 'object' && v !== null && 'escape' in v

function button(label: string, onClick: () => void) {
  const b = document.createElement('button')
  b.type = 'button'
  b.className = 'button button-secondary'
  b.textContent = label
  b.addEventListener('click', onClick)
  return b
}

/** Their value in words: the label of the matching input where there is one. */
function describe(e: Entry, value: Value): string {
  if (value === null || value === undefined) return '(no answer)'
  if (isEscape(value)) return value.escape === 'dont-know' ? 'Don’t know' : 'Not applicable'
  const labelOf = (v: string) => e.wrap.querySelector<HTMLInputElement>(`input[name="${e.id}"][value="${v}"]`)?.parentElement?.textContent?.trim() ?? v
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (Array.isArray(value)) return value.map((v) => labelOf(String(v))).join(', ') || '(none ticked)'
  if (typeof value === 'object') return Object.entries(value).map(([k, n]) => `${k}: ${String(n)}`).join('; ')
  return e.kind === 'single-choice' || e.kind === 'likert' ? labelOf(String(value)) : String(value as string | number)
}

/** Puts a stored answer back into the item's inputs (the inverse of answer-form.ts). */
function applyValue(e: Entry, value: Value) {
  const inputs = [...e.wrap.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-item] input, [data-item] textarea')]
  for (const input of inputs) {
    if (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) input.checked = false
    else input.value = ''
  }
  const set = (name: string, v: string) => {
    for (const input of inputs) {
      if (input.name !== name) continue
      if (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) input.checked = input.value === v || input.checked
      else input.value = v
    }
  }
  if (value === null || value === undefined) return
  const radio = e.kind === 'yes-no' || e.kind === 'single-choice' || e.kind === 'likert'
  if (isEscape(value)) set(radio ? e.id : `${e.id}.escape`, value.escape)
  else if (typeof value === 'boolean') set(e.id, value ? 'yes' : 'no')
  else if (Array.isArray(value)) value.forEach((v) => set(e.id, String(v)))
  else if (typeof value === 'object') Object.entries(value).forEach(([cell, n]) => set(`${e.id}.${cell}`, String(n)))
  else set(e.id, String(value as string | number))
}
