import type { Child } from 'hono/jsx'

/**
 * A wide table's own horizontal scrolling box, so the page never scrolls sideways on a phone. Keyboard users can
 * reach and scroll it (tabindex), and screen readers announce it as a named region (WCAG 2.1.1; axe's
 * scrollable-region-focusable).
 */
export function ScrollBox({ label, children }: { label: string; children: Child }) {
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={label}>
      {children}
    </div>
  )
}
