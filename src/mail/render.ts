// Mail bodies are plain text first (it is what many deans' mail clients show), with a simple HTML twin.

export type MailContent = { subject: string; text: string; html: string }

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!)

export type Block = { paragraph: string } | { link: { href: string; label: string } }

export function renderMail(subject: string, blocks: Block[], footer: string): MailContent {
  const text = blocks
    .map((b) => ('paragraph' in b ? b.paragraph : `${b.link.label}:\n${b.link.href}`))
    .concat(['--', footer])
    .join('\n\n')
  const html = blocks
    .map((b) =>
      'paragraph' in b
        ? `<p>${escapeHtml(b.paragraph)}</p>`
        : `<p><a href="${escapeHtml(b.link.href)}">${escapeHtml(b.link.label)}</a></p>`,
    )
    .concat([`<p style="color:#555;font-size:13px">${escapeHtml(footer)}</p>`])
    .join('\n')
  return { subject, text, html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${html}</body></html>` }
}
