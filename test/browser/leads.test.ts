import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'

/**
 * Lead sharing in headless Chromium against the real local runtime (with its demo leads):
 * staff share a lead, Lutron (the strategic lighting partner for the region) sees it without the
 * homeowner's contact, accepts, sees the contact and moves it to won.
 */
const { url, newPage, signIn } = useBrowserPortal('browser-leads')

const HOMEOWNER = {
  name: 'Quinn Harper',
  email: 'quinn.harper@example.com',
  phone: '+1 415 555 0177',
  address: '350 Pacific Avenue, San Francisco',
}

async function check(page: Page, name: string) {
  await expectAccessible(page, name)
  await expectNoOverflow(page, name)
  await screenshot(page, `${name}-${page.viewportSize()!.width}`)
}

describe('lead sharing', () => {
  it('staff share a lead; Lutron sees no contact until it accepts, then moves it to won', async () => {
    const staff = await newPage(1280)
    await signIn(staff, 'staff@homeaiq.example')
    await staff.goto(url('/staff/leads'))
    await staff.getByRole('heading', { name: 'Lead distribution' }).waitFor()
    await staff.getByRole('heading', { name: /Conflicts/ }).waitFor()
    await check(staff, 'leads-staff-board')

    await staff.getByRole('link', { name: 'Share a lead' }).click()
    await staff.getByRole('heading', { name: 'Share a lead' }).waitFor()
    await staff.getByRole('button', { name: 'Share lead' }).click()
    await staff.getByText('Please correct these fields').waitFor()
    await check(staff, 'leads-share-errors')
    await staff.getByLabel('Project type').selectOption('renovation')
    await staff.getByLabel('Region').fill('US-CA')
    await staff.getByLabel('Budget').selectOption('100k-250k')
    await staff.getByLabel('Lighting control').check()
    await staff.getByLabel('Homeowner’s name').fill(HOMEOWNER.name)
    await staff.getByLabel('E-mail').fill(HOMEOWNER.email)
    await staff.getByLabel('Phone').fill(HOMEOWNER.phone)
    await staff.getByLabel('Street address').fill(HOMEOWNER.address)
    await staff.getByRole('button', { name: 'Share lead' }).click()
    await staff.getByText(/Lead shared: offered to Lutron Electronics until/).waitFor()
    const leadUrl = staff.url()
    const leadId = leadUrl.split('/').pop()!
    await staff.getByRole('table').getByText('Lutron Electronics').waitFor()
    expect(await staff.getByText(HOMEOWNER.email).isVisible()).toBe(true)
    await check(staff, 'leads-staff-detail')

    // Lutron's rep: the offer with its countdown, and no contact anywhere
    const rep = await newPage(1280)
    await signIn(rep, 'rep@lutron.example')
    await rep.goto(url('/workspace/leads'))
    const offer = rep.locator('.lead-card--offer').filter({ has: rep.locator(`a[href="/workspace/leads/${leadId}"]`) })
    await offer.waitFor()
    expect(await offer.locator('.countdown').textContent()).toMatch(/1 day 23 hours left to accept or decline|2 days left/)
    for (const part of Object.values(HOMEOWNER)) expect(await rep.content()).not.toContain(part)
    await check(rep, 'leads-partner-inbox')
    await offer.getByRole('link').click()
    await rep.getByRole('heading', { level: 1, name: 'Renovation in US-CA' }).waitFor()
    await rep.getByText('Shown once you accept').waitFor()
    for (const part of Object.values(HOMEOWNER)) expect(await rep.content()).not.toContain(part)
    await check(rep, 'leads-partner-offer')

    await rep.getByRole('button', { name: /^Accept lead/ }).click()
    await rep.getByText('You accepted this lead. Here is the homeowner’s contact.').waitFor()
    await rep.getByRole('link', { name: HOMEOWNER.email }).waitFor()
    expect(await rep.getByText(HOMEOWNER.address).isVisible()).toBe(true)

    // the pipeline, by keyboard: contacted, quoted (with its value), won (with its value)
    await rep.getByRole('button', { name: 'Mark contacted' }).focus()
    await rep.keyboard.press('Enter')
    await rep.getByText('is now contacted').waitFor()
    await rep.getByRole('button', { name: 'Record quote' }).click()
    await rep.getByLabel('Quoted value (USD)').fill('118,500')
    await rep.keyboard.press('Enter')
    await rep.getByText('is now quoted').waitFor()
    await rep.getByRole('button', { name: 'Mark won' }).click()
    await rep.getByRole('button', { name: 'Mark won' }).last().click()
    await rep.getByText('Enter the won value').waitFor()
    await rep.getByLabel('Won value (USD)').fill('116,000')
    await rep.getByRole('button', { name: 'Mark won' }).last().click()
    await rep.getByText('is now won').waitFor()
    await rep.getByText('Deal value: $116,000.00').waitFor()
    await check(rep, 'leads-partner-won')

    // staff see the outcome and the offer history
    await staff.goto(leadUrl)
    await staff.getByRole('heading', { level: 1, name: 'Renovation in US-CA' }).waitFor()
    await staff.getByText('Accepted by').waitFor()
    expect(await staff.locator('.content-header .badge').textContent()).toBe('Won')
  })

  it('shows the board, the referral form and a conflict at phone width', async () => {
    const rep = await newPage(375)
    await signIn(rep, 'rep@ecobee.example')
    await rep.goto(url('/workspace/leads'))
    await rep.getByRole('heading', { name: 'Your pipeline' }).waitFor()
    await check(rep, 'leads-partner-board')
    await rep.goto(url('/workspace/referrals'))
    await rep.getByRole('heading', { name: 'New referral' }).waitFor()
    await rep.getByLabel('Project type').selectOption('retrofit')
    await rep.getByLabel('Region').fill('US-CA')
    await rep.getByLabel('Budget').selectOption('10k-50k')
    await rep.getByLabel('Climate control').check()
    await rep.getByLabel('Homeowner’s name').fill('Avery Brooks')
    await rep.getByLabel('E-mail').fill(' avery.brooks@EXAMPLE.com')
    await rep.getByLabel('Street address').fill('48 Vista Verde Way, Mill Valley')
    await rep.getByRole('button', { name: 'Send referral' }).click()
    await rep.getByText('Referral sent: HomeAIQ may know this homeowner already').waitFor()
    await rep.locator('.referral-list').getByText('Possible duplicate').waitFor()
    await check(rep, 'leads-partner-referrals')

    const staff = await newPage(375)
    await signIn(staff, 'staff@homeaiq.example')
    await staff.goto(url('/staff/leads'))
    await staff.getByRole('heading', { name: /Conflicts/ }).waitFor()
    await check(staff, 'leads-staff-board')
    const conflict = staff.locator('section[aria-labelledby="board-conflicts"] a').first()
    await conflict.click()
    await staff.getByText('Possible duplicate').first().waitFor()
    await staff.getByRole('heading', { name: 'The match' }).waitFor()
    await check(staff, 'leads-staff-conflict')
    await staff.getByRole('button', { name: 'Reject referral' }).click()
    await staff.getByText('Referral rejected; the referrer has been told.').waitFor()
  })
})
