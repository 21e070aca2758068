// Toolkit and per-area resources: which files we accept and how a resource gets its address.

export const RESOURCE_KINDS = ['toolkit', 'area-resource'] as const
export type ResourceKind = (typeof RESOURCE_KINDS)[number]

export const MAX_RESOURCE_FILE_BYTES = 5 * 1024 * 1024

/** Office documents and text only: nothing a browser would run when a visitor opens the download. */
export const ALLOWED_RESOURCE_FILES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain',
}

export type FileCheck = { ok: true; mimeType: string; fileName: string } | { ok: false; message: string }

/**
 * Judges an upload by its extension (the browser's claimed type is not trusted) and size. The stored type comes
 * from our list, so a download is always served as what its extension says.
 */
export function checkResourceFile(file: { name: string; size: number }): FileCheck {
  const fileName = safeFileName(file.name)
  const dot = fileName.lastIndexOf('.')
  const mimeType = dot >= 0 ? ALLOWED_RESOURCE_FILES[fileName.slice(dot).toLowerCase()] : undefined
  if (!mimeType) return { ok: false, message: 'Choose a PDF, Word, PowerPoint, Excel or plain-text file.' }
  if (file.size === 0) return { ok: false, message: 'The chosen file is empty.' }
  if (file.size > MAX_RESOURCE_FILE_BYTES) return { ok: false, message: 'The file is larger than 5 MB. Please send a smaller one.' }
  return { ok: true, mimeType, fileName }
}

/** A file name safe to put in a Content-Disposition header: no paths, quotes or control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base.replace(/[^\w.\- ()]+/g, '_').replace(/^\.+/, '').trim().slice(0, 120)
  return cleaned || 'download'
}

/** A readable address from a title: "Letter to the Dean" → "letter-to-the-dean". */
export function slugFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '')
  return slug || 'resource'
}

/** Plain text with blank lines between paragraphs becomes a list of paragraphs; nothing in it is markup. */
export function paragraphsOf(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
}
