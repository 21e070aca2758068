import type { Child } from 'hono/jsx'

/**
 * A wide table's own scrolling box, so a narrow screen scrolls the table and never the page. It takes keyboard
 * focus (a region with a name) so people who do not use a pointer can scroll it too.
 */
export function TableScroll({ label, children }: { label: string; children?: Child }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  )
}
