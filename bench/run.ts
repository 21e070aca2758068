import { runScenarios } from './harness'
import { startup } from './scenarios/startup'

// `npm run bench [scenario …]`: every scenario, or only those named. See docs/benchmarks.md.
const ok = await runScenarios([startup], process.argv.slice(2))
process.exit(ok ? 0 : 1)
