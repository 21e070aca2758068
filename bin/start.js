#!/usr/bin/env node
// `npm start`: the server as built JavaScript, rebuilt first when a source changed since the last build
// (decision 165). V8's compile cache keeps the compiled code of the bundle and of the packages it loads between
// starts, beside the build.
import { enableCompileCache } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ensureServerBuild, projectRoot, serverEntry } from './server-build.js'

enableCompileCache?.(join(projectRoot, 'dist', 'compile-cache'))
if (await ensureServerBuild()) console.log('Built the server (sources changed since the last build).')
process.setSourceMapsEnabled(true)
await import(pathToFileURL(serverEntry).href)
