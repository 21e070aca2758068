import { assetPath } from '../../static-assets'
import type { Child } from 'hono/jsx'

/**
 * A form the passkey script completes: on submit it asks the browser for a passkey with the options (the
 * server's challenge), puts the answer in the hidden `response` field and sends the form. Without the script, or
 * in a browser without passkeys, the message below the button says so instead of a silent failure.
 */
export function PasskeyForm(props: {
  action: string
  ceremony: 'register' | 'authenticate'
  options: unknown
  button: string
  hidden?: Record<string, string | undefined>
  children?: Child
}) {
  return (
    <>
      <form method="post" action={props.action} class="narrow" novalidate data-passkey={props.ceremony} data-options={JSON.stringify(props.options)}>
        {props.children}
        <input type="hidden" name="response" value="" />
        {Object.entries(props.hidden ?? {}).map(([name, value]) => value !== undefined && <input type="hidden" name={name} value={value} />)}
        <p class="error-message" data-passkey-problem role="alert" hidden></p>
        <button type="submit" class="button">
          {props.button}
        </button>
        <noscript>
          <p class="error-message">Passkeys need JavaScript: turn it on for this site, or use a browser that supports passkeys.</p>
        </noscript>
      </form>
      <script src={assetPath('passkey.js')} defer></script>
    </>
  )
}
