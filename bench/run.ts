import { runScenarios } from './harness'
import { adminLists } from './scenarios/admin-lists'
import { autosave } from './scenarios/autosave'
import { badgeToolkit } from './scenarios/badge-toolkit'
import { badges } from './scenarios/badges'
import { exportsScenario } from './scenarios/exports'
import { pageWeight } from './scenarios/page-weight'
import { realisticLoad } from './scenarios/realistic-load'
import { reports } from './scenarios/reports'
import { reportPdfs } from './scenarios/report-pdfs'
import { scoring } from './scenarios/scoring'
import { startup } from './scenarios/startup'

// `npm run bench [scenario …]`: every scenario, or only those named. See docs/benchmarks.md.
const ok = await runScenarios([startup, autosave, realisticLoad, pageWeight, scoring, reports, reportPdfs, exportsScenario, badgeToolkit, badges, adminLists], process.argv.slice(2))
process.exit(ok ? 0 : 1)
