import cluster, { type Worker } from 'node:cluster'
import type { Logger } from 'pino'

/** A replacement for a web process that died is started after this pause, so a crash loop cannot spin. */
const REPLACE_AFTER_MS = 1_000

/**
 * Forks `count` web processes that share the port: node:cluster hands each new connection to the next one, and no
 * state lives in a process (sessions, rate limits and jobs are in the database), so any of them may answer. Resolves
 * with the port once all of them listen. One that exits before it listened stops the start (it would fail again the
 * same way); one that dies later is replaced. `stop` sends each SIGTERM and waits for them to finish (decision 168).
 */
export function startWebProcesses(count: number, log: Logger): Promise<{ port: number; stop: () => Promise<void> }> {
  let stopping = false
  const running = new Set<Worker>()

  const stop = async () => {
    stopping = true
    await Promise.all([...running].map((worker) => {
      const exited = new Promise((resolve) => worker.once('exit', resolve))
      worker.process.kill('SIGTERM')
      return exited
    }))
  }

  return new Promise((resolve, reject) => {
    let started = false
    let listening = 0
    const fork = () => {
      const worker = cluster.fork()
      running.add(worker)
      let ready = false
      worker.once('listening', (address) => {
        ready = true
        if (!started && ++listening === count) {
          started = true
          resolve({ port: address.port, stop })
        }
      })
      worker.once('exit', (code, signal) => {
        running.delete(worker)
        if (stopping) return
        if (!started && !ready) {
          void stop().finally(() => reject(new Error(`a web process exited before it listened (${signal ?? `code ${code}`})`)))
          return
        }
        log.error({ pid: worker.process.pid, code, signal }, 'a web process died; starting another')
        setTimeout(() => stopping || fork(), REPLACE_AFTER_MS).unref()
      })
    }
    for (let i = 0; i < count; i++) fork()
  })
}
