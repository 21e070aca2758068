import { PGlite, type PGliteOptions } from '@electric-sql/pglite'

/**
 * How every PGlite of this project starts (the app, its CLI, the tests). PostgreSQL's default 128 MB of shared
 * buffers are allocated and zeroed in PGlite's WebAssembly memory at every open: 0.35–0.4 s of each start on a
 * 2-core machine, and memory the embedded database never fills (a demo or pilot folder is ~40 MB in all; pages past
 * the buffers come from the operating system's file cache). PGlite has one session, so room for 100 connections is
 * shared memory for nothing as well (decision 175).
 */
export const PGLITE_START_PARAMS: readonly string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB', '-c', 'max_connections=10']

/** Opens PGlite with this project's settings: in `options.dataDir`, or in memory without one. */
export function openPglite(options: Omit<PGliteOptions, 'startParams'> = {}): Promise<PGlite> {
  return PGlite.create({ ...options, startParams: [...PGLITE_START_PARAMS] })
}
