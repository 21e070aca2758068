import { expect, test } from 'vitest'
import { renderMail } from './render'

test('text in the HTML twin is escaped, so a name cannot inject markup into a message', () => {
  const mail = renderMail('Hi', [{ paragraph: 'Dear <script>alert(1)</script> & co' }], 'footer')
  expect(mail.html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; co')
  expect(mail.html).not.toContain('<script>')
})

test('a link appears in full in the plain-text body, on its own line', () => {
  const mail = renderMail('Hi', [{ link: { href: 'https://x.test/a?b=1', label: 'Open' } }], 'footer')
  expect(mail.text).toContain('Open:\nhttps://x.test/a?b=1')
})
