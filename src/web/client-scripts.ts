import { readdirSync } from 'node:fs'
import { build } from 'esbuild'

const clientDir = new URL('./client/', import.meta.url).pathname

/**
 * Bundles each src/web/client/*.ts into one small script, in memory, once per process; started with the app and
 * finished in esbuild's own process, so the first page does not wait for it (decision 076). The scripts import the
 * domain's pure modules, so the browser runs the same rules as the server. Served by the asset routes as
 * /assets/<name>.js (the CSP allows scripts from our own origin only, so there are no inline scripts).
 */
export async function bundleClientScripts(): Promise<Map<string, string>> {
  const entries = readdirSync(clientDir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
  if (entries.length === 0) return new Map()
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
