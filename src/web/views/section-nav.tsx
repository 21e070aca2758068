/** The row of sections under the site header (program administration, research), the current one marked. */
export function SectionNav({ label, sections, current }: { label: string; sections: readonly { href: string; label: string }[]; current: string | null | undefined }) {
  return (
    <nav class="admin-nav" aria-label={label}>
      <ul class="wrap">
        {sections.map((s) => (
          <li>
            <a href={s.href} aria-current={s.href === current ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
