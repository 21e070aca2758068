// Live skip logic for a questionnaire form: shows and hides conditional questions as answers change. The rules
// are the domain's own (one implementation for server and browser); without this script, submitting the form
// gets the same result from the server.
import { answerFromForm, type FormItem } from '../../domain/instrument/answer-form'
import type { Condition } from '../../domain/instrument/condition-language'
import { visibleItemIds } from '../../domain/instrument/condition-visibility'
import type { ItemKind } from '../../domain/instrument/instrument-model'

type Wired = FormItem & { element: HTMLElement; showIf: Condition | undefined }

function wire(form: HTMLFormElement) {
  const items: Wired[] = [...form.querySelectorAll<HTMLElement>('[data-item]')].map((element) => ({
    element,
    id: element.dataset.item!,
    kind: element.dataset.kind as ItemKind,
    cells: element.dataset.cells ? element.dataset.cells.split(' ') : [],
    showIf: element.dataset.showIf ? (JSON.parse(element.dataset.showIf) as Condition) : undefined,
  }))
  const status = form.querySelector<HTMLElement>('[data-visible-count]')
  const update = () => {
    const data = new FormData(form)
    const field = (name: string) => data.getAll(name).filter((v): v is string => typeof v === 'string')
    const answers = new Map(items.map((item) => [item.id, answerFromForm(item, field)]))
    const visible = visibleItemIds(items, (id) => {
      const read = answers.get(id)
      return read?.ok ? read.answer : undefined
    })
    for (const item of items) item.element.hidden = !visible.has(item.id)
    if (status) status.textContent = `${visible.size} of ${items.length} questions shown.`
  }
  form.addEventListener('input', update)
  form.addEventListener('change', update)
  update()
}

document.querySelectorAll<HTMLFormElement>('form[data-skip-logic]').forEach(wire)
