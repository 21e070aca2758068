/**
 * The audit log in words a person reads: "Jane Doe viewed the report of Example University". The rows keep their
 * machine names (`report.viewed`); only the view translates them. An action without a phrase here still reads
 * sensibly ("… recorded report.something for …"), so a new action never breaks the page.
 */

export type AuditFacts = {
  action: string
  actorName: string | null
  actorEmail: string | null
  schoolName: string | null
  cycleTitle: string | null
  subject: string | null
  details: Record<string, unknown>
}

/** Who did it: the person's name, else their address, else the part of the system that acted. */
export function auditActor(e: Pick<AuditFacts, 'actorName' | 'actorEmail'>): string {
  if (e.actorName) return e.actorName
  if (!e.actorEmail) return 'Someone not signed in'
  // An invitee who answered through their personal link has no account yet: name them by the address it went to.
  if (e.actorEmail.startsWith('system:invitation:')) return e.actorEmail.slice('system:invitation:'.length)
  if (e.actorEmail === 'system:demo') return 'The demo data'
  if (e.actorEmail.startsWith('system:')) return `The system (${e.actorEmail.slice('system:'.length)})`
  return e.actorEmail
}

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null)

/** What was done, as the rest of the sentence after the actor's name. */
export function auditPhrase(e: AuditFacts): string {
  const school = e.schoolName ?? 'a school'
  const cycle = e.cycleTitle ? `the cycle “${e.cycleTitle}”` : 'a cycle'
  const d = e.details
  switch (e.action) {
    case 'auth.signed-in': return 'signed in'
    case 'auth.signed-out': return 'signed out'
    case 'account.program-role-removed': return `removed ${e.subject ?? 'someone'} from the program team`
    case 'account.disabled': return `disabled the account of ${e.subject ?? 'someone'}${str(d['reason']) ? `: “${str(d['reason'])}”` : ''}`
    case 'account.enabled': return `enabled the account of ${e.subject ?? 'someone'} again`
    case 'account.signed-out-everywhere': return `signed ${e.subject ?? 'someone'} out everywhere`
    case 'account.program-role-granted': return `made ${e.subject ?? 'someone'} ${str(d['role']) ?? 'a member'} of the program team`
    case 'account.passkeys-removed': return `removed the passkeys of ${e.subject ?? 'someone'}`
    case 'passkey.added': return `added the passkey “${str(d['passkey']) ?? 'unnamed'}”`
    case 'passkey.removed': return `removed the passkey “${str(d['passkey']) ?? 'unnamed'}”`
    case 'passkey.used': return `finished signing in with the passkey “${str(d['passkey']) ?? 'unnamed'}”`
    case 'passkey.failed': return `was refused a passkey (${str(d['reason']) ?? 'not verified'})`
    case 'passkeys.required': return 'required passkeys for program roles'
    case 'passkeys.not-required': return 'stopped requiring passkeys for program roles'
    case 'report.viewed': return `viewed the report of ${school}${d['format'] === 'pdf' ? ' (PDF)' : ''}`
    case 'report.denied': return `was refused the report of ${school}`
    case 'report.released': return `released the report of ${school}`
    case 'response.viewed': return `opened the response of ${school}`
    case 'response.submitted': return `certified and submitted the response of ${school}`
    case 'response.reopened': return `reopened the response of ${school}${str(d['reason']) ? `: “${str(d['reason'])}”` : ''}`
    case 'badge.offer-saved': return `saved the badge offer of ${str(d['cycle']) ? `the cycle “${str(d['cycle'])}”` : cycle}`
    case 'badge.ordered': return `ordered the badge of ${school}${d['method'] === 'card' ? ', to pay by card' : d['method'] === 'invoice' ? ', to pay by invoice' : ''}`
    case 'badge.invoice-downloaded': return `downloaded the badge invoice of ${school}`
    case 'badge.order-marked-paid': return `marked the badge invoice of ${school} paid${str(d['reference']) ? ` (reference ${str(d['reference'])})` : ''}`
    case 'badge.order-waived': return `waived the badge fee of ${school}${str(d['reason']) ? `: “${str(d['reason'])}”` : ''}`
    case 'badge.order-paid-by-card': return `received the card payment for the badge of ${school}${str(d['reference']) ? ` (${str(d['reference'])})` : ''}`
    case 'badge.card-payment-after-settlement': return `received a card payment for the badge of ${school} after it was already ${str(d['status']) ?? 'settled'}: refund it (${str(d['reference']) ?? 'see Stripe'})`
    case 'badge.orders-exported': return `downloaded the badge orders (${str(d['status']) ?? 'all'}, ${str(d['rows']) ?? 'some'} rows) as CSV`
    case 'response.paper-submitted': return `submitted the paper return of ${school}, signed by ${str(d['certifiedBy']) ?? 'its dean'}${str(d['signedOn']) ? ` on ${str(d['signedOn'])}` : ''}`
    case 'response.paper-entry-started': return `began typing in the paper answers of ${school}`
    case 'response.carried-forward': return `carried forward ${str(d['written']) ?? 'earlier'} answers into the response of ${school}`
    case 'action-plan.saved': return `saved the action plan of ${school}`
    case 'team.viewed': return `looked at the team of ${school}`
    case 'school.timeline-viewed': return `looked at the timeline of ${school}`
    case 'team.invitation-cancelled': return `withdrew the team invitation of ${str(d['email']) ?? 'a colleague'} to ${school}`
    case 'team.invitation-accepted': return `joined the team of ${school} as ${str(d['role']) ?? 'a member'}`
    case 'team.member-invited': return `invited ${str(d['email']) ?? 'a colleague'} to the team of ${school}`
    case 'team.role-changed': return `changed a team member’s role at ${school} to ${str(d['to']) ?? 'another role'}`
    case 'team.member-removed': return `removed a member from the team of ${school}`
    case 'team.assignments-saved': return `assigned the areas of ${school}’s questionnaire`
    case 'cycle.created': return `created ${cycle}`
    case 'cycle.updated': return `changed the settings of ${cycle}`
    case 'cycle.open': return `opened ${cycle} and sent ${str(d['invited']) ?? 'its'} invitations`
    case 'cycle.closed': return `closed ${cycle}`
    case 'cycle.scoring-started': return `started scoring ${cycle}`
    case 'cycle.scored': return `finished scoring ${cycle} and froze its norms`
    case 'cycle.released': return `released the reports of ${cycle}`
    case 'cycle.reminders-sent': return `sent ${str(d['sent']) ?? 'the due'} reminders for ${cycle}`
    case 'norms.recomputed': return `recomputed the norms of ${cycle}`
    case 'cycle.school-added': return `added ${school} to a cycle`
    case 'cycle.invitation-resent': return `sent the invitation of ${school} again`
    case 'cycle.invitation-readdressed': return `sent the invitation of ${school} to ${str(d['to']) ?? 'a new addressee'}`
    case 'cycle.invitation-accepted': return `accepted the invitation for ${school}`
    case 'cycle.invitation-declined': return `declined the invitation for ${school}`
    case 'cycle.reminder-sent': return `sent ${school} a reminder`
    case 'cycle.bulk-action': return `${str(d['action']) === 'extend' ? 'extended the deadline of' : str(d['action']) === 'resend' ? 'sent the invitation again to' : 'sent a reminder to'} ${str(d['schools']) ?? 'several'} schools of ${cycle} at once`
    case 'cycle.declined-for-school': return `declined the invitation on behalf of ${school}`
    case 'cycle.deadline-extended': return d['until'] ? `extended the deadline of ${school}` : `removed the deadline extension of ${school}`
    case 'cycle.participation-in_progress': return `marked ${school} as in progress`
    // Before decision 123 an admin could mark a school submitted without a response; old rows still say so.
    case 'cycle.participation-submitted': return `marked ${school} as submitted (without a certified response)`
    case 'school.created': return `added ${e.subject ?? 'a school'} to the directory`
    case 'school.updated': return `edited ${e.subject ?? 'a school'} in the directory`
    case 'directory.imported': return `imported ${str(d['rows']) ?? 'some'} schools into the directory`
    case 'instrument.imported': return `imported the instrument version ${e.subject ?? ''}`.trim()
    case 'resource.created': return `added the resource “${str(d['title']) ?? e.subject ?? ''}”`
    case 'resource.updated': return `edited the resource “${str(d['title']) ?? e.subject ?? ''}”`
    case 'resource.deleted': return `deleted the resource “${str(d['title']) ?? e.subject ?? ''}”`
    case 'resource.file-removed': return `removed the file of the resource ${e.subject ?? ''}`.trim()
    case 'inbox.status-changed': return `marked an inbox message as ${str(d['to']) ?? 'handled'}`
    case 'champion.featured': return `featured ${str(d['name']) ?? 'a Social Mission Champion'}`
    case 'mail.retried': return 'sent a failed message again'
    case 'demo.seeded': return 'loaded the demo data'
    case 'badge.issued': return `issued the badge of ${school}`
    case 'badge.issue-all-started': return `started issuing ${str(d['orders']) ?? 'the'} paid badges of ${cycle}`
    case 'badge.revoked': return `revoked the badge of ${school}${str(d['reason']) ? `: “${str(d['reason'])}”` : ''}`
    case 'badge.reissued': return `reissued the badge image of ${school}${str(d['to']) ? ` as “${str(d['to'])}”` : ''}`
    case 'badge.directory-listed': return `listed ${school} in the public badge directory`
    case 'badge.directory-unlisted': return `took ${school} out of the public badge directory`
    case 'badge.supporter-flagged': return `flagged ${school} as an Inaugural Supporter${str(d['year']) ? ` since ${str(d['year'])}` : ''}`
    case 'badge.supporter-removed': return `removed ${school} from the Inaugural Supporters`
    case 'research.aggregates-downloaded': return `downloaded the ${ANALYSIS_TABLE_WORDS[str(d['kind']) ?? ''] ?? 'analysis'} table of ${cycle} (${str(d['rows']) ?? 'some'} rows)`
    case 'research.exported': return `downloaded the de-identified export of ${cycle} (${str(d['format']) ?? 'a file'}, ${str(d['rows']) ?? 'some'} rows)`
    case 'research.identified-exported': return `downloaded the export naming schools of ${cycle} (${str(d['format']) ?? 'a file'}, ${str(d['rows']) ?? 'some'} rows)`
    case 'access.denied': return `was refused ${e.subject ?? 'a page'} (${str(d['status']) ?? 'refused'}), a page that names schools`
    case 'directory.exported': return `downloaded the directory of schools (${str(d['rows']) ?? 'some'} rows)`
    case 'cycle.report-pdfs-started': return `started preparing ${str(d['reports']) ?? 'the'} report PDFs of ${cycle}`
    case 'cycle.report-pdfs-exported': return `downloaded every report of ${cycle} as PDF (${str(d['reports']) ?? 'some'} schools)`
    case 'cycle.scores-exported': return `downloaded the scores of ${cycle}, naming schools (${str(d['rows']) ?? 'some'} rows)`
    case 'cycle.status-exported': return `downloaded the status list of ${cycle} (${str(d['rows']) ?? 'some'} rows)`
    default: return `recorded ${e.action}${e.schoolName ? ` for ${e.schoolName}` : e.cycleTitle ? ` for ${cycle}` : ''}`
  }
}

