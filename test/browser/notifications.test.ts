import { describe, expect, it } from 'vitest'
import { expectAccessible, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'

/** The bell and the notifications page, as HomeAIQ staff meet them after a partner's safety notice. */
const { url, newPage, signIn } = useBrowserPortal('browser-notifications')

async function api(path: string, email: string, body: unknown) {
  const token = await fetch(url('/auth/dev/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  }).then(async (r) => ((await r.json()) as { access_token: string }).access_token)
  const res = await fetch(url(`/api/v1${path}`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  expect(res.status, await res.clone().text()).toBeLessThan(300)
}

describe('notifications', () => {
  it('shows staff a partner’s safety notice under the bell, marks it read, and keeps e-mail choices', async () => {
    await api('/partners/yale/briefings', 'rep@yale.example', {
      kind: 'safety-notice',
      title: 'Yale Assure Lock 2: tighten the strike plate screws',
      body: 'A loose strike plate can keep the bolt from throwing fully.',
      effectiveDate: '2026-12-01',
    })
    await fetch(url('/dev/jobs/notify-dispatch'), { method: 'POST' })

    const page = await newPage(1280)
    await signIn(page, 'staff@homeaiq.example')
    const bell = page.getByRole('link', { name: /^Notifications/ })
    const unread = async () => Number(/(\d+) unread/.exec((await bell.getAttribute('aria-label')) ?? (await bell.textContent()) ?? '')?.[1] ?? 0)
    await expect.poll(unread).toBeGreaterThan(0)
    const before = await unread()
    await bell.click()
    await page.waitForURL(url('/notifications'))
    const item = page.getByRole('listitem').filter({ hasText: 'Yale Assure Lock 2: tighten the strike plate screws' })
    await item.getByText('Unread').waitFor()
    await expectAccessible(page, 'notifications')
    await screenshot(page, 'notifications-1280')

    await item.getByRole('button', { name: /^Mark as read/ }).click()
    await item.getByRole('button', { name: /^Mark as read/ }).waitFor({ state: 'detached' })
    await expect.poll(unread).toBe(before - 1)

    // e-mail choices: mandatory kinds cannot be turned off; the others save
    const mandatory = page.getByLabel('Safety and end-of-life briefings to acknowledge (always)')
    expect(await mandatory.isDisabled()).toBe(true)
    expect(await mandatory.isChecked()).toBe(true)
    await page.getByLabel('MDF claim decisions').uncheck()
    await page.getByRole('button', { name: 'Save e-mail choices' }).click()
    await page.getByText('Your e-mail choices apply to the next notifications.').waitFor()
    await page.reload()
    await page.getByLabel('MDF claim decisions').waitFor()
    expect(await page.getByLabel('MDF claim decisions').isChecked()).toBe(false)

    // the dev mailbox shows the e-mail the dispatcher sent
    const mailbox = await (await fetch(url('/dev/mailbox'))).text()
    expect(mailbox).toContain('Yale Assure Lock 2: tighten the strike plate screws')
    expect(mailbox).toContain('To staff@homeaiq.example')
  })

  it('fits a phone', async () => {
    const page = await newPage(375)
    await signIn(page, 'admin@yale.example')
    await page.goto(url('/notifications'))
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor()
    await page.getByRole('heading', { name: 'No notifications yet' }).waitFor()
    await expectNoOverflow(page, 'notifications at 375 px')
    await expectAccessible(page, 'notifications empty')
    await screenshot(page, 'notifications-375')
  })
})
