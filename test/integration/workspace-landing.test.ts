import { expect, test } from 'vitest'
import { findUserByEmail } from '../../src/db/queries/accounts'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { seedDemoOnce } from '../../src/services/demo/seed-demo'
import { importShippedInstruments, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

const { app, db } = await testApp()
await importShippedInstruments(db)
await seedDemoOnce(db, CLI_OPERATOR)

test("the demo dean lands on the school's page: the open round can be started, last year's closed round cannot", async () => {
  const dean = (await findUserByEmail(db, 'dean@demo.socialmissionmetrics.test'))!
  const headers = await signedIn(db, dean)
  const html = await (await app.request('/school', { headers })).text()
  expect(html.match(/Start the response/g)).toHaveLength(1)
  expect(html).toContain('not entered on this platform')

  const start = html.match(/href="(\/school\/participations\/[0-9a-f-]+\/response)"/)![1]!
  const opened = await app.request(start, { headers })
  expect(opened.status).toBe(303)
  const overview = await app.request(opened.headers.get('location')!, { headers })
  expect(overview.status).toBe(200)
  expect(await overview.text()).toContain('Whole questionnaire')
})
