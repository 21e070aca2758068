import http from 'node:http'
import { appliesTo } from '../../src/domain/instrument/instrument-applicability'
import { itemsOf, type Item } from '../../src/domain/instrument/instrument-model'
import { AUTOSAVE_DEBOUNCE_MS } from '../../src/domain/response/autosave-debounce'
import { storedInstrument } from '../../src/services/instruments/instrument-content'
import type { Row, Scenario } from '../harness'
import { randomAnswer, seedBenchAnswers } from '../support/bench-answers'
import { benchDatabase } from '../support/bench-database'
import { respondent, storedVersions } from '../support/bench-respondent'
import { seedBenchSchools } from '../support/bench-seed'
import { startBenchServer } from '../support/bench-server'
import { percentile } from '../support/latency'

const PORT = 3921
const SCHOOLS = 200
const COLLEAGUES = 5 // per school: 1,000 respondents
const WEB_PROCESSES = 2 // the production default on this 2-core machine (decision 168)
const RAMP_MS = 10_000 // people arrive over the first seconds, not all in the same millisecond
const MEASURE_MS = 40_000
// Reading a question and deciding: log-normal, median 5 s, most between 1.5 and 17 s (σ = 0.75).
const THINK_MEDIAN_MS = 5_000
const THINK_SIGMA = 0.75
const KEYSTROKE_MS = { min: 80, max: 300 } // between the digits of a number being typed
const SEED = 21

/** A small seeded generator (mulberry32): the same run of pauses every time, so runs compare. */
function seeded(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** A log-normal draw (Box–Muller), in ms. */
const thinkTime = (random: () => number) => THINK_MEDIAN_MS * Math.exp(THINK_SIGMA * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * How long after the person starts answering the page sends the save, as the questionnaire does: a number is
 * typed digit by digit and saved AUTOSAVE_DEBOUNCE_MS after the last keystroke; a choice is saved at once.
 */
function typingMs(item: Item, value: unknown, random: () => number) {
  if (item.kind !== 'number') return 0
  const keystrokes = String(value).length
  let ms = 0
  for (let k = 1; k < keystrokes; k++) ms += KEYSTROKE_MS.min + random() * (KEYSTROKE_MS.max - KEYSTROKE_MS.min)
  return ms + AUTOSAVE_DEBOUNCE_MS
}

/**
 * 1,000 respondents in 200 schools (five colleagues each, each on a share of the questions, signed in as the
 * school's leader), every response already full (~80 answers), answering questions with human pauses drawn from a
 * seeded log-normal distribution and the page's debounce, against the app as production runs it on this machine
 * (two web processes). Open load: a slow answer delays only that person, as in real life.
 */
export const realisticLoad: Scenario = {
  name: 'realistic-load',
  async run(): Promise<Row[]> {
    const bench = await benchDatabase()
    try {
      const { schools } = await seedBenchSchools(bench.pool, SCHOOLS, { cycleStatus: 'open', responseStatus: 'in_progress' })
      const instrument = await storedInstrument(bench.database.db, 'smm-2024')
      const responseIds = schools.map((s) => s.responseId)
      const answersSeeded = await seedBenchAnswers(bench.pool, instrument, responseIds)
      const versions = await storedVersions(bench.pool, responseIds)
      await bench.settle()
      // Questions every md school sees whatever it answered before (no skip logic), scored ones, split among colleagues.
      const items = itemsOf(instrument).map((e) => e.item).filter((item) => item.scored && !item.showIf && appliesTo(item, 'md'))
      const server = await startBenchServer(bench.url, PORT, { webProcesses: WEB_PROCESSES })
      const agent = new http.Agent({ keepAlive: true, maxSockets: SCHOOLS * COLLEAGUES })
      const latencies: number[] = []
      const errors = new Map<string, number>()
      const started = performance.now()
      const until = started + RAMP_MS + MEASURE_MS
      try {
        await Promise.all(schools.flatMap((school, s) => {
          const shared = versions.get(school.responseId)! // the colleagues' pages all began from the stored versions
          return Array.from({ length: COLLEAGUES }, async (_, c) => {
            const random = seeded(SEED * 100_003 + s * COLLEAGUES + c)
            const mine = items.filter((_, i) => i % COLLEAGUES === c) // no two colleagues on one question
            const save = respondent(agent, server.baseUrl, school, shared)
            await sleep(random() * RAMP_MS)
            for (let n = 0; ; n++) {
              await sleep(Math.max(0, Math.min(thinkTime(random), until - performance.now()))) // no one waits past the end
              const item = mine[n % mine.length]!
              const value = randomAnswer(item, random())
              await sleep(typingMs(item, value, random))
              if (performance.now() >= until) return
              const t = performance.now()
              const counted = t >= started + RAMP_MS
              try {
                await save(item.id, value)
                if (counted) latencies.push(performance.now() - t)
              } catch (err) {
                if (!counted) continue
                const kind = (err as Error).message.slice(0, 60)
                errors.set(kind, (errors.get(kind) ?? 0) + 1)
              }
            }
          })
        }))
      } finally {
        agent.destroy()
        await server.stop()
      }
      latencies.sort((a, b) => a - b)
      const errorCount = [...errors.values()].reduce((a, b) => a + b, 0)
      for (const [kind, count] of errors) process.stderr.write(`  realistic-load: ${count} × ${kind}\n`)
      const row = (measure: string, value: number, unit: string, more: Partial<Row> = {}): Row => ({ scenario: 'realistic-load', measure, value, unit, ...more })
      return [
        row(`respondents (${SCHOOLS} schools × ${COLLEAGUES}), ${WEB_PROCESSES} web processes`, SCHOOLS * COLLEAGUES, 'people'),
        row('full responses: answers per response', answersSeeded / responseIds.length, 'answers'),
        row(`saves/s over ${MEASURE_MS / 1000} s (think time median ${THINK_MEDIAN_MS / 1000} s, debounce ${AUTOSAVE_DEBOUNCE_MS} ms)`, (latencies.length + errorCount) / (MEASURE_MS / 1000), '/s'),
        row('p50 save latency', percentile(latencies, 50), 'ms'),
        row('p99 save latency', percentile(latencies, 99), 'ms', { budget: { max: 50 } }),
        row('errors (refused or unanswered saves)', errorCount, 'saves', { budget: { max: 0 } }),
      ]
    } finally {
      await bench.drop()
    }
  },
}
