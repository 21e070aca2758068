import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DISCIPLINES } from '../../src/domain/school/school-facts'
import { credentialToolkit, type BadgeFacts } from '../../src/services/badges/credentials/index'
import type { Row, Scenario } from '../harness'
import { median } from '../harness'

const BADGES = Number(process.env.BENCH_BADGES ?? 300)

/**
 * The credential toolkit alone, as one issuing job uses it: 300 badges in a row (sign eddsa-rdfc-2022, render the
 * PNG, bake both images), then the status list re-signed with all of them revoked. The issuing job's own row
 * (database, mail, progress) sits beside this one; the difference is the job's overhead.
 */
export const badgeToolkit: Scenario = {
  name: 'badge-toolkit',
  async run(): Promise<Row[]> {
    const dataDir = mkdtempSync(join(tmpdir(), 'smm-bench-badges-'))
    try {
      const baseUrl = 'https://bench.smm.test'
      const issuer = { baseUrl, signingKey: await credentialToolkit.loadSigningKey({ baseUrl, dataDir }) }
      const facts = (i: number): BadgeFacts => ({
        publicId: `bench-${i}`,
        schoolName: `Bench School of Health Professions number ${i}`,
        discipline: DISCIPLINES[i % DISCIPLINES.length]!,
        cycleTitle: '2026 national round',
        cycleYear: 2026,
        validFrom: new Date('2026-11-01T00:00:00Z'),
        validUntil: new Date('2027-10-31T23:59:59Z'),
        statusIndex: i,
        issuedAt: new Date('2026-11-29T12:00:00Z'),
      })
      await credentialToolkit.issueBadge(facts(0), issuer) // warm-up: key import, fonts, JIT
      const perBadge: number[] = []
      const started = performance.now()
      for (let i = 0; i < BADGES; i++) {
        const t = performance.now()
        await credentialToolkit.issueBadge(facts(i), issuer)
        perBadge.push(performance.now() - t)
        if ((i + 1) % 50 === 0) process.stderr.write(`  ${i + 1}/${BADGES} badges\n`)
      }
      const totalMs = performance.now() - started
      const t = performance.now()
      await credentialToolkit.statusListCredential(Array.from({ length: BADGES }, (_, i) => i), issuer, new Date())
      const statusMs = performance.now() - t
      return [
        { scenario: 'badge-toolkit', measure: `issue ${BADGES} badges (credential, PNG, baking), total`, value: totalMs / 1000, unit: 's', budget: { max: 60 } },
        { scenario: 'badge-toolkit', measure: 'per badge, median', value: median(perBadge), unit: 'ms', budget: { max: 150 } },
        { scenario: 'badge-toolkit', measure: `sign the status list with ${BADGES} revoked`, value: statusMs, unit: 'ms', budget: { max: 1000 } },
      ]
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  },
}
