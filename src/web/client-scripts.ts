/** The built server (bin/server-build.js) embeds the scripts it bundled at build time under this name. */
declare const __SMM_CLIENT_SCRIPTS__: Record<string, string> | undefined

/**
 * Each src/web/client/*.ts as one small script, by file name (`questionnaire.js`). The built server has them
 * already; from sources (tsx, vitest) they are bundled in memory once per process, in esbuild's own process, so the
 * first page does not wait for it (decision 076). The scripts import the domain's pure modules, so the browser runs
 * the same rules as the server. Served by the asset routes (the CSP allows scripts from our own origin only, so
 * there are no inline scripts).
 */
export async function clientScripts(): Promise<Map<string, string>> {
  if (typeof __SMM_CLIENT_SCRIPTS__ !== 'undefined') return new Map(Object.entries(__SMM_CLIENT_SCRIPTS__))
  const { bundleClientScripts } = await import('./client-bundle.js')
  return (await bundleClientScripts()).bundles
}
