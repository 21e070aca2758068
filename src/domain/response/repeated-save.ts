import type { Answer } from '../instrument/instrument-answers'

type Saved = { value: Answer | null; version: number; note: string | null; evidenceUrl: string | null; updatedById: string | null }
type Sent = { value: Answer | null; note: string | null; evidenceUrl: string | null; baseVersion: number; userId: string }

/**
 * A save whose base version is stale only because the same save already went through: its reply was lost (the
 * connection dropped after the commit) and the page sent it again. The stored answer is the very next version,
 * by the same person, with the same content, so the save is acknowledged as it stands instead of being written
 * twice or shown as a conflict with oneself.
 */
export function isRepeatOfLastSave(saved: Saved, sent: Sent): boolean {
  return (
    saved.version === sent.baseVersion + 1 &&
    saved.updatedById === sent.userId &&
    saved.note === sent.note &&
    saved.evidenceUrl === sent.evidenceUrl &&
    canonical(saved.value) === canonical(sent.value)
  )
}

/** JSON with object keys sorted: jsonb gives an answer's keys back in its own order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}
