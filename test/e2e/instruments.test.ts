import { expect, test } from 'vitest'
import { seriousAxeViolations } from './support/browser'
import { useAdminSession } from './support/admin-session'

const running = useAdminSession()
const adminPage = (javaScriptEnabled: boolean) => running.adminPage({ javaScriptEnabled })
const K12 = 'With how many K-12 schools or districts does the school have an active pathway partnership?'
const GATE = /run or co-run at least one pathway program/

test('with JavaScript, answering the gate question shows the follow-up at once, and taking it back hides it', async () => {
  const page = await adminPage(true)
  await page.goto(`${running.server.baseUrl}/admin`)
  await page.getByRole('link', { name: 'Instrument versions' }).click()
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({ path: 'test-results/instruments-list.png', fullPage: true })
  await page.getByRole('link', { name: 'smm-2024' }).click()
  await page.getByRole('button', { name: 'Preview' }).click()
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain('Preview')

  const followUp = page.getByLabel(K12)
  expect(await followUp.isVisible()).toBe(false)
  const gate = page.getByRole('group', { name: GATE })
  await gate.getByLabel('Yes', { exact: true }).check()
  await expect.poll(() => followUp.isVisible()).toBe(true)
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({ path: 'test-results/instruments-preview.png' })
  await gate.getByLabel('No', { exact: true }).check()
  await expect.poll(() => followUp.isVisible()).toBe(false)

  await page.goto(`${running.server.baseUrl}/admin/instruments/diff?before=smm-2019&after=smm-2024`)
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({ path: 'test-results/instruments-diff.png' })
  await page.goto(`${running.server.baseUrl}/admin/instruments/smm-2019`)
  await expect.poll(() => page.getByRole('heading', { name: 'Crosswalk to smm-2024' }).isVisible()).toBe(true)
  expect(await seriousAxeViolations(page)).toEqual([])
  await page.screenshot({ path: 'test-results/instruments-2019.png', fullPage: true })
})

test('without JavaScript, "Apply answers" re-renders the preview with the follow-up shown or hidden', async () => {
  const page = await adminPage(false)
  page.setDefaultTimeout(8000)
  await page.goto(`${running.server.baseUrl}/admin/instruments/smm-2024/preview?discipline=md`)
  expect(await page.getByLabel(K12).isVisible()).toBe(false)
  await page.getByRole('group', { name: GATE }).getByLabel('Yes', { exact: true }).check()
  expect(await page.getByLabel(K12).isVisible()).toBe(false) // nothing runs in the page itself
  await page.getByRole('button', { name: 'Apply answers' }).click()
  await expect.poll(() => page.getByLabel(K12).isVisible()).toBe(true)
  expect(await page.getByRole('group', { name: GATE }).getByLabel('Yes', { exact: true }).isChecked()).toBe(true)
  await page.getByRole('group', { name: GATE }).getByLabel('No', { exact: true }).check()
  await page.getByRole('button', { name: 'Apply answers' }).click()
  await expect.poll(() => page.getByLabel(K12).isVisible()).toBe(false)
  // (axe-core needs scripts to run, so the accessibility check of this page is in the test above.)
})
