import { describe, expect, test } from 'vitest'
import { pageSlice, pagerItems, requestedPage } from './page-slice'

describe('the page asked for', () => {
  test('a whole number from 1 on is taken as it is', () => {
    expect(requestedPage('3')).toBe(3)
    expect(requestedPage(' 12 ')).toBe(12)
  })
  test('anything else is page 1, never an error', () => {
    for (const bad of [undefined, null, '', '0', '-2', '1.5', 'abc', '2e3', '1; drop table', '9999999999999']) expect(requestedPage(bad)).toBe(1)
  })
  test('absurdly large pages are capped before they reach the database', () => {
    expect(requestedPage('999999999')).toBe(100_000)
  })
})

describe('the rows of a page', () => {
  test('page 2 of 2,000 shows rows 51 to 100 of 40 pages', () => {
    expect(pageSlice(2, 2000)).toEqual({ page: 2, pages: 40, size: 50, total: 2000, offset: 50, limit: 50, first: 51, last: 100 })
  })
  test('the last page may be short', () => {
    expect(pageSlice(3, 120)).toMatchObject({ page: 3, pages: 3, offset: 100, first: 101, last: 120 })
  })
  test('a page past the end shows the last page', () => {
    expect(pageSlice(99, 120)).toMatchObject({ page: 3, first: 101, last: 120 })
  })
  test('an empty list is one page showing nothing', () => {
    expect(pageSlice(5, 0)).toMatchObject({ page: 1, pages: 1, offset: 0, first: 0, last: 0 })
  })
})

describe('the numbered links of the pager', () => {
  const labels = (page: number, pages: number) => pagerItems(page, pages).map((i) => (i.kind === 'gap' ? '…' : i.current ? `[${i.number}]` : `${i.number}`)).join(' ')
  test('first, last, the current page and its neighbours, with ellipses between', () => {
    expect(labels(20, 40)).toBe('1 … 19 [20] 21 … 40')
  })
  test('near the ends no ellipsis hides a single page', () => {
    expect(labels(1, 40)).toBe('[1] 2 … 40')
    expect(labels(3, 40)).toBe('1 2 [3] 4 … 40')
    expect(labels(4, 40)).toBe('1 2 3 [4] 5 … 40')
    expect(labels(5, 40)).toBe('1 … 4 [5] 6 … 40')
    expect(labels(40, 40)).toBe('1 … 39 [40]')
  })
  test('short lists show every page', () => {
    expect(labels(2, 3)).toBe('1 [2] 3')
    expect(labels(1, 1)).toBe('[1]')
  })
})
