import { expect, test } from 'vitest'
import { findUserByEmail } from '../../src/db/queries/accounts'
import { CLI_OPERATOR } from '../../src/domain/policy/roles'
import { seedDemoOnce } from '../../src/services/demo/seed-demo'
import { importShippedInstruments, signedIn } from '../support/seed'
import { testApp } from '../support/test-app'

const { app, db, queue } = await testApp()
await importShippedInstruments(db)
await seedDemoOnce(db, queue, CLI_OPERATOR)

test("the demo dean lands on the school's page with this year's response under way", async () => {
  const dean = (await findUserByEmail(db, 'dean@demo.socialmissionmetrics.test'))!
  const headers = await signedIn(db, dean)
  const html = await (await app.request('/school', { headers })).text()
  // The demo shows the product: the open round's response is in progress, with answers and a team.
  expect(html).toContain('In progress')
  const responses = [...html.matchAll(/href="(\/school\/responses\/[0-9a-f-]+)"/g)].map((m) => m[1]!)
  expect(responses.length).toBeGreaterThanOrEqual(1)
  const overview = await app.request(responses[0]!, { headers })
  expect(overview.status).toBe(200)
  expect(await overview.text()).toContain('Whole questionnaire')
})
