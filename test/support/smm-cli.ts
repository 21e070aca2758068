import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** The operator's command line, run as the operator runs it: a child process with its own environment. */
export function runSmm(env: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/smm.ts', ...args], { env: { ...process.env, ...env, NODE_ENV: 'test' } })
}
