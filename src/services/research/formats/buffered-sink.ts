import { ByteBuilder } from './binary'
import { type ByteSink, type DatasetValue, type LabelledDataset } from './dataset'

/**
 * Gathers small writes into chunks of about 64 KiB before handing them to the sink: one write per cell would make
 * a large export crawl, one write per file would hold it whole in memory. `write` awaits the sink when a chunk is
 * handed over, so a slow reader (an HTTP client) slows the writer down instead of filling memory.
 */
export class BufferedSink {
  private parts: Uint8Array[] = []
  private size = 0
  private readonly encoder = new TextEncoder()

  constructor(
    private readonly sink: ByteSink,
    private readonly chunkSize = 64 * 1024,
  ) {}

  async write(data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? this.encoder.encode(data) : data
    this.parts.push(bytes)
    this.size += bytes.byteLength
    if (this.size >= this.chunkSize) await this.flush()
  }

  /** Hands over whatever is gathered; call once at the end. */
  async flush(): Promise<void> {
    if (this.size === 0) return
    const chunk = new Uint8Array(this.size)
    let offset = 0
    for (const part of this.parts) {
      chunk.set(part, offset)
      offset += part.byteLength
    }
    this.parts = []
    this.size = 0
    await this.sink.write(chunk)
  }
}

/** Fails loudly when the rows streamed do not match the count a header promised: the file would be corrupt. */
function checkRowCount(expected: number, actual: number, format: string): void {
  if (expected !== actual) {
    throw new Error(`The ${format} file promised ${expected} rows in its header but the dataset yielded ${actual}.`)
  }
}

/**
 * Streams the dataset's rows as binary records: `encode` appends one row to the builder, which is handed to the
 * sink every 32 KiB. Checks at the end that the rows matched the count the file's header promised.
 */
export async function streamBinaryRows(
  dataset: LabelledDataset,
  out: BufferedSink,
  format: string,
  encode: (builder: ByteBuilder, values: readonly DatasetValue[]) => void,
): Promise<void> {
  const builder = new ByteBuilder()
  let rows = 0
  for await (const values of dataset.rows()) {
    encode(builder, values)
    rows++
    if (builder.length >= 32 * 1024) await out.write(builder.take())
  }
  await out.write(builder.take())
  checkRowCount(dataset.rowCount, rows, format)
}
