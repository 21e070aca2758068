/**
 * Little-endian building blocks for the binary writers (SPSS .sav, Stata .dta): a growable byte builder and
 * UTF-8 helpers that cut text at a byte limit without splitting a character.
 */

const encoder = new TextEncoder()

export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/** The longest start of `text` whose UTF-8 fits in `maxBytes`, never cutting a character in half. */
export function utf8Truncate(text: string, maxBytes: number): Uint8Array {
  const bytes = encoder.encode(text)
  if (bytes.byteLength <= maxBytes) return bytes
  let end = maxBytes
  // Continuation bytes look like 10xxxxxx: step back to the start of the character that would be cut.
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--
  return bytes.slice(0, end)
}

export class ByteBuilder {
  private buffer = new Uint8Array(256)
  private view = new DataView(this.buffer.buffer)
  length = 0

  /** Makes room for n bytes and returns where they start (call it before touching `view`, which it may replace). */
  private reserve(n: number): number {
    const at = this.length
    if (at + n > this.buffer.byteLength) {
      const bigger = new Uint8Array(Math.max(this.buffer.byteLength * 2, at + n))
      bigger.set(this.buffer)
      this.buffer = bigger
      this.view = new DataView(bigger.buffer)
    }
    this.length += n
    return at
  }

  /** Reserves `size` bytes and lets `set` fill them through the (possibly new) view. */
  private put(size: number, set: (view: DataView, at: number) => void): this {
    const at = this.reserve(size)
    set(this.view, at)
    return this
  }

  int8(value: number): this {
    return this.put(1, (view, at) => view.setUint8(at, value))
  }
  uint16(value: number): this {
    return this.put(2, (view, at) => view.setUint16(at, value, true))
  }
  int32(value: number): this {
    return this.put(4, (view, at) => view.setInt32(at, value, true))
  }
  uint32(value: number): this {
    return this.put(4, (view, at) => view.setUint32(at, value, true))
  }
  uint64(value: number): this {
    return this.put(8, (view, at) => view.setBigUint64(at, BigInt(value), true))
  }
  float64(value: number): this {
    return this.put(8, (view, at) => view.setFloat64(at, value, true))
  }
  /** A float64 from its exact bit pattern (for missing-value markers that are not ordinary numbers). */
  float64Bits(bits: bigint): this {
    return this.put(8, (view, at) => view.setBigUint64(at, bits, true))
  }
  /** Overwrites 8 bytes already written (a back-patched offset in a header). */
  patchUint64(at: number, value: number): this {
    this.view.setBigUint64(at, BigInt(value), true)
    return this
  }
  bytes(data: Uint8Array): this {
    const at = this.reserve(data.byteLength)
    this.buffer.set(data, at)
    return this
  }
  /** ASCII or UTF-8 text, no length, no padding. */
  text(value: string): this {
    return this.bytes(utf8(value))
  }
  /** `data` cut or padded with `pad` to exactly `width` bytes (a fixed-width field). */
  fixed(data: Uint8Array | string, width: number, pad = 0x20): this {
    const bytes = typeof data === 'string' ? utf8Truncate(data, width) : data.subarray(0, width)
    const at = this.reserve(width)
    this.buffer.set(bytes, at)
    this.buffer.fill(pad, at + bytes.byteLength, at + width)
    return this
  }

  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length)
  }
  /** Hands over what is built and starts again empty (for streaming rows in batches). */
  take(): Uint8Array {
    const bytes = this.toBytes()
    this.length = 0
    return bytes
  }
}
