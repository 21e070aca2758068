import type { LinkState } from '../../../domain/auth/sign-in-rules'
import type { FormState } from '../../form'
import { ErrorSummary, TextField } from '../form-fields'

export function SignInPage({ form }: { form: FormState }) {
  return (
    <section class="narrow">
      <h1>Sign in</h1>
      <p>
        We use no passwords. Enter the e-mail address your school or the program team registered, and we will send
        you a link that signs you in.
      </p>
      <ErrorSummary form={form} />
      <form method="post" action="/sign-in" novalidate>
        <TextField name="email" label="E-mail address" type="email" autocomplete="email" required form={form} />
        {form.values.next && <input type="hidden" name="next" value={form.values.next} />}
        <button type="submit" class="button">
          E-mail me a sign-in link
        </button>
      </form>
    </section>
  )
}

export function LinkSentPage() {
  return (
    <section class="narrow">
      <h1>Check your e-mail</h1>
      <p>
        If that address belongs to an account, a sign-in link is on its way. It works once and expires in 15 minutes.
      </p>
      <p>
        No message after a few minutes? Check your spam folder, or <a href="/sign-in">ask for another link</a>.
      </p>
    </section>
  )
}

export function ConfirmSignInPage({ email, token }: { email: string; token: string }) {
  return (
    <section class="narrow">
      <h1>Sign in as {email}</h1>
      <p>Press the button to finish signing in on this device.</p>
      <form method="post" action="/sign-in/link">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="button">
          Sign in
        </button>
      </form>
    </section>
  )
}

const PROBLEMS: Record<Exclude<LinkState, 'valid'>, { title: string; text: string }> = {
  expired: { title: 'This sign-in link has expired', text: 'Links work for 15 minutes. Ask for a new one below.' },
  used: { title: 'This sign-in link was already used', text: 'Each link works once. Ask for a new one below.' },
  unknown: { title: 'This sign-in link is not valid', text: 'It may have been copied incompletely. Ask for a new one below.' },
}

export function LinkProblemPage({ state, email }: { state: Exclude<LinkState, 'valid'>; email?: string | undefined }) {
  const problem = PROBLEMS[state]
  return (
    <section class="narrow">
      <h1>{problem.title}</h1>
      <p>{problem.text}</p>
      <form method="post" action="/sign-in" novalidate>
        <TextField
          name="email"
          label="E-mail address"
          type="email"
          autocomplete="email"
          required
          form={{ values: { email: email ?? '' }, errors: {} }}
        />
        <button type="submit" class="button">
          E-mail me a new link
        </button>
      </form>
    </section>
  )
}
