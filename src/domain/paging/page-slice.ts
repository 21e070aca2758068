// Pagination of the admin lists (decision 163): the page asked for in the query string, clamped, and which rows
// that page shows. Bad input never fails: anything that is not a whole number from 1 on is page 1, and a page past
// the end shows the last one, so a stale bookmark still lands somewhere useful.

export const PAGE_SIZE = 50
/** Far beyond any list we keep; stops absurd offsets reaching the database. */
const MAX_PAGE = 100_000

/** The page number in `?page=`, or 1 when it is missing, not a whole number or out of range. */
export function requestedPage(raw: string | undefined | null): number {
  if (raw === undefined || raw === null || !/^\d{1,9}$/.test(raw.trim())) return 1
  const n = Number(raw.trim())
  return n >= 1 ? Math.min(n, MAX_PAGE) : 1
}

export type PageSlice = {
  page: number
  pages: number
  size: number
  total: number
  /** SQL offset and limit of the rows on this page. */
  offset: number
  limit: number
  /** 1-based numbers of the first and last row shown ("Showing 51–100 of 2,000"); 0 and 0 when there are none. */
  first: number
  last: number
}

/** The rows of the requested page of `total`, the page clamped to the last one that exists. */
export function pageSlice(requested: number, total: number, size = PAGE_SIZE): PageSlice {
  const pages = Math.max(1, Math.ceil(total / size))
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages)
  const offset = (page - 1) * size
  return { page, pages, size, total, offset, limit: size, first: total === 0 ? 0 : offset + 1, last: Math.min(offset + size, total) }
}

export type PagerItem = { kind: 'page'; number: number; current: boolean } | { kind: 'gap' }

/**
 * The numbered links of a pager as the GOV.UK Design System draws them: the first and last page, the current one
 * with its neighbours, and an ellipsis for each run left out (a run of one page is shown instead of an ellipsis).
 */
export function pagerItems(page: number, pages: number): PagerItem[] {
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages))
  for (const n of [...shown]) if (shown.has(n + 2) && !shown.has(n + 1)) shown.add(n + 1)
  const items: PagerItem[] = []
  let previous = 0
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n > previous + 1) items.push({ kind: 'gap' })
    items.push({ kind: 'page', number: n, current: n === page })
    previous = n
  }
  return items
}
