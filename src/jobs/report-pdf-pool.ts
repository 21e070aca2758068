import { availableParallelism } from 'node:os'
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ReportPdfRenderer } from '../services/reports/report-pdf-renderer'
import type { ReportView } from '../services/reports/report-view'
import type { RenderReply, RenderRequest } from './report-pdf-worker'

// Report PDFs drawn on every core (decision 170): pdfkit and the chart are pure CPU work on data the job already
// read, so each worker thread takes a report's data and gives back the PDF's bytes. The worker runs from its
// TypeScript source through tsx (a dependency), in the built server as in tests: the build keeps each module's own
// file URL (decision 165), and one transpile per thread per run costs well under a second.

const WORKER_FILE = new URL('./report-pdf-worker.ts', import.meta.url)
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

type Waiting = { resolve: (pdf: Uint8Array) => void; reject: (err: Error) => void }

/** A pool of `size` threads (default: one per core), each given the next report when it is free. */
export function reportPdfPool(size = availableParallelism()): ReportPdfRenderer {
  const idle: Worker[] = []
  const queue: { request: RenderRequest; waiting: Waiting }[] = []
  const waiting = new Map<number, Waiting>()
  const busy = new Map<Worker, number>()
  let nextId = 0
  let broken: Error | null = null

  const dispatch = (worker: Worker) => {
    const job = queue.shift()
    if (!job) return void idle.push(worker)
    waiting.set(job.request.id, job.waiting)
    busy.set(worker, job.request.id)
    worker.postMessage(job.request)
  }
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(WORKER_FILE, { execArgv: ['--import', TSX] })
    worker.on('message', (reply: RenderReply) => {
      const done = waiting.get(reply.id)
      waiting.delete(reply.id)
      busy.delete(worker)
      if ('pdf' in reply) done?.resolve(reply.pdf)
      else done?.reject(new Error(`report PDF: ${reply.error}`))
      dispatch(worker)
    })
    // A thread that dies takes its report with it; the pool refuses further work rather than waiting forever.
    worker.on('error', (err) => {
      broken = err
      const id = busy.get(worker)
      if (id !== undefined) waiting.get(id)?.reject(err)
      for (const job of queue.splice(0)) job.waiting.reject(err)
    })
    idle.push(worker)
    return worker
  })

  return {
    size: workers.length,
    render(view: ReportView) {
      if (broken) return Promise.reject(broken)
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ request: { id: nextId++, view }, waiting: { resolve, reject } })
        const worker = idle.pop()
        if (worker) dispatch(worker)
      })
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
