// Bundles each src/web/client/*.ts into one small browser script, in memory, in esbuild's own process. Plain
// JavaScript because two kinds of callers share it: the server run from sources (client-scripts.ts) and the build
// (bin/server-build.js), which runs before anything is transpiled and embeds the result in the built server.
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const clientDir = fileURLToPath(new URL('./client/', import.meta.url))
const projectRoot = fileURLToPath(new URL('../..', import.meta.url))

/** The scripts by file name (`questionnaire.js`), and the source files they were made from (for the build). */
export async function bundleClientScripts() {
  const entries = readdirSync(clientDir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
  if (entries.length === 0) return { bundles: new Map(), inputs: [] }
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: entries.map((n) => clientDir + n),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outdir: '/client',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: projectRoot,
  })
  return {
    bundles: new Map(result.outputFiles.map((file) => [file.path.slice('/client/'.length), file.text])),
    inputs: Object.keys(result.metafile.inputs),
  }
}
