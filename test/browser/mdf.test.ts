import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'
import { PDF_BYTES as PDF } from '../helpers/files'

/**
 * MDF as both sides of a joint fund use it, in headless Chromium against the real local runtime
 * with its demo data (this quarter's funds, claims in every state). The tests run in order: Sonos
 * claims with proof, HomeAIQ staff approve it in part and record the payment, Sonos sees it paid;
 * then the reverse, Lutron's admin decides and pays HomeAIQ's showcase claim.
 */

const { url, newPage, signIn } = useBrowserPortal('browser-mdf')

const TODAY = new Date().toISOString().slice(0, 10)
const DESCRIPTION = 'Sonos Era 300 demo room at the Phoenix Home Show with HomeAIQ designers'

/** Both widths of a screen: axe, no sideways scroll at 375, a screenshot of each. */
async function checkScreen(page: Page, narrow: Page, name: string, path: string, ready: (p: Page) => Promise<unknown>) {
  await expectAccessible(page, name)
  await screenshot(page, `${name}-1280`)
  await narrow.goto(url(path))
  await ready(narrow)
  await expectNoOverflow(narrow, `${name} 375`)
  await expectAccessible(narrow, `${name} 375`)
  await screenshot(narrow, `${name}-375`)
}

let claimPath = ''

