import { z } from 'zod'
import { INBOX_LIMITS } from '../../../domain/inbox/inbox-rules'
import type { Messages } from '../../i18n/messages'

// The public forms' rules, with their messages in the visitor's language. Text is stored as typed and always
// shown escaped; tag-like text is refused anyway so a nomination never carries markup into an admin's mail.
const TAG_LIKE = /<\s*[a-z!/?]/i

const text = (m: Messages, field: keyof Messages['fieldNames'], max: number) =>
  z
    .string(m.errors.required(m.fieldNames[field]))
    .trim()
    .min(1, m.errors.required(m.fieldNames[field]))
    .max(max, m.errors.tooLong(max))
    .refine((v) => !TAG_LIKE.test(v), m.errors.noMarkup)

const email = (m: Messages) => z.string(m.errors.email).trim().max(INBOX_LIMITS.email, m.errors.tooLong(INBOX_LIMITS.email)).pipe(z.email(m.errors.email))
const honeypot = z.string().max(1_000).optional().default('')

export const nominationForm = (m: Messages) =>
  z.object({
    nomineeName: text(m, 'nomineeName', INBOX_LIMITS.name),
    nomineeRole: text(m, 'nomineeRole', INBOX_LIMITS.role),
    nomineeInstitution: text(m, 'nomineeInstitution', INBOX_LIMITS.institution),
    achievements: text(m, 'achievements', INBOX_LIMITS.message),
    nominatorName: text(m, 'nominatorName', INBOX_LIMITS.name),
    nominatorEmail: email(m),
    consent: z.string().max(10).optional(), // a checkbox: 'on' when ticked, absent otherwise
    website: honeypot,
  })

export const contactForm = (m: Messages) =>
  z.object({
    topic: z.enum(['badge-inquiry', 'general-contact'], m.errors.topic),
    name: text(m, 'name', INBOX_LIMITS.name),
    email: email(m),
    subject: text(m, 'subject', INBOX_LIMITS.subject),
    message: text(m, 'message', INBOX_LIMITS.message),
    website: honeypot,
  })
