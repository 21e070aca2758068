import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import type { ByteSink } from './formats/dataset'

export type ZipEntry = {
  name: string
  write: (sink: ByteSink) => Promise<void>
  /** Stored as is: for files compressed already (PDFs), where deflating again costs CPU and saves nothing. */
  stored?: boolean
}

const encoder = new TextEncoder()

/**
 * Writes several files into one zip as they are produced (fflate's streaming deflate): each file's writer streams
 * into its entry and the archive's bytes go on to `out` as they come, awaited, so a slow reader slows the writers
 * instead of the archive piling up in memory. Entries may come as they are read (an async iterable).
 */
export async function writeZip(entries: Iterable<ZipEntry> | AsyncIterable<ZipEntry>, out: ByteSink): Promise<void> {
  let pending: Promise<void> = Promise.resolve()
  let failure: Error | null = null
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err
    else pending = pending.then(() => out.write(chunk)).then(() => undefined)
    void final
  })
  for await (const entry of entries) {
    const file = entry.stored ? new ZipPassThrough(entry.name) : new ZipDeflate(entry.name, { level: 6 })
    zip.add(file)
    await entry.write({
      write: async (chunk) => {
        file.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk)
        if (failure) throw failure
        await pending
      },
    })
    file.push(new Uint8Array(0), true)
  }
  zip.end()
  await pending
  if (failure) throw failure
}
