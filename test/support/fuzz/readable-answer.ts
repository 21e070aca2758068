/**
 * What "a readable 4xx" means (issue #20), checked on every refused fuzz request. Returns the problem, or null.
 * - HTML: a whole page in the site layout with a non-empty heading; a 422 also shows what to fix: the error
 *   summary (`role="alert"`), a message beside a field (`class="error-message"`) or the error page's message (a
 *   paragraph right under its heading, for a choice no form offers).
 * - JSON: an object with a non-empty `message` (or `error`) string, which the page script shows as it is.
 * - Plain text: a short sentence (Stripe's webhook answers are read by Stripe's dashboard, not a page).
 * Whatever the type: no stack trace, no validator dump, no "[object Object]".
 */
export function unreadableBecause(status: number, contentType: string, body: string): string | null {
  if (/\n\s+at .+:\d+:\d+|ZodError|\[object Object\]|"issues":\s*\[|TypeError|SyntaxError/.test(body)) return 'it shows internals'
  if (contentType.includes('text/html')) {
    if (!body.includes('Skip to content')) return 'it is not a page in the site layout'
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1]?.replace(/<[^>]+>/g, '').trim()
    if (!heading) return 'the page has no heading'
    if (status === 422 && !/role="alert"|class="error-message"|<\/h1><p>[^<]+<\/p>/.test(body)) return 'a 422 page does not say what to fix'
    return null
  }
  if (contentType.includes('application/json')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      return 'the JSON cannot be parsed'
    }
    const message = parsed && typeof parsed === 'object' ? ((parsed as Record<string, unknown>).message ?? (parsed as Record<string, unknown>).error) : undefined
    return typeof message === 'string' && message.trim() !== '' ? null : 'the JSON has no message'
  }
  if (contentType.includes('text/plain')) return body.trim() !== '' && body.length < 300 ? null : 'the text is empty or not a sentence'
  return `an unreadable content type (${contentType || 'none'})`
}
