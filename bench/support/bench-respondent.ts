import http from 'node:http'
import type pg from 'pg'
import type { BenchSchool } from './bench-seed'

/** A save still unanswered after this counts as failed, so a stuck server shows as errors, not as a hung run. */
const REQUEST_TIMEOUT_MS = 10_000

/** Each response's stored answers and their versions, as the questionnaire page hands them to its script. */
export async function storedVersions(pool: pg.Pool, responseIds: readonly string[]): Promise<Map<string, Map<string, number>>> {
  const { rows } = await pool.query<{ response_id: string; item_id: string; version: number }>(
    'SELECT response_id, item_id, version FROM answers WHERE response_id = ANY($1::uuid[])',
    [responseIds],
  )
  const byResponse = new Map(responseIds.map((id) => [id, new Map<string, number>()]))
  for (const row of rows) byResponse.get(row.response_id)?.set(row.item_id, row.version)
  return byResponse
}

/**
 * One respondent's autosaves, each item saved on the version the previous save of it returned (or the page's own,
 * `versions`), as the page's script does. Sent with `node:http` over a keep-alive agent: the load generator shares
 * this machine's two cores with the app and the database, and `fetch` costs about five times the CPU per request
 * (measured: ~2,200 against ~14,900 requests/s to a bare server from one process), which would be taken from the
 * app under test.
 */
export function respondent(agent: http.Agent, baseUrl: string, school: BenchSchool, versions = new Map<string, number>()) {
  const url = `${baseUrl}/school/responses/${school.responseId}/answers`
  const headers = { 'Content-Type': 'application/json', Origin: baseUrl, Cookie: `smm_session=${school.sessionToken}` }
  return async (itemId: string, value: unknown) => {
    const { status, body } = await postJson(agent, url, headers, JSON.stringify({ itemId, value, baseVersion: versions.get(itemId) ?? 0 }))
    const answer = JSON.parse(body) as { ok?: boolean; version?: number }
    if (status !== 200 || !answer.ok) throw new Error(`autosave answered ${status}: ${body}`)
    versions.set(itemId, answer.version!)
    return answer.version!
  }
}

/**
 * A POST on a kept-alive connection the server closed while idle (its keep-alive timeout) fails before any answer:
 * browsers send it again on a new connection, and so does this (Node's documented `reusedSocket` pattern), so a
 * respondent pausing longer than that timeout is not counted as an error of the app.
 */
async function postJson(agent: http.Agent, url: string, headers: Record<string, string>, body: string) {
  try {
    return await postOnce(agent, url, headers, body)
  } catch (err) {
    if (!(err as { reusedSocket?: boolean }).reusedSocket || (err as NodeJS.ErrnoException).code !== 'ECONNRESET') throw err
    return postOnce(agent, url, headers, body)
  }
}

function postOnce(agent: http.Agent, url: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { ...headers, 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
      res.on('error', reject)
    })
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)))
    req.on('error', (err) => reject(Object.assign(err, { reusedSocket: req.reusedSocket })))
    req.end(body)
  })
}
