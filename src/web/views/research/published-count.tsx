import type { PublishedCount } from '../../../domain/privacy/small-counts'

/** A count as the small-count rule lets it be shown (docs/privacy.md). */
export function Count({ count }: { count: PublishedCount }) {
  if (count.kind === 'shown') return <>{count.value}</>
  if (count.kind === 'fewer-than-k') return <span>fewer than 5</span>
  return <span>not shown</span>
}
