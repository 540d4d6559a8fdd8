import type { Page, Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, expectImageLoaded, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'
import { PNG_BYTES } from '../helpers/files'

/**
 * The portal as people use it, in headless Chromium against the real local runtime
 * (DynamoDB Local, s3rver, seeded demo data, the built web): one portal and one browser here.
 */

const { url, newPage, signIn } = useBrowserPortal('browser')

/** Submits the new-partner form and answers the API's response to the POST it sends. */
async function addPartner(page: Page): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/v1/partners'),
    page.getByRole('button', { name: 'Add partner' }).click(),
  ])
  return response
}

/** Names on the partner cards currently shown. */
async function cardNames(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Partners', exact: true })
  await list.waitFor()
  return (await list.getByRole('heading').allTextContents()).map((t) => t.trim())
}

describe('public directory', () => {
  it('filters by category, searches by name and opens a profile', async () => {
    const page = await newPage(1280)
    await page.goto(url('/'))
    expect(await page.title()).toBe('Partner directory · HomeAIQ Partner Portal')
    const all = await cardNames(page)
    expect(all).toContain('Lutron Electronics')
    expect(all).toHaveLength(11)
    await expectAccessible(page, 'directory')
    await screenshot(page, 'directory-1280')

    await page.getByLabel('Category').selectOption('climate-control')
    await page.waitForURL(/category=climate-control/)
    await page.getByRole('status').filter({ hasText: '2 partners' }).waitFor()
    const climate = await cardNames(page)
    expect(climate.sort()).toEqual(['Ecobee', 'Honeywell Home (Resideo)'])
    expect(climate).not.toContain('Lutron Electronics')
    await expectAccessible(page, 'directory filtered')

    // a name that is not in the category: the empty state offers to clear the filters
    await page.getByLabel('Search by name').fill('lutron')
    await page.getByLabel('Search by name').press('Enter')
    await page.getByRole('heading', { name: 'No partners match' }).waitFor()
    await expectAccessible(page, 'directory empty')
    await screenshot(page, 'directory-empty-1280')
    await page.getByRole('button', { name: 'Clear filters' }).last().click()
    await page.waitForURL(url('/'))
    expect(await cardNames(page)).toHaveLength(11)

    await page.getByLabel('Search by name').fill('honey')
    await page.getByRole('button', { name: 'Search', exact: true }).click()
    await page.waitForURL(/q=honey/)
    await page.getByRole('status').filter({ hasText: '1 partner' }).waitFor()
    // polled: once under load the count was read out while the cards were still being replaced
    await expect.poll(() => cardNames(page)).toEqual(['Honeywell Home (Resideo)'])

    await page.getByRole('link', { name: 'Honeywell Home (Resideo)' }).click()
    await page.waitForURL(url('/partners/honeywell-home'))
    await page.getByRole('heading', { level: 1, name: 'Honeywell Home (Resideo)' }).waitFor()
    expect(await page.getByText('Tier 2 · Preferred').first().isVisible()).toBe(true)
    await page.getByRole('heading', { name: 'Product lines' }).waitFor()
    expect(await page.title()).toBe('Honeywell Home (Resideo) · HomeAIQ Partner Portal')
    await expectAccessible(page, 'profile')
    await screenshot(page, 'profile-1280')

    await page.goto(url('/partners/no-such-partner'))
    await page.getByRole('heading', { name: 'Partner not found' }).waitFor()
    await expectAccessible(page, 'profile 404')
  })

  it('works at 375 px from a shared filtered link', async () => {
    const page = await newPage(375)
    await page.goto(url('/?category=climate-control'))
    expect(await page.getByLabel('Category').inputValue()).toBe('climate-control')
    expect((await cardNames(page)).sort()).toEqual(['Ecobee', 'Honeywell Home (Resideo)'])
    await expectNoOverflow(page, 'directory 375')
    await expectAccessible(page, 'directory 375')
    await screenshot(page, 'directory-375')

    await page.getByRole('link', { name: 'Ecobee' }).click()
    await page.getByRole('heading', { level: 1, name: 'Ecobee' }).waitFor()
    await expectAccessible(page, 'profile 375')
    await screenshot(page, 'profile-375')
  })
})

