import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export type SmtpPeer = {
  url: string
  received: ParsedMail[]
  /** Resolves with the first message to this address, waiting for it to arrive. */
  waitFor(to: string, timeoutMs?: number): Promise<ParsedMail>
  close(): Promise<void>
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package): what the platform sends really crosses a socket.
 * `rejectRecipients` refuses every recipient with 550; `refuse` refuses the addresses it names with the reply
 * given (its code first, e.g. "550 5.1.1 No such user", or "450 Try again later" for a temporary refusal).
 * `port` listens on that port (a server that "comes back" where the app expects it); by default any free one.
 */
export async function startSmtpPeer({ rejectRecipients = false, refuse = {} as Record<string, string>, port = 0 } = {}): Promise<SmtpPeer> {
  const received: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectRecipients) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }))
      const reply = refuse[address.address.toLowerCase()]
      if (reply) {
        const [, code, text] = reply.match(/^(\d{3})\s+(.*)$/)!
        return callback(Object.assign(new Error(text), { responseCode: Number(code) }))
      }
      callback()
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail)
          callback()
        },
        (err: Error) => callback(err),
      )
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const listening = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${listening}`,
    received,
    async waitFor(to, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = received.find((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.text.includes(to)))
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
