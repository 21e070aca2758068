import { renderMail, type MailContent } from './render'

const FOOTER = 'Social Mission Metrics, the self-assessment of health professions schools’ social mission.'

export function signInMail(link: string, minutesValid: number): MailContent {
  return renderMail(
    'Your sign-in link for Social Mission Metrics',
    [
      { paragraph: 'Hello,' },
      { paragraph: `Use the link below to sign in. It works once and expires in ${minutesValid} minutes.` },
      { link: { href: link, label: 'Sign in to Social Mission Metrics' } },
      { paragraph: 'If you did not ask to sign in, you can ignore this message; nobody can sign in without the link.' },
    ],
    FOOTER,
  )
}