describe('MDF', () => {
  it('lets a Sonos rep claim with proof, see the rules inline, and the claim reserved in the fund', async () => {
    const page = await newPage(1280)
    const narrow = await newPage(375)
    await signIn(page, 'rep@sonos.example')
    await signIn(narrow, 'rep@sonos.example')
    await page.getByRole('navigation', { name: 'Partner workspace sections' }).getByRole('link', { name: 'MDF' }).click()
    await page.waitForURL(url('/workspace/mdf'))
    await page.getByRole('heading', { level: 1, name: 'Market development funds' }).waitFor()
    const chart = page.getByRole('img', { name: /fund: \$13,000\.00 allocated/ })
    await chart.waitFor()
    expect(await page.locator('.fund-figures').textContent()).toContain('Available$13,000.00')
    await page
      .getByRole('table', { name: /Claims on the/ })
      .getByRole('link', { name: 'Case study' })
      .waitFor()
    await page.getByRole('table', { name: /Ledger of the/ }).waitFor()
    await checkScreen(page, narrow, 'mdf-fund', '/workspace/mdf', (p) => p.locator('.fund-chart').waitFor())

    await page.getByRole('link', { name: 'New claim' }).click()
    await page.waitForURL(/\/workspace\/mdf\/claims\/new/)
    await page.getByRole('heading', { level: 1, name: 'New MDF claim' }).waitFor()
    // nothing filled in: every field says what it needs, and focus goes to the first
    await page.getByRole('button', { name: 'Submit claim' }).click()
    await page.getByText('Please correct these fields').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('claim-activity')
    await expectAccessible(page, 'claim form with errors')

    await page.getByLabel('Activity', { exact: true }).selectOption('trade-show')
    await page.getByText('Needs: invoice or receipt and photos.').waitFor()
    await page.getByLabel('Activity start').fill(TODAY)
    await page.getByLabel('Activity end').fill(TODAY)
    await page.getByLabel('Amount (USD)').fill('50000')
    await page.getByLabel('Description').fill(DESCRIPTION)
    // the fund's rule, checked in the browser as the API checks it
    await page.locator('#claim-amount-error').filter({ hasText: 'Only $13,000.00 of the' }).waitFor()
    await page.getByLabel('Amount (USD)').fill('3,200.00')
    await expect.poll(() => page.locator('#claim-amount-error').count()).toBe(0)

    await page.locator('#claim-documents').setInputFiles([
      { name: 'home-show-invoice.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'booth-photos.pdf', mimeType: 'application/pdf', buffer: PDF },
    ])
    const files = page.getByRole('list', { name: 'Attached proof' }).getByRole('listitem')
    await files.filter({ hasText: 'home-show-invoice.pdf' }).getByText('Ready').waitFor({ timeout: 15_000 })
    await files.filter({ hasText: 'booth-photos.pdf' }).getByText('Ready').waitFor({ timeout: 15_000 })
    expect(await page.getByLabel('What home-show-invoice.pdf proves').inputValue()).toBe('invoice')
    await page.getByRole('button', { name: 'Submit claim' }).click()
    await page.locator('#claim-documents-error').filter({ hasText: 'Say what each document proves.' }).waitFor()
    await page.getByLabel('What booth-photos.pdf proves').selectOption('photo')
    await page.getByRole('list', { name: 'Proof a trade show or event needs' }).getByText('Photos').waitFor()
    await expectAccessible(page, 'claim form')
    await screenshot(page, 'mdf-claim-form-1280')
    await narrow.goto(url('/workspace/mdf/claims/new'))
    await narrow.getByLabel('Activity', { exact: true }).selectOption('training')
    await narrow.getByText('Needs: invoice or receipt and attendee list.').waitFor()
    await expectNoOverflow(narrow, 'claim form 375')
    await expectAccessible(narrow, 'claim form 375')
    await screenshot(narrow, 'mdf-claim-form-375')

    await page.getByRole('button', { name: 'Submit claim' }).click()
    await page.waitForURL(/\/workspace\/mdf\/claims\/[0-9A-Z]{26}$/)
    claimPath = new URL(page.url()).pathname
    await page.getByRole('heading', { level: 1, name: 'Trade show or event: $3,200.00' }).waitFor()
    await page.getByText('Claim submitted. Its amount is reserved in the fund until it is decided.').waitFor()
    await page.getByText('Waiting for HomeAIQ').waitFor()
    await checkScreen(page, narrow, 'mdf-claim-submitted', claimPath, (p) => p.getByText('Waiting for HomeAIQ').waitFor())

    await page.goto(url('/workspace/mdf'))
    await page.getByRole('img', { name: /allocated/ }).waitFor()
    await expect.poll(() => page.locator('.fund-figures').textContent()).toContain('Pending$3,200.00')
  })

  it('lets HomeAIQ staff review the proof, approve in part and record the payment, and export for finance', async () => {
    const page = await newPage(1280)
    const narrow = await newPage(375)
    await signIn(page, 'staff@homeaiq.example')
    await signIn(narrow, 'staff@homeaiq.example')
    await page.getByRole('navigation', { name: 'Staff workspace sections' }).getByRole('link', { name: 'MDF claims' }).click()
    await page.waitForURL(url('/staff/mdf'))
    await page.locator('#queue-partner').selectOption('sonos')
    await page.waitForURL(/partnerId=sonos/)
    const queue = page.getByRole('table', { name: /submitted claim/ })
    await queue.getByRole('link', { name: 'Trade show or event' }).waitFor()
    await page.locator('#queue-partner').selectOption('')
    await page.getByRole('link', { name: 'Trade show or event' }).first().waitFor()
    await checkScreen(page, narrow, 'mdf-queue', '/staff/mdf', (p) => p.getByRole('table', { name: /submitted claim/ }).waitFor())

    // the finance export: the claim is in this quarter's CSV
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^mdf-claims-\d{4}-Q[1-4]\.csv$/)
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.split('\r\n')[0]).toMatch(/^claimId,partnerId,partnerName,period,activityType/)
    expect(csv).toContain(DESCRIPTION)

    const claimId = claimPath.split('/').pop()!
    await page.goto(url(`/staff/mdf/claims/sonos/${claimId}`))
    await page.getByRole('heading', { name: 'Decide this claim' }).waitFor()
    // the evidence downloads from the bucket, as an attachment
    const [evidence] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download home-show-invoice.pdf' }).click(),
    ])
    expect(evidence.suggestedFilename()).toBe('home-show-invoice.pdf')
    await checkScreen(page, narrow, 'mdf-decision', `/staff/mdf/claims/sonos/${claimId}`, (p) =>
      p.getByRole('heading', { name: 'Decide this claim' }).waitFor(),
    )

    await page.getByLabel('Approve in part').check()
    await page.getByLabel('Approved amount (USD)').fill('2800')
    await page.getByLabel(/Reason/).fill('Booth and furniture rental; the catering is not joint marketing.')
    await page.getByRole('button', { name: 'Approve claim' }).click()
    await page.getByText('Approved $2,800.00; $400.00 went back to the fund.').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status')
    await page.getByRole('heading', { name: 'Record the payment' }).waitFor()
    await expectAccessible(page, 'payment')
    await screenshot(page, 'mdf-payment-1280')
    await page.getByLabel('Payment reference').fill('ACH-SONOS-7731')
    await page.getByRole('button', { name: 'Record payment' }).click()
    await page.getByText('Payment of $2,800.00 recorded.').waitFor()
    await page.locator('.badge--claim-paid').first().waitFor()
    await expectAccessible(page, 'paid claim (staff)')
    await screenshot(page, 'mdf-paid-staff-1280')
  })

  it('shows Sonos the claim paid, the books moved, and HomeAIQ as the one who acted', async () => {
    const page = await newPage(1280)
    await signIn(page, 'rep@sonos.example')
    await page.goto(url(claimPath))
    await page.locator('.badge--claim-paid').first().waitFor()
    const facts = await page.locator('.facts').textContent()
    expect(facts).toContain('$2,800.00 on')
    expect(facts).toContain('Reference ACH-SONOS-7731')
    const history = page.locator('.timeline')
    expect(await history.textContent()).toContain('Booth and furniture rental')
    expect(await history.textContent()).not.toContain('staff@homeaiq.example')
    expect(await history.textContent()).toContain('HomeAIQ')
    const narrow = await newPage(375)
    await signIn(narrow, 'rep@sonos.example')
    await checkScreen(page, narrow, 'mdf-paid-partner', claimPath, (p) => p.locator('.badge--claim-paid').first().waitFor())

    await page.goto(url('/workspace/mdf'))
    await page.getByRole('img', { name: /allocated/ }).waitFor()
    const figures = await page.locator('.fund-figures').textContent()
    expect(figures).toContain('Paid$2,800.00')
    expect(figures).toContain('Available$10,200.00')
    const ledger = page.getByRole('table', { name: /Ledger of the/ })
    await ledger.getByRole('rowheader', { name: /Paid/ }).waitFor()
    expect(await ledger.textContent()).not.toContain('staff@homeaiq.example')
  })

  it('lets Lutron’s admin decide and pay HomeAIQ’s showcase claim on the same decision screen', async () => {
    const page = await newPage(1280)
    const narrow = await newPage(375)
    await signIn(page, 'admin@lutron.example')
    await signIn(narrow, 'admin@lutron.example')
    await page.goto(url('/workspace/mdf'))
    const row = page.getByRole('table', { name: /Claims on the/ }).getByRole('row', { name: /Showcase installation/ })
    expect(await row.textContent()).toContain('HomeAIQ')
    await row.getByRole('link', { name: 'Showcase installation' }).click()
    await page.getByRole('heading', { name: 'Decide this claim' }).waitFor()
    const path = new URL(page.url()).pathname
    await checkScreen(page, narrow, 'mdf-partner-decision', path, (p) =>
      p.getByRole('heading', { name: 'Decide this claim' }).waitFor(),
    )
    await page.getByRole('button', { name: 'Approve claim' }).click()
    await page.getByText('Approved in full: $18,000.00.').waitFor()
    await page.getByLabel('Payment reference').fill('LUT-PO-55102')
    await page.getByRole('button', { name: 'Record payment' }).click()
    await page.getByText('Payment of $18,000.00 recorded.').waitFor()
    await expectAccessible(page, 'HomeAIQ claim paid by partner')
  })

  it('lets Ecobee resubmit a claim HomeAIQ asked about, with the missing report', async () => {
    const page = await newPage(1280)
    await signIn(page, 'rep@ecobee.example')
    await page.goto(url('/workspace/mdf'))
    await page
      .getByRole('table', { name: /Claims on the/ })
      .getByRole('link', { name: 'Digital marketing' })
      .click()
    await page.getByText('HomeAIQ asked for more information').waitFor()
    await page.getByRole('button', { name: 'Edit and resubmit' }).click()
    await page.getByRole('heading', { name: 'Edit and resubmit' }).waitFor()
    await page
      .locator('#claim-documents')
      .setInputFiles([{ name: 'campaign-report.pdf', mimeType: 'application/pdf', buffer: PDF }])
    const files = page.getByRole('list', { name: 'Attached proof' }).getByRole('listitem')
    await files.filter({ hasText: 'campaign-report.pdf' }).getByText('Ready').waitFor({ timeout: 15_000 })
    await page.getByLabel('What campaign-report.pdf proves').selectOption('performance-report')
    const narrow = await newPage(375)
    await signIn(narrow, 'rep@ecobee.example')
    await checkScreen(page, narrow, 'mdf-resubmit', new URL(page.url()).pathname, async (p) => {
      await p.getByRole('button', { name: 'Edit and resubmit' }).click()
      await p.getByRole('heading', { name: 'Edit and resubmit' }).waitFor()
    })
    await page.getByRole('button', { name: 'Resubmit claim' }).click()
    await page.getByText('Claim resubmitted. HomeAIQ decides it next.').waitFor()
    await page.getByText('Waiting for HomeAIQ').waitFor()
  })

  it('lets staff open a fund from revenue at the tier’s rate and change an allocation', async () => {
    const page = await newPage(1280)
    const narrow = await newPage(375)
    await signIn(page, 'staff@homeaiq.example')
    await signIn(narrow, 'staff@homeaiq.example')
    await page.goto(url('/staff/mdf'))
    await page.locator('#funds-partner option[value="ruckus"]').waitFor({ state: 'attached' })
    await page.locator('#funds-partner').selectOption('ruckus')
    await page.getByRole('button', { name: 'Show funds' }).click()
    await page.waitForURL(url('/staff/partners/ruckus/mdf'))
    await page.getByRole('heading', { name: 'Open a fund' }).waitFor()
    await page.getByText('Based on $230,000.00 revenue through HomeAIQ at 2.5%').waitFor()
    await checkScreen(page, narrow, 'mdf-staff-fund', '/staff/partners/ruckus/mdf', (p) =>
      p.getByRole('heading', { name: 'Open a fund' }).waitFor(),
    )
    await page.getByLabel('Allocation (USD)', { exact: true }).first().fill('6000')
    await page.getByLabel('Reason').fill('Extra budget for the spring launch')
    await page.getByRole('button', { name: 'Save allocation' }).click()
    await page.getByText('Allocation saved.').waitFor()
    await expect.poll(() => page.locator('.fund-figures').textContent()).toContain('Allocated$6,000.00')

    await page.locator('#fund-period').selectOption({ index: 0 })
    await page.locator('#fund-revenue').fill('400000')
    await page.getByText('Suggested: $10,000.00 (2.5% of revenue).').waitFor()
    await page.getByRole('button', { name: 'Open fund' }).click()
    await page.getByText(/fund is open with \$10,000\.00/).waitFor()
    await expectAccessible(page, 'staff fund opened')
  })
})