/** The analysis tables analysts download (services/research/analysis-downloads.ts), in words. */
const ANALYSIS_TABLE_WORDS: Record<string, string> = {
  results: 'aggregate results',
  'group-tests': 'group comparisons',
  'quality-items': 'question quality',
  'quality-answers': 'answer counts',
  'quality-areas': 'area reliability',
}

/** The whole sentence, e.g. "Jane Doe viewed the report of Example University." */
export const auditSentence = (e: AuditFacts) => `${auditActor(e)} ${auditPhrase(e)}.`

/** The "what" filter of the audit log: families of actions, by the prefix their names share. */
export const AUDIT_ACTION_GROUPS = [
  { value: 'report.', label: 'Reports viewed and released' },
  { value: 'response.', label: 'Responses: opened, submitted, reopened' },
  { value: 'team.', label: 'School teams' },
  { value: 'cycle.', label: 'Cycles, invitations and reminders' },
  { value: 'norms.', label: 'Norms' },
  { value: 'auth.', label: 'Sign-in and sign-out' },
  { value: 'account.', label: 'Accounts' },
  { value: 'passkey', label: 'Passkeys' },
  { value: 'school.', label: 'Directory: schools' },
  { value: 'directory.', label: 'Directory: imports' },
  { value: 'instrument.', label: 'Instruments' },
  { value: 'resource.', label: 'Resources' },
  { value: 'inbox.', label: 'Inbox' },
  { value: 'mail.', label: 'Mail' },
  { value: 'research.', label: 'Research exports' },
  { value: 'access.', label: 'Refused access' },
] as const
