#!/usr/bin/env node
// `npm start`: the server as built JavaScript, rebuilt first when a source changed since the last build
// (decision 165). V8's compile cache keeps the compiled code of the bundle and of the packages it loads between
// starts, beside the build.
import { enableCompileCache } from 'node:module'
import { setFlagsFromString } from 'node:v8'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureServerBuild, projectRoot, serverEntry } from './server-build.js'

enableCompileCache?.(join(projectRoot, 'dist', 'compile-cache'))
// PGlite's WebAssembly is compiled again by V8's optimising tier while it runs, by default on every core: on two
// cores that took the start's core too and held the first queries back (~0.4 s of a restart). One compiling thread
// leaves a core to the start; the optimised code comes a little later (decision 175). Set before PGlite compiles.
setFlagsFromString('--wasm-num-compilation-tasks=1')
if (await ensureServerBuild()) console.log('Built the server (sources changed since the last build).')
process.setSourceMapsEnabled(true)
await import(pathToFileURL(serverEntry).href)
