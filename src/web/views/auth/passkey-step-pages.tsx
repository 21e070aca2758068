import type { StepPage } from '../../../services/auth/passkey-step'
import type { FormState } from '../../form'
import { ErrorSummary, TextField } from '../form-fields'
import { PasskeyForm } from './passkey-form'

/** A passkey's name field, on every page that adds one. */
export const NicknameField = ({ form }: { form: FormState }) => (
  <TextField name="nickname" label="Name for this passkey (optional)" hint="So you can tell your passkeys apart, for example “Work laptop”." form={form} />
)

/** The second step after the e-mailed link: use a passkey, or add a first one when the program requires it. */
export function PasskeyStepPage({ page, email, next, form }: { page: Exclude<StepPage, { step: 'none' }>; email: string; next: string | undefined; form: FormState }) {
  return (
    <section class="narrow">
      {page.step === 'use' ? (
        <>
          <h1>Use your passkey</h1>
          <ErrorSummary form={form} />
          <p>You opened the sign-in link for {email}. Program staff see every school’s data, so your account also asks for your passkey.</p>
          <p>Your device will ask you to confirm, for example with your fingerprint, face, screen lock or security key.</p>
          <PasskeyForm action="/sign-in/passkey" ceremony="authenticate" options={page.options} button="Use my passkey" hidden={{ next }} />
        </>
      ) : (
        <>
          <h1>Add a passkey to continue</h1>
          <ErrorSummary form={form} />
          <p>You opened the sign-in link for {email}. The program requires program staff to add a passkey, because they see every school’s data.</p>
          <p>From now on you will sign in with the e-mailed link and then this passkey. Your device will ask you to confirm, for example with your fingerprint, face, screen lock or security key.</p>
          <PasskeyForm action="/sign-in/passkey/register" ceremony="register" options={page.options} button="Add a passkey" hidden={{ next }}>
            <NicknameField form={form} />
          </PasskeyForm>
        </>
      )}
      <form method="post" action="/sign-out" class="passkey-way-out">
        <button type="submit" class="link-button">Not you, or no passkey with you? Sign out</button>
      </form>
    </section>
  )
}
