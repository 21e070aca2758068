import http from 'node:http'
import type { BenchSchool } from './bench-seed'

/** A save still unanswered after this counts as failed, so a stuck server shows as errors, not as a hung run. */
const REQUEST_TIMEOUT_MS = 10_000

/**
 * One respondent's autosaves, each item saved on the version the previous save of it returned, as the page's
 * script does. Sent with `node:http` over a keep-alive agent: the load generator shares this machine's two cores
 * with the app and the database, and `fetch` costs about five times the CPU per request (measured: ~2,200 against
 * ~14,900 requests/s to a bare server from one process), which would be taken from the app under test.
 */
export function respondent(agent: http.Agent, baseUrl: string, school: BenchSchool) {
  const versions = new Map<string, number>()
  const url = `${baseUrl}/school/responses/${school.responseId}/answers`
  const headers = { 'Content-Type': 'application/json', Origin: baseUrl, Cookie: `smm_session=${school.sessionToken}` }
  return async (itemId: string, value: number) => {
    const { status, body } = await postJson(agent, url, headers, JSON.stringify({ itemId, value, baseVersion: versions.get(itemId) ?? 0 }))
    const answer = JSON.parse(body) as { ok?: boolean; version?: number }
    if (status !== 200 || !answer.ok) throw new Error(`autosave answered ${status}: ${body}`)
    versions.set(itemId, answer.version!)
    return answer.version!
  }
}

function postJson(agent: http.Agent, url: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      res.on('error', reject)
    })
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}
