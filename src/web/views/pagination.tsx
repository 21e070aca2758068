import { pagerItems, type PageSlice } from '../../domain/paging/page-slice'

// The one pager of every admin list, after the GOV.UK Design System's pagination pattern: "Showing 51–100 of
// 2,000 schools" above the list, and below it Previous, numbered pages with ellipses, Next. Links keep the list's
// filters (the query string), so moving between pages never loses a search.

const count = (n: number) => n.toLocaleString('en-US')

/** The address of page `page` of a list at `path` with its current filters; empty filters are left out. */
export function pageHref(path: string, filters: Record<string, string | undefined>, page: number) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v)
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

/** "Showing 51–100 of 2,000 schools", or "12 schools found" when they fit on one page. */
export function PageSummary({ slice, noun }: { slice: PageSlice; noun: readonly [one: string, many: string] }) {
  const word = slice.total === 1 ? noun[0] : noun[1]
  return (
    <p class="page-summary" role="status">
      {slice.total === 0 ? `No ${noun[1]} found.` : slice.pages === 1 ? `${count(slice.total)} ${word} found.` : `Showing ${count(slice.first)}–${count(slice.last)} of ${count(slice.total)} ${word}.`}
    </p>
  )
}

function Arrow({ to }: { to: 'prev' | 'next' }) {
  const d = to === 'prev' ? 'm6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z' : 'm8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z'
  return (
    <svg class="pagination-icon" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
      <path d={d} />
    </svg>
  )
}

/** Previous, the numbered pages and Next; nothing when the list fits on one page. */
export function Pagination({ slice, href, label }: { slice: PageSlice; href: (page: number) => string; label: string }) {
  if (slice.pages <= 1) return null
  return (
    <nav class="pagination" aria-label={label}>
      {slice.page > 1 && (
        <div class="pagination-prev">
          <a href={href(slice.page - 1)} rel="prev">
            <Arrow to="prev" /> Previous<span class="visually-hidden"> page</span>
          </a>
        </div>
      )}
      <ul class="pagination-list">
        {pagerItems(slice.page, slice.pages).map((item) =>
          item.kind === 'gap' ? (
            <li class="pagination-gap" aria-hidden="true">⋯</li>
          ) : (
            <li class={item.current ? 'pagination-current' : undefined}>
              <a href={href(item.number)} aria-label={`Page ${item.number}`} aria-current={item.current ? 'page' : undefined}>{item.number}</a>
            </li>
          ),
        )}
      </ul>
      {slice.page < slice.pages && (
        <div class="pagination-next">
          <a href={href(slice.page + 1)} rel="next">
            Next<span class="visually-hidden"> page</span> <Arrow to="next" />
          </a>
        </div>
      )}
    </nav>
  )
}
