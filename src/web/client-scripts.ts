import { readdirSync } from 'node:fs'

const clientDir = new URL('./client/', import.meta.url).pathname

/** The built server (bin/server-build.js) embeds the scripts it bundled at build time under this name. */
declare const __SMM_CLIENT_SCRIPTS__: Record<string, string> | undefined

/**
 * Each src/web/client/*.ts as one small script, by file name (`questionnaire.js`). The built server has them
 * already; from sources (tsx, vitest) they are bundled in memory, once per process, in esbuild's own process, so the
 * first page does not wait for it (decision 076). The scripts import the domain's pure modules, so the browser runs
 * the same rules as the server. Served by the asset routes (the CSP allows scripts from our own origin only, so
 * there are no inline scripts).
 */
export async function clientScripts(): Promise<Map<string, string>> {
  if (typeof __SMM_CLIENT_SCRIPTS__ !== 'undefined') return new Map(Object.entries(__SMM_CLIENT_SCRIPTS__))
  const entries = readdirSync(clientDir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
  if (entries.length === 0) return new Map()
  const { build } = await import('esbuild')
  const result = await build({
    entryPoints: entries.map((n) => clientDir + n),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    outdir: '/client',
    write: false,
    logLevel: 'silent',
  })
  return new Map(result.outputFiles.map((file) => [file.path.slice('/client/'.length), file.text]))
}
