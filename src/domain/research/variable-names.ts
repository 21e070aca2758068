/**
 * Variable names for research files, shared by every format (CSV, SPSS, Stata, R and the REDCap dictionary), so
 * an item has one name everywhere and in every round that asks it.
 *
 * A name must be valid in all of them at once: lower-case a–z, 0–9 and `_`, starting with a letter, no `___`
 * (REDCap's checkbox suffix), no trailing `_`, at most 26 characters (REDCap's recommendation; SPSS allows 64,
 * Stata 32). Item ids are long ("faculty-leadership-diversity.leadership-development"), so the area is shortened to
 * its initials ("fld_leadership_development"). A name that is still too long keeps a readable start and ends with
 * a short hash of the whole id, which keeps it deterministic: the same item gets the same name in every version.
 */

export const MAX_VARIABLE_NAME_LENGTH = 26
const HASH_LENGTH = 5

const VALID = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/

/** True if the name is valid in every research format (see the module comment for the rules). */
export function isValidVariableName(name: string): boolean {
  return name.length <= MAX_VARIABLE_NAME_LENGTH && VALID.test(name)
}

/** Lower-case words joined by single underscores: "K12-partnerships" → "k12_partnerships". */
export function snakeCase(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/**
 * The variable for an item, or for a part of one (a multiple-choice option, a table cell "row.column"):
 * `variableName('pathway-programs.k12-partnerships')` → "pp_k12_partnerships".
 */
export function variableName(itemId: string, ...parts: string[]): string {
  const dot = itemId.indexOf('.')
  const area = dot > 0 ? itemId.slice(0, dot) : ''
  const item = dot > 0 ? itemId.slice(dot + 1) : itemId
  const initials = snakeCase(area)
    .split('_')
    .filter(Boolean)
    .map((word) => word[0])
    .join('')
  const words = [initials, snakeCase(item), ...parts.map(snakeCase)].filter(Boolean).join('_')
  const readable = /^[a-z]/.test(words) ? words : `v_${words}`
  if (readable.length <= MAX_VARIABLE_NAME_LENGTH) return readable
  return withHash(readable, [itemId, ...parts].join('\u0000'))
}

/**
 * Names for many ids at once, guaranteed distinct: ids whose readable names collide (say "a-b.c" and "a.b-c")
 * all get hashed names, so no name depends on which id came first.
 */
export function variableNames(ids: readonly (readonly [itemId: string, ...parts: string[]])[]): string[] {
  const names = ids.map(([itemId, ...parts]) => variableName(itemId, ...parts))
  const count = new Map<string, number>()
  for (const name of names) count.set(name, (count.get(name) ?? 0) + 1)
  const resolved = names.map((name, i) => (count.get(name)! > 1 ? withHash(name, ids[i]!.join('\u0000')) : name))
  if (new Set(resolved).size !== resolved.length) throw new Error('Two variables share a name even after hashing: the ids repeat.')
  return resolved
}

function withHash(readable: string, key: string): string {
  const start = readable.slice(0, MAX_VARIABLE_NAME_LENGTH - HASH_LENGTH - 1).replace(/_+$/, '')
  return `${start}_${fnv1a(key).toString(36).padStart(HASH_LENGTH, '0').slice(-HASH_LENGTH)}`
}

/** FNV-1a, 32 bits: a tiny stable hash (not for security; only to tell long names apart). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}
