import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server'
import type { Actor } from '../../../domain/policy/roles'
import type { YourAccount } from '../../../services/auth/account-passkeys'
import type { FormState } from '../../form'
import { PasskeyForm } from '../auth/passkey-form'
import { NicknameField } from '../auth/passkey-step-pages'
import { ErrorSummary } from '../form-fields'
import { When } from '../format'
import { TableScroll } from '../table-scroll'

type User = Extract<Actor, { kind: 'user' }>

/** "Your account": who you are signed in as and, for program staff, your passkeys. */
export function YourAccountPage({ user, account, form }: { user: User; account: YourAccount; form: FormState }) {
  return (
    <>
      <h1>Your account</h1>
      <ErrorSummary form={form} />
      <dl class="pairs">
        <dt>Name</dt>
        <dd>{user.name ?? 'Not given'}</dd>
        <dt>E-mail</dt>
        <dd>{user.email}</dd>
      </dl>
      <section aria-labelledby="passkeys-title">
        <h2 id="passkeys-title">Passkeys</h2>
        {account.mayAddPasskeys ? (
          <p>
            You see every school’s data, so protect your account with a passkey: after the e-mailed link, you confirm with your fingerprint,
            face, screen lock or security key. {account.required ? 'The program requires one for program staff.' : 'Once you add one, every sign-in asks for it.'}
          </p>
        ) : (
          <p>You sign in with the e-mailed link alone. Passkeys are a second step for the program team.</p>
        )}
        {account.passkeys.length === 0 ? (
          account.mayAddPasskeys && <p>You have no passkey yet.</p>
        ) : (
          <TableScroll label="Your passkeys">
            <table>
              <caption>Your passkeys</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Added</th>
                  <th scope="col">Last used</th>
                  <th scope="col">
                    <span class="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {account.passkeys.map((p) => (
                  <tr>
                    <td>{p.nickname}</td>
                    <td>
                      <When at={p.createdAt} />
                    </td>
                    <td>{p.lastUsedAt ? <When at={p.lastUsedAt} /> : 'Not yet'}</td>
                    <td>
                      <a href={`/account/passkeys/${encodeURIComponent(p.id)}/remove`}>
                        Remove<span class="visually-hidden"> {p.nickname}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {account.mayAddPasskeys && (
          <p>
            <a href="/account/passkeys/new" class="button">
              Add a passkey
            </a>
          </p>
        )}
      </section>
    </>
  )
}

export function NewPasskeyPage({ options, form }: { options: PublicKeyCredentialCreationOptionsJSON; form: FormState }) {
  return (
    <section class="narrow">
      <p>
        <a href="/account">← Your account</a>
      </p>
      <h1>Add a passkey</h1>
      <ErrorSummary form={form} />
      <p>Your device will ask you to confirm, for example with your fingerprint, face, screen lock or security key. Nothing secret leaves your device.</p>
      <PasskeyForm action="/account/passkeys" ceremony="register" options={options} button="Add a passkey">
        <NicknameField form={form} />
      </PasskeyForm>
    </section>
  )
}

export function RemovePasskeyPage({ passkey, form }: { passkey: { id: string; nickname: string; createdAt: Date }; form: FormState }) {
  return (
    <section class="narrow">
      <p>
        <a href="/account">← Your account</a>
      </p>
      <h1>Remove the passkey “{passkey.nickname}”?</h1>
      <ErrorSummary form={form} />
      <p>
        Added <When at={passkey.createdAt} />. Once removed, it no longer signs you in. Remove it if you lost the device or no longer use it.
      </p>
      <form method="post" action={`/account/passkeys/${encodeURIComponent(passkey.id)}/remove`}>
        <button type="submit" class="button button-warning">Remove the passkey</button>
      </form>
      <p>
        <a href="/account">Keep it</a>
      </p>
    </section>
  )
}