describe('partner workspace', () => {
  it('lets a partner-admin edit the listing, with field errors and stale-edit handling', async () => {
    const page = await newPage(1280)
    await signIn(page, 'admin@lutron.example')
    await page.waitForURL(url('/workspace'))
    await page.goto(url('/workspace/listing'))
    await page.getByRole('heading', { level: 1, name: 'Directory listing' }).waitFor()
    const description = page.getByLabel('Description', { exact: true })
    await description.waitFor()
    await expectAccessible(page, 'workspace')

    // a field error is shown next to its field and the field gets keyboard focus
    const website = page.getByLabel('Website')
    const originalWebsite = await website.inputValue()
    await website.fill('http://insecure.example')
    await page.getByRole('button', { name: 'Save listing' }).click()
    await page.locator('#listing-website-error').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('listing-website')
    expect(await website.getAttribute('aria-invalid')).toBe('true')
    await expectAccessible(page, 'workspace with errors')
    await screenshot(page, 'workspace-errors-1280')

    const text = `Lutron designs lighting controls for every room. Updated in the browser test ${Date.now()}.`
    await website.fill(originalWebsite)
    await description.fill(text)
    await page.getByRole('button', { name: 'Save listing' }).click()
    await page.getByRole('status').filter({ hasText: 'Listing saved' }).waitFor()
    expect(await page.locator('#listing-website-error').count()).toBe(0)
    await expectAccessible(page, 'workspace saved')
    await screenshot(page, 'workspace-saved-1280')

    // a fresh visitor sees the new description on the public profile
    const visitor = await newPage(1280)
    await visitor.goto(url('/partners/lutron'))
    await visitor.getByText(text).waitFor()

    // someone else saves in between: the form says so and offers to reload
    const other = await newPage(1280)
    await signIn(other, 'admin@lutron.example')
    await other.goto(url('/workspace/listing'))
    await other.getByLabel('Description', { exact: true }).fill(`${text} Edited elsewhere.`)
    await other.getByRole('button', { name: 'Save listing' }).click()
    await other.getByRole('status').filter({ hasText: 'Listing saved' }).waitFor()

    await description.fill(`${text} Stale edit.`)
    await page.getByRole('button', { name: 'Save listing' }).click()
    await page.getByText('This listing changed').waitFor()
    await page.getByRole('button', { name: 'Reload latest version' }).click()
    await expect
      .poll(() => page.getByLabel('Description', { exact: true }).inputValue(), { timeout: 10_000 })
      .toBe(`${text} Edited elsewhere.`)
  })

  it('lets a partner-admin upload a logo that visitors then see on the directory card and the profile', async () => {
    const page = await newPage(1280)
    await signIn(page, 'admin@lutron.example')
    await page.waitForURL(url('/workspace'))
    await page.goto(url('/workspace/listing'))
    const logo = page.getByRole('group', { name: 'Logo', exact: true })
    await logo.getByText('No logo yet').waitFor()

    // a file of another type is refused before anything is sent, and the listing is not saved with it
    await page
      .locator('#listing-logo')
      .setInputFiles({ name: 'lutron-logo.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') })
    await logo.getByText(/Not uploaded: lutron-logo\.pdf is not a file type this field takes/).waitFor()
    await page.getByRole('button', { name: 'Save listing' }).click()
    await page.locator('#listing-logo-error').filter({ hasText: 'This image was not accepted.' }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('listing-logo')

    // a real PNG is uploaded, checked and previewed, then published with the listing
    await page.locator('#listing-logo').setInputFiles({ name: 'lutron-logo.png', mimeType: 'image/png', buffer: PNG_BYTES })
    expect(await page.locator('#listing-logo-error').count()).toBe(0)
    await logo.locator('.file-row').filter({ hasText: 'lutron-logo.png' }).getByText('Ready').waitFor({ timeout: 15_000 })
    await expectImageLoaded(logo.getByRole('img', { name: 'Lutron Electronics logo' }), 'the new logo’s preview')
    await logo.getByText('New logo: save the listing to publish it.').waitFor()
    await expectAccessible(page, 'workspace with a new logo')
    await page.getByRole('button', { name: 'Save listing' }).click()
    await page.getByRole('status').filter({ hasText: 'Listing saved' }).waitFor()
    await logo.getByText('Current logo', { exact: true }).waitFor()
    expect(await logo.locator('.file-row').count()).toBe(0)
    await expectImageLoaded(logo.getByRole('img', { name: 'Lutron Electronics logo' }), 'the saved logo')
    await screenshot(page, 'workspace-logo-1280')

    // a visitor sees the logo on Lutron's card and profile; a partner without one keeps its monogram
    const visitor = await newPage(1280)
    await visitor.goto(url('/'))
    const cards = visitor.getByRole('list', { name: 'Partners', exact: true }).getByRole('listitem')
    const lutron = cards.filter({ has: visitor.getByRole('heading', { name: 'Lutron Electronics' }) })
    await expectImageLoaded(lutron.getByRole('img', { name: 'Lutron Electronics logo' }), 'Lutron’s logo on its card')
    const ecobee = cards.filter({ has: visitor.getByRole('heading', { name: 'Ecobee' }) })
    expect(await ecobee.getByRole('img').count()).toBe(0)
    expect(await ecobee.locator('.monogram').count()).toBe(1)
    await screenshot(visitor, 'directory-logo-1280')
    await lutron.getByRole('link', { name: 'Lutron Electronics' }).click()
    await visitor.waitForURL(url('/partners/lutron'))
    await visitor.getByRole('heading', { level: 1, name: 'Lutron Electronics' }).waitFor()
    await expectImageLoaded(visitor.getByRole('img', { name: 'Lutron Electronics logo' }), 'Lutron’s logo on its profile')
    await expectAccessible(visitor, 'profile with a logo')
    await screenshot(visitor, 'profile-logo-1280')

    const narrow = await newPage(375)
    await signIn(narrow, 'admin@lutron.example')
    await narrow.goto(url('/workspace/listing'))
    await narrow.getByRole('group', { name: 'Logo', exact: true }).getByText('Current logo', { exact: true }).waitFor()
    await expectNoOverflow(narrow, 'workspace 375')
    await expectAccessible(narrow, 'workspace 375')
    await screenshot(narrow, 'workspace-logo-375')
  })

  it('shows a partner-rep the listing read-only', async () => {
    const page = await newPage(1280)
    await signIn(page, 'rep@lutron.example')
    await page.waitForURL(url('/workspace'))
    await page.goto(url('/workspace/listing'))
    await page.getByText("Only your company's partner admins can edit this listing").waitFor()
    // and who they are, to ask
    const admins = page.getByRole('list', { name: "Your company's partner admins" })
    await admins.getByRole('link', { name: 'admin@lutron.example' }).waitFor()
    expect(await admins.textContent()).toContain('Lutron Electronics admin')
    expect(await page.getByRole('textbox').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Save listing' }).count()).toBe(0)
    await expectAccessible(page, 'workspace rep')
    await screenshot(page, 'workspace-rep-1280')
  })

  it('sends a user with an expired session back to sign-in', async () => {
    const page = await newPage(1280)
    await page.goto(url('/'))
    await page.evaluate(() => localStorage.setItem('homeaiq.token', 'not-a-valid-token'))
    await page.goto(url('/workspace'))
    await page.waitForURL(/\/sign-in\?/)
    await page.getByText('Your session has ended').waitFor()
    expect(await page.evaluate(() => localStorage.getItem('homeaiq.token'))).toBeNull()
  })
})

describe('staff workspace', () => {
  it('lists every partner with tier and status and opens a partner record', async () => {
    const page = await newPage(1280)
    await signIn(page, 'staff@homeaiq.example')
    await page.waitForURL(url('/staff'))
    await page.goto(url('/staff/partners'))
    const table = page.getByRole('table')
    await table.waitFor()
    expect(await table.locator('tbody tr').count()).toBe(11)
    const lutron = table.getByRole('row', { name: /Lutron Electronics/ })
    expect(await lutron.textContent()).toContain('Tier 1 · Strategic')
    expect(await lutron.textContent()).toContain('Active')
    expect(await lutron.textContent()).toContain('32%')
    const sonos = table.getByRole('row', { name: /Sonos/ })
    expect(await sonos.textContent()).toContain('Tier 2 · Preferred')
    await expectAccessible(page, 'staff partners')
    await screenshot(page, 'staff-partners-1280')

    await page.getByLabel('Status').selectOption('suspended')
    await page.getByRole('heading', { name: 'No suspended partners' }).waitFor()
    await page.getByRole('button', { name: 'Show all statuses' }).click()
    await table.waitFor()

    await page.getByRole('link', { name: 'Lutron Electronics' }).click()
    await page.waitForURL(url('/staff/partners/lutron'))
    await page.getByRole('heading', { name: 'Commercial terms' }).waitFor()
    expect(await page.getByText('Tier range 30–35% off MSRP').isVisible()).toBe(true)

    // a change of terms needs a reason, and is confirmed with the terms before and after
    await page.getByLabel('Base discount (%)').fill('50')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.locator('#staff-change-reason-error').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('staff-change-reason')
    await page.getByLabel('Reason for the change').fill('Exclusive showcase program for 2027')
    await page.getByRole('button', { name: 'Save changes' }).click()
    const confirm = page.getByRole('dialog', { name: 'Change Lutron Electronics’s terms?' })
    await confirm.waitFor()
    expect(await confirm.getByRole('row', { name: /Base discount/ }).textContent()).toContain('32%50%')
    await expectAccessible(page, 'confirm terms change')
    await screenshot(page, 'staff-partner-confirm-terms-1280')
    // a discount outside the tier's range is refused by the rules and shown on its field
    await confirm.getByRole('button', { name: 'Change the terms' }).click()
    await page.locator('#staff-discount-error').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('staff-discount')
    await expectAccessible(page, 'staff partner')
    await screenshot(page, 'staff-partner-1280')

    // add a partner: empty required fields are reported, then a valid one lands on its record
    // (leaving the refused change asks first: the unsaved-changes guard)
    page.once('dialog', (dialog) => void dialog.accept())
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Partners' }).click()
    await page.getByRole('link', { name: 'Add partner' }).click()
    await page.getByRole('heading', { level: 1, name: 'Add partner' }).waitFor()
    expect((await addPartner(page)).status()).toBe(400)
    await page.getByText('Please correct these fields').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true')
    await page.getByLabel('Name', { exact: true }).first().fill('Nuheara Test Audio')
    expect(await page.getByLabel('Partner id').inputValue()).toBe('nuheara-test-audio')
    await page.getByLabel('Website').fill('https://nuheara.example')
    await page.locator('#new-contact-name').fill('Sam Lee')
    await page.locator('#new-contact-email').fill('sam@nuheara.example')
    // the record opens once the POST has answered: assert that answer, then the address it leads to
    const created = await addPartner(page)
    expect(created.status(), await created.text()).toBe(201)
    await page.waitForURL(url('/staff/partners/nuheara-test-audio'))
    await page.getByText('Nuheara Test Audio was added to the program as a prospect.').waitFor()

    const narrow = await newPage(375)
    await signIn(narrow, 'staff@homeaiq.example')
    await narrow.goto(url('/staff/partners'))
    await narrow.getByRole('table').waitFor()
    await expectNoOverflow(narrow, 'staff partners 375')
    await expectAccessible(narrow, 'staff partners 375')
    await screenshot(narrow, 'staff-partners-375')
  })
})
