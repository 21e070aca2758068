// The server as built JavaScript (decision 165): `npm start` would otherwise transpile the whole module graph with
// tsx at every start, most of its start-up. esbuild bundles src/main.ts with the packages it loads at start (and
// the browser scripts, embedded) into dist/server/, and `npm start` rebuilds first when a source it was built from
// changed. Plain JavaScript on purpose:
// it runs before anything can be transpiled.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bundleClientScripts } from '../src/web/client-bundle.js'

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const serverDir = join(projectRoot, 'dist', 'server')
export const serverEntry = join(serverDir, 'main.js')
const buildInfoFile = join(serverDir, 'build-info.json')
/** Besides the bundled sources, what else shapes the build: esbuild's own version, the tsconfig, this script. */
const BUILD_SHAPERS = ['package-lock.json', 'tsconfig.json', 'bin/server-build.js', 'src/web/client-bundle.js']

/** The sources of the current build that changed since it was made (all of them when there is none). */
export function staleInputs() {
  if (!existsSync(buildInfoFile)) return ['(no build yet)']
  const { builtAt, inputs } = JSON.parse(readFileSync(buildInfoFile, 'utf8'))
  return [...inputs, ...BUILD_SHAPERS].filter((input) => {
    const file = join(projectRoot, input)
    return !existsSync(file) || statSync(file).mtimeMs > builtAt
  })
}

/** Builds dist/server unless it is current; returns whether it built. */
export async function ensureServerBuild() {
  if (staleInputs().length === 0) return false
  await buildServer()
  return true
}

/**
 * Bundles the app's own code into one ES module; packages stay in node_modules (imported, not bundled). Files the
 * code reads beside itself (migrations, instruments, assets, fonts, JSON-LD contexts, seed data) are found through
 * `import.meta.url`, which the bundle would change to its own address: each module keeps its source file's URL
 * instead, so the built server reads the very same files as the sources do.
 */
export async function buildServer() {
  const { build } = await import('esbuild')
  const startedAt = Date.now()
  const clientScripts = await bundleClientScripts()
  const staging = `${serverDir}-building-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  const result = await build({
    entryPoints: [join(projectRoot, 'src/main.ts')],
    outdir: staging,
    bundle: true,
    external: UNBUNDLED_PACKAGES,
    // Bundled CommonJS packages call require() for Node's own modules; an ES module has none, so it gets one.
    banner: { js: "import { createRequire as __smmCreateRequire } from 'node:module'; const require = __smmCreateRequire(import.meta.url);" },
    platform: 'node',
    format: 'esm',
    // Modules the code imports at first use (PDF, charts, the badge toolkit) stay separate chunks, loaded then.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'node24',
    // Stack traces name src/ lines; the map leaves out the sources' text (they are in the checkout), so Node,
    // which reads the map as it loads the bundle, reads a third as much.
    sourcemap: 'linked',
    sourcesContent: false,
    // Whitespace and syntax only, names kept: a third less for Node to read, decode and compile at every start, and
    // the map still names src/ lines (decision 175).
    minifyWhitespace: true,
    minifySyntax: true,
    metafile: true,
    logLevel: 'warning',
    absWorkingDir: projectRoot,
    tsconfig: join(projectRoot, 'tsconfig.json'),
    define: { __SMM_CLIENT_SCRIPTS__: JSON.stringify(Object.fromEntries(clientScripts.bundles)), __SMM_BUILT_SERVER__: 'true' },
    plugins: [keepSourceFileUrls],
  })
  // Sources only: bundled packages change with package-lock.json (a build shaper); <define:…> is no file.
  const inputs = [...Object.keys(result.metafile.inputs), ...clientScripts.inputs].filter((path) => !path.startsWith('<') && !path.includes('node_modules/'))
  writeFileSync(join(staging, 'build-info.json'), JSON.stringify({ builtAt: startedAt, inputs: [...new Set(inputs)].sort() }, null, 1))
  mkdirSync(dirname(serverDir), { recursive: true })
  rmSync(serverDir, { recursive: true, force: true })
  try {
    renameSync(staging, serverDir)
  } catch (err) {
    // Another `npm start` of this checkout finished the same build first: use its build.
    if (!existsSync(buildInfoFile)) throw err
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/**
 * Packages left in node_modules and imported from there: those that read files beside their own code (PGlite's
 * WASM, pdfkit's font metrics, the fonts, the JSON-LD contexts), native or binary ones (resvg, esbuild), pino (its
 * transports run in worker threads by file name), and the large ones only imported at first use (charts, badges).
 */
const UNBUNDLED_PACKAGES = ['@electric-sql/pglite', 'esbuild', '@resvg/resvg-js', 'pdfkit', 'svg-to-pdfkit', '@digitalbazaar/*', 'jsonld-signatures', 'vega', 'vega-lite', 'pino', 'pg-native', 'dejavu-fonts-ttf']

/** esbuild plugin: `import.meta.url` in each of our source files becomes that file's own URL (see buildServer). */
const keepSourceFileUrls = {
  name: 'keep-source-file-urls',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.(tsx?|js)$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta.url')) return undefined
      const contents = source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
      return { contents, loader: /** @type {'ts' | 'tsx' | 'js'} */ (args.path.slice(args.path.lastIndexOf('.') + 1)) }
    })
  },
}

// `node bin/server-build.js`: build now (npm install runs it through `prepare`).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const startedAt = Date.now()
  await buildServer()
  console.log(`Built the server into ${relative(process.cwd(), serverDir) || serverDir} in ${Date.now() - startedAt} ms.`)
}
