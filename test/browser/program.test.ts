import { describe, expect, it } from 'vitest'
import { expectAccessible, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'

/** Running the program: partner admins manage their team; staff change terms with a reason and score partners. */
const { url, newPage, signIn } = useBrowserPortal('browser-program')

describe('program operations', () => {
  it('lets a partner admin invite a rep, who then signs in', async () => {
    const page = await newPage(1280)
    await signIn(page, 'admin@ecobee.example')
    await page.getByRole('navigation', { name: 'Partner workspace sections' }).getByRole('link', { name: 'Team' }).click()
    await page.waitForURL(url('/workspace/team'))
    await page.getByRole('list', { name: 'Team members' }).getByText('rep@ecobee.example').waitFor()
    await page.getByLabel('Name').fill('Avery Chen')
    await page.getByLabel('E-mail').fill('avery.chen@ecobee.example')
    await page.getByRole('button', { name: 'Send the invitation' }).click()
    await page.getByText('Avery Chen can sign in now with avery.chen@ecobee.example as partner rep.').waitFor()
    await page.getByRole('list', { name: 'Team members' }).getByText('avery.chen@ecobee.example').waitFor()
    // the same address again is refused on its field
    await page.getByLabel('Name').fill('Avery again')
    await page.getByLabel('E-mail').fill('avery.chen@ecobee.example')
    await page.getByRole('button', { name: 'Send the invitation' }).click()
    await page.locator('#invite-email-error').getByText('already has an account').waitFor()
    await expectAccessible(page, 'team')
    await screenshot(page, 'team-1280')

    const rep = await newPage(375)
    await rep.goto(url('/sign-in'))
    await rep.locator('#sign-in-email').fill('avery.chen@ecobee.example')
    await rep.getByRole('button', { name: 'Sign in', exact: true }).click()
    await rep.waitForURL((u) => u.pathname.startsWith('/workspace'))
    await rep.locator('.user-menu__fullname').getByText('Avery Chen').waitFor({ state: 'attached' })
    // reps do not manage the team
    expect(await rep.getByRole('link', { name: 'Team' }).count()).toBe(0)
    await expectNoOverflow(rep, 'workspace of an invited rep at 375 px')
  })

  it('tells a partner’s admins when staff change its tier, with the reason', async () => {
    const staff = await newPage(1280)
    await signIn(staff, 'staff@homeaiq.example')
    await staff.goto(url('/staff/partners/honeywell-home'))
    await staff.getByRole('heading', { name: 'Program settings' }).waitFor()
    await staff.getByLabel('Tier').selectOption('strategic')
    await staff.getByLabel('Reason for the change').fill('Resideo joins the energy-management packages')
    await staff.getByRole('button', { name: 'Save changes' }).click()
    await staff.getByRole('dialog').getByRole('button', { name: 'Change the terms' }).click()
    await staff.getByText('Partner updated').waitFor()

    const admin = await newPage(1280)
    await signIn(admin, 'admin@honeywell-home.example')
    await admin.goto(url('/notifications'))
    // the dispatcher delivers within seconds locally (the table's stream does in AWS)
    const notice = admin.getByRole('listitem').filter({ hasText: 'Your partnership terms changed' })
    const loaded = async () => {
      await admin.reload()
      await admin.locator('.notification-list, .state--empty').first().waitFor()
      return notice.count()
    }
    await expect.poll(loaded, { timeout: 15_000 }).toBeGreaterThan(0)
    expect(await notice.textContent()).toContain('Resideo joins the energy-management packages')
  })

  it('lets staff score a partner and flags a tier its score does not support', async () => {
    const page = await newPage(1280)
    await signIn(page, 'staff@homeaiq.example')
    await page.goto(url('/staff/partners/control4'))
    await page.getByRole('heading', { name: 'Scorecard' }).waitFor()
    await page.getByText('Not scored yet.').waitFor()
    for (const label of [
      'Channel strategy compatibility',
      'Revenue opportunity',
      'Integration capabilities',
      'Customer demand',
    ]) {
      await page.getByLabel(label).selectOption('2')
    }
    await page.getByRole('button', { name: 'Save scorecard' }).click()
    await page.getByText(/Scored 56\.0: recommends Standard/).waitFor()
    await expectAccessible(page, 'scorecard')
    await screenshot(page, 'staff-scorecard-1280')
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Partners' }).click()
    const row = page.getByRole('row', { name: /Control4/ })
    await row.getByText('Tier above its score').waitFor()
    expect(await row.textContent()).toContain('56.0 · recommends Standard')
  })
})
