import { expect, test } from 'vitest'
import { MAIL_RETRY, startQueue } from '../../src/jobs/queue'
import { JOB_NAMES } from '../../src/services/jobs'
import { freshDatabase } from '../support/test-database'

// Decision 174: each start reads the queues once, creates the missing ones and brings the others' options to the
// code's, instead of asking pg-boss to create every queue again (which leaves an existing queue's options alone).

test('a start creates every queue, and a later start puts back options that differ from the code', async () => {
  const database = await freshDatabase()
  try {
    const first = await startQueue(database, database.url)
    const created = await first.boss.getQueues()
    expect(created.map((q) => q.name)).toEqual(expect.arrayContaining(Object.values(JOB_NAMES)))
    expect(created.find((q) => q.name === JOB_NAMES.badgeIssue)?.policy).toBe('exclusive')
    // Someone (or an older release) left the mail queue with other retries.
    await first.boss.updateQueue(JOB_NAMES.sendMail, { retryLimit: 1, retryBackoff: false })
    await first.stop()

    const second = await startQueue(database, database.url)
    const mail = await second.boss.getQueue(JOB_NAMES.sendMail)
    expect(mail).toMatchObject({ retryLimit: MAIL_RETRY.retryLimit, retryDelay: MAIL_RETRY.retryDelay, retryBackoff: true, notify: true })
    await second.stop()
  } finally {
    await database.close()
  }
})
