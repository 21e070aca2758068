import { execFile } from 'node:child_process'

/** The text of a PDF as poppler's pdftotext reads it: an independent reader, not the library that wrote it. */
export function pdfText(pdf: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-enc', 'UTF-8', '-', '-'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (err, stdout) => (err ? reject(err) : resolve(stdout)))
    child.stdin!.end(Buffer.from(pdf))
  })
}
