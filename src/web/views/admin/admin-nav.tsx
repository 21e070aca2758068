import { SectionNav } from '../section-nav'

/** The program team's own sections, shown on every /admin page under the site header. */
export const ADMIN_SECTIONS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/schools', label: 'Schools' },
  { href: '/admin/cycles', label: 'Cycles' },
  { href: '/admin/instruments', label: 'Instruments' },
  { href: '/admin/badges', label: 'Badges' },
  { href: '/admin/inbox', label: 'Inbox' },
  { href: '/admin/mail', label: 'Mail' },
  { href: '/admin/accounts', label: 'Accounts' },
  { href: '/admin/audit', label: 'Audit log' },
] as const

/** The section a path belongs to: the longest section address it starts with ("/admin" only for itself). */
export function currentAdminSection(path: string): string | null {
  const clean = path.replace(/\/+$/, '') || '/'
  if (clean === '/admin') return '/admin'
  const hits = ADMIN_SECTIONS.filter((s) => s.href !== '/admin' && (clean === s.href || clean.startsWith(`${s.href}/`)))
  // Responses and champions are reached from cycles and the inbox: keep the section the officer came through.
  if (hits.length === 0 && clean.startsWith('/admin/responses')) return '/admin/cycles'
  if (hits.length === 0 && clean.startsWith('/admin/champions')) return '/admin/inbox'
  return hits[0]?.href ?? null
}

export function AdminNav({ path }: { path: string }) {
  return <SectionNav label="Program administration" sections={ADMIN_SECTIONS} current={currentAdminSection(path)} />
}
