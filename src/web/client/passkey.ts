// Completes a passkey form (views/auth/passkey-form.tsx): asks the browser for a new passkey or for one of the
// person's passkeys with the server's options, then sends the answer with the form. The server verifies it;
// this script only carries it. Loaded on the passkey pages alone, never on the questionnaire.
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser'

const NOT_SUPPORTED = 'This browser cannot use passkeys. Try an up-to-date browser such as Chrome, Edge, Firefox or Safari.'
const CANCELLED = 'The passkey was not used: the request was cancelled or timed out. Press the button to try again.'

function complete(form: HTMLFormElement) {
  const problem = form.querySelector<HTMLElement>('[data-passkey-problem]')
  const answer = form.querySelector<HTMLInputElement>('input[name="response"]')
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
  const say = (text: string) => {
    if (!problem) return
    problem.textContent = text
    problem.hidden = false
  }
  form.addEventListener('submit', async (event) => {
    if (answer?.value) return // the answer is in: let the form go
    event.preventDefault()
    if (!browserSupportsWebAuthn()) return say(NOT_SUPPORTED)
    if (button) button.disabled = true
    try {
      const optionsJSON = JSON.parse(form.dataset.options ?? '{}')
      const result = form.dataset.passkey === 'register' ? await startRegistration({ optionsJSON }) : await startAuthentication({ optionsJSON })
      if (answer) answer.value = JSON.stringify(result)
      form.requestSubmit()
    } catch (error) {
      say(error instanceof Error && error.name !== 'NotAllowedError' && error.name !== 'AbortError' ? `The passkey was not used: ${error.message}` : CANCELLED)
    } finally {
      if (button) button.disabled = false
    }
  })
}

document.querySelectorAll<HTMLFormElement>('form[data-passkey]').forEach(complete)
if (!browserSupportsWebAuthn()) document.querySelectorAll<HTMLElement>('form[data-passkey] [data-passkey-problem]').forEach((p) => ((p.textContent = NOT_SUPPORTED), (p.hidden = false)))
