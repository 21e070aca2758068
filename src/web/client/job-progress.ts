// Live progress of a long background job (sending invitations, scoring): polls the job's JSON status and updates
// the bar, the count and, once, the message when it finishes or fails. Without this script the panel offers a
// link that reloads the page, which shows the same figures.

type Status = { status: 'none' | 'running' | 'done' | 'failed'; done: number; total: number; error: string | null }

const POLL_MS = 1500

function watch(panel: HTMLElement) {
  const url = panel.dataset.jobProgress
  if (!url || panel.dataset.status !== 'running') return
  const bar = panel.querySelector('progress')
  const count = panel.querySelector<HTMLElement>('[data-job-count]')
  const heading = panel.querySelector<HTMLElement>('[data-job-heading]')
  const message = panel.querySelector<HTMLElement>('[data-job-message]')
  const refresh = panel.querySelector<HTMLElement>('[data-job-refresh]')
  const noun = panel.dataset.noun ?? 'done'
  const show = (s: Status) => {
    if (bar) {
      bar.max = Math.max(s.total, 1)
      bar.value = s.done
      bar.textContent = `${s.done} of ${s.total}`
    }
    if (count) count.textContent = `${s.done} of ${s.total} ${noun}`
  }
  const finish = (s: Status) => {
    panel.dataset.status = s.status
    if (heading) heading.textContent = (s.status === 'done' ? panel.dataset.doneHeading : panel.dataset.failedHeading) ?? heading.textContent
    if (message) message.textContent = s.status === 'done' ? (panel.dataset.doneText ?? 'Finished.') : `It stopped: ${s.error ?? 'an unknown error'}. It will be retried.`
    if (refresh) {
      refresh.hidden = false
      refresh.textContent = 'Reload the page to see the results'
    }
    if (s.status === 'failed') panel.classList.add('notice-warning')
    for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-job-button]')) button.disabled = false
    if (s.status !== 'done') return
    // A step that waited for the job (e.g. "Close the cycle" while invitations were sent) becomes its link again.
    for (const waiting of document.querySelectorAll<HTMLElement>('[data-job-link]')) {
      const link = document.createElement('a')
      link.className = 'button'
      link.href = waiting.dataset.jobLink!
      link.textContent = waiting.textContent
      waiting.replaceWith(link)
    }
  }
  const poll = async () => {
    try {
      const res = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      if (res.ok) {
        const s = (await res.json()) as Status
        show(s)
        if (s.status === 'done' || s.status === 'failed') return finish(s)
      }
    } catch {
      // a dropped request is tried again at the next tick
    }
    setTimeout(poll, POLL_MS)
  }
  if (refresh) refresh.hidden = true // the script keeps the page current
  setTimeout(poll, POLL_MS)
}

for (const panel of document.querySelectorAll<HTMLElement>('[data-job-progress]')) watch(panel)
