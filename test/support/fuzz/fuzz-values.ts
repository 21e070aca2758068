import fc from 'fast-check'

/** Numbers as people and scripts type them: beyond every column, beyond doubles, not finite, local notations. */
const NUMBERS = [
  '1e308', '-1e308', '1e309', '-0', '0', '-1', 'NaN', 'Infinity', '-Infinity', '9007199254740993', '-9007199254740993',
  '2147483648', '-2147483649', '99999999999999999999999', '1,5', '1.5', '1 000', '0x1F', '1e-400', '１２', '٣', ' 7 ', '+3', '.', '',
]
/** Dates that do not exist or that JavaScript and PostgreSQL read differently. */
const DATES = ['2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '275760-09-14', '+275760-09-13', '2026-1-1', '2026-11-30T25:00', 'yesterday']
/** Words our forms do accept (enum values, checkbox values), so some inputs get past the first check. */
const WORDS = [
  'yes', 'no', 'on', 'true', 'false', 'md', 'do', 'dental', 'pa', 'nursing-bsn-msn', 'admin', 'analyst', 'none', 'leader', 'coordinator',
  'contributor', 'draft', 'open', 'closed', 'scored', 'released', 'in_progress', 'csv', 'sav', 'card', 'invoice', 'toolkit',
  'area-resource', 'new', 'archived', 'remind', 'extend', 'resend', 'preview', 'apply', 'general-contact', 'badge-inquiry', 'smm-2024',
  'dont-know', 'not-applicable', 'a@b.test', 'someone@example.test',
]
/** Text that has broken web apps before: markup, SQL, formulas, paths, odd schemes, lone surrogates, byte order marks. */
const HOSTILE = [
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'; drop table users; --", '=HYPERLINK("x")', '@SUM(1)',
  '../../etc/passwd', 'javascript:alert(1)', 'http://', 'https://example.org/a', '//evil.example', '\\\\evil', 'a@b', '@@',
  '\u0000', '\u202e', '\ufeff', '\ud800', 'null', 'undefined', '__proto__', '{}', '[]', '%00', '%E0%A4%A', '\r\n', ' ',
]

const controlChar = fc.integer({ min: 0, max: 31 }).map((n) => String.fromCharCode(n))

/** One field value: random, unicode, control characters, very long, odd numbers and dates, hostile or valid words. */
export const fieldValue = (known: readonly string[]): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: fc.oneof(controlChar, fc.constantFrom('a', ' ', '\u007f')), maxLength: 20 }) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('x', 'é', '𝒳', '<'), fc.integer({ min: 1_000, max: 120_000 })).map(([c, n]) => c.repeat(n)) },
    { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
    { weight: 2, arbitrary: fc.constantFrom(...DATES) },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
    { weight: 2, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.uuid() },
    { weight: 1, arbitrary: fc.uuid() },
  )

/** A field name: mostly the form's own (repeated or left out at random), sometimes one it does not know. */
export const fieldName = (fields: readonly string[]): fc.Arbitrary<string> => {
  const unknown = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'a[b]', 'a.b', 'file', '', 'token', 'id'))
  return fields.length === 0 ? unknown : fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fields) }, { weight: 1, arbitrary: unknown })
}

/** A JSON value of any type, for JSON bodies: wrong types, huge and non-finite numbers, nesting. */
export const jsonValue = (known: readonly string[]): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: fieldValue(known) },
    { weight: 2, arbitrary: fc.constantFrom(1e308, -0, 9007199254740993, -1, 0, 2147483648, 1.5, Number.MAX_SAFE_INTEGER + 2) },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.constantFrom(true, false, null) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  )

/** A path parameter: mostly the real id the persona may use, sometimes one that belongs to nothing or is not an id. */
export const pathParam = (real: string): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(real) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom('0', '-1', '1e308', 'NaN', '00000000-0000-0000-0000-00000000000g', `${real}x`, real.toUpperCase())) },
  )
