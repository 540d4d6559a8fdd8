import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, expectImageLoaded, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'
import { PDF_BYTES } from '../helpers/files'

/**
 * Certification end to end in headless Chromium against the local runtime (seeded with the
 * demo programs, badges and queue): Ecobee applies with a PDF, staff approve, anyone verifies
 * the badge without signing in, staff revoke it and the public page says so.
 */
const { url, newPage, signIn } = useBrowserPortal('browser-certifications')

const REASON = 'The thermostat firmware 4.2 broke the local API this integration relies on.'

/** Both widths of a screen: accessible, no sideways scroll at 375 px, a screenshot of each. */
async function bothWidths(page: Page, path: string, name: string, ready: (p: Page) => Promise<unknown>, email?: string) {
  await expectAccessible(page, name)
  await screenshot(page, `${name}-1280`)
  const narrow = await newPage(375)
  if (email) await signIn(narrow, email)
  await narrow.goto(url(path))
  await ready(narrow)
  await expectNoOverflow(narrow, `${name} 375`)
  await expectAccessible(narrow, `${name} 375`)
  await screenshot(narrow, `${name}-375`)
}

describe('certifications', () => {
  it('lets Ecobee earn a badge anyone can verify, and shows its revocation everywhere', async () => {
    // Ecobee's admin applies for Integration Certified — Deep with a PDF as evidence
    const partner = await newPage(1280)
    await signIn(partner, 'admin@ecobee.example')
    await partner
      .getByRole('navigation', { name: 'Partner workspace sections' })
      .getByRole('link', { name: 'Certifications' })
      .click()
    await partner.waitForURL(url('/workspace/certifications'))
    await partner.getByRole('heading', { name: 'No badges yet' }).waitFor()
    await partner.getByRole('heading', { name: 'Integration Certified — Deep' }).waitFor()
    await bothWidths(
      partner,
      '/workspace/certifications',
      'certifications-partner-empty',
      (p) => p.getByRole('heading', { name: 'Programs' }).waitFor(),
      'admin@ecobee.example',
    )

    await partner.getByRole('link', { name: 'Apply for Integration Certified — Deep' }).click()
    await partner.getByRole('heading', { level: 1, name: 'Apply: Integration Certified — Deep' }).waitFor()
    // submitting without evidence is refused next to the field, with focus on it
    await partner.getByRole('button', { name: 'Submit for review' }).click()
    await partner.locator('#cert-evidence-error').filter({ hasText: 'Attach at least one evidence document.' }).waitFor()
    await partner
      .locator('#cert-evidence')
      .setInputFiles({ name: 'ecobee-integration-test-report.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES })
    await partner
      .locator('.file-row')
      .filter({ hasText: 'ecobee-integration-test-report.pdf' })
      .getByText('Ready')
      .waitFor({ timeout: 15_000 })
    await partner
      .getByLabel(/Notes for the reviewer/)
      .fill('ecobee Premium and Smart Thermostat Enhanced with room sensors, via the ecobee API.')
    await bothWidths(
      partner,
      '/workspace/certifications/apply/integration-deep',
      'certification-apply',
      (p) => p.getByRole('button', { name: 'Submit for review' }).waitFor(),
      'admin@ecobee.example',
    )
    await partner.getByRole('button', { name: 'Submit for review' }).click()
    await partner.waitForURL(/\/workspace\/certifications\/[0-9A-Z]{26}$/)
    await partner.getByText('Application submitted.').waitFor()
    const timeline = partner.getByRole('list', { name: 'Status timeline' })
    await timeline.getByText('Submitted').waitFor()
    const applicationPath = new URL(partner.url()).pathname
    await bothWidths(
      partner,
      applicationPath,
      'certification-application',
      (p) => p.getByRole('list', { name: 'Status timeline' }).waitFor(),
      'admin@ecobee.example',
    )

    // staff find it in the queue (oldest first: the seeded Sonos application is ahead of it)
    const staff = await newPage(1280)
    await signIn(staff, 'staff@homeaiq.example')
    await staff.goto(url('/staff/certifications'))
    const rows = staff.locator('table tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await rows.first().textContent()).toContain('Sonos')
    expect(await rows.last().textContent()).toContain('Ecobee')
    await bothWidths(
      staff,
      '/staff/certifications',
      'certifications-queue',
      (p) => p.locator('table tbody tr').first().waitFor(),
      'staff@homeaiq.example',
    )
    await staff.getByLabel('Program').selectOption('integration-deep')
    await staff.waitForURL(/program=integration-deep/)
    await expect.poll(() => rows.count()).toBe(1)

    await rows.filter({ hasText: 'Ecobee' }).getByRole('link').click()
    await staff.getByRole('heading', { level: 1, name: 'Ecobee: Integration Certified — Deep' }).waitFor()
    // staff download the evidence through the documents route's short-lived link
    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('button', { name: 'Download ecobee-integration-test-report.pdf' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('ecobee-integration-test-report.pdf')
    const reviewPath = new URL(staff.url()).pathname
    await staff.getByRole('button', { name: 'Start review' }).click()
    await staff.getByText('Review started').waitFor()
    // a rejection needs a reason
    await staff.getByLabel('Reject').check()
    await staff.getByRole('button', { name: 'Record decision' }).click()
    await staff.locator('#decision-reason-error').filter({ hasText: 'Enter a reason for the rejection.' }).waitFor()
    await expectAccessible(staff, 'certification review')
    await screenshot(staff, 'certification-review-1280')
    await bothWidths(
      staff,
      reviewPath,
      'certification-review-in-review',
      (p) => p.getByRole('button', { name: 'Record decision' }).waitFor(),
      'staff@homeaiq.example',
    )
    await staff.getByLabel('Approve and issue the badge').check()
    await staff.getByRole('button', { name: 'Record decision' }).click()
    await staff.getByText(/Approved: the badge is issued until/).waitFor()
    const badgeLink = staff.getByRole('link', { name: 'Public verification page', exact: true })
    const badgePath = (await badgeLink.getAttribute('href'))!
    expect(badgePath).toMatch(/^\/badges\/[A-Za-z0-9_-]{22}$/)
    await expectImageLoaded(staff.getByRole('img', { name: /Integration Certified — Deep badge of Ecobee/ }), 'badge image')
    await screenshot(staff, 'certification-approved-1280')

    // anyone verifies it, without signing in
    const visitor = await newPage(1280)
    await visitor.goto(url(badgePath))
    await visitor.getByText('Valid: verified by HomeAIQ').waitFor()
    await expectImageLoaded(visitor.getByRole('img', { name: /badge of Ecobee: active/ }), 'public badge image')
    expect(await visitor.getByLabel('Embed code').inputValue()).toContain(`${badgePath}/badge.svg`)
    await visitor.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await visitor.getByRole('button', { name: 'Copy embed code' }).click()
    await visitor.getByRole('status').filter({ hasText: 'Embed code copied.' }).waitFor()
    await bothWidths(visitor, badgePath, 'badge-public-valid', (p) => p.getByText('Valid: verified by HomeAIQ').waitFor())

    // staff revoke it with a reason, after a confirmation
    await staff.getByRole('button', { name: 'Revoke badge' }).click()
    const dialog = staff.getByRole('dialog', { name: 'Revoke Ecobee’s badge?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Revoke badge' }).click()
    await dialog.getByText('Enter a reason for the revocation.').waitFor()
    await dialog.getByLabel('Reason (shown publicly)').fill(REASON)
    await expectAccessible(staff, 'revoke dialog')
    await screenshot(staff, 'certification-revoke-1280')
    await dialog.getByRole('button', { name: 'Revoke badge' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await staff.getByText('Badge revoked.').waitFor()
    await staff.getByRole('button', { name: 'Revoke badge' }).waitFor({ state: 'detached' })

    // the public page says revoked, with the reason
    await visitor.reload()
    await visitor.getByText('Revoked: this badge is no longer valid').waitFor()
    await visitor.getByText(`Reason: ${REASON}`).waitFor()
    await bothWidths(visitor, badgePath, 'badge-public-revoked', (p) =>
      p.getByText('Revoked: this badge is no longer valid').waitFor(),
    )

    // and the partner sees it on its page, with the reason
    await partner.goto(url('/workspace/certifications'))
    await partner.getByRole('list', { name: 'Badges' }).getByText(REASON, { exact: false }).waitFor()
    await expectAccessible(partner, 'certifications partner with a revoked badge')
    await screenshot(partner, 'certifications-partner-revoked-1280')
  })

  it('shows the demo badges in the directory, on profiles and in the certified catalog', async () => {
    const page = await newPage(1280)
    await page.goto(url('/?certification=integration-deep'))
    await page.getByRole('status').filter({ hasText: '1 partner' }).waitFor()
    expect(await page.getByRole('list', { name: 'Partners' }).textContent()).toContain('Lutron')
    await expectAccessible(page, 'directory by certification')
    await screenshot(page, 'directory-certified-1280')
    await page.goto(url('/partners/lutron'))
    await page.getByRole('heading', { name: 'HomeAIQ certifications' }).waitFor()
    await page.getByRole('link', { name: 'Integration Certified — Deep' }).click()
    await page.getByText('Valid: verified by HomeAIQ').waitFor()
    await page.goto(url('/badges/AAAAAAAAAAAAAAAAAAAAAA'))
    await page.getByRole('heading', { name: 'Badge not found' }).waitFor()
    await expectAccessible(page, 'badge not found')

    const ubiquiti = await newPage(1280)
    await signIn(ubiquiti, 'rep@ubiquiti.example')
    await ubiquiti.goto(url('/workspace/catalog'))
    const row = ubiquiti.getByRole('row', { name: /U7-PRO/ })
    await row.getByText('Certified').waitFor()
    await expectAccessible(ubiquiti, 'catalog with certified products')
    await screenshot(ubiquiti, 'catalog-certified-1280')
    await ubiquiti.goto(url('/workspace/certifications'))
    await ubiquiti.getByRole('heading', { name: 'Integration Certified — Enhanced', level: 3 }).first().waitFor()
    await expectAccessible(ubiquiti, 'certifications with an active badge')
    await screenshot(ubiquiti, 'certifications-partner-active-1280')
  })

  it('lets staff change a program and define a new one', async () => {
    const staff = await newPage(1280)
    await signIn(staff, 'staff@homeaiq.example')
    await staff.goto(url('/staff/certifications'))
    await staff.getByRole('link', { name: 'Programs' }).click()
    await staff.getByRole('heading', { level: 1, name: 'Certification programs' }).waitFor()
    await staff.getByText(/^Installation Certified · Standard · 24 months/).click()
    const edit = staff.getByRole('form', { name: 'Edit Installation Certified' })
    await edit.getByLabel('Validity (months)').fill('36')
    await edit.getByRole('button', { name: 'Save program' }).click()
    await edit.getByText('Program saved.').waitFor()
    // a new program without its fields is refused field by field
    const create = staff.getByRole('form', { name: 'New program' })
    await create.getByRole('button', { name: 'Add program' }).click()
    await create.getByText('fields need your attention').waitFor()
    await expect.poll(() => staff.evaluate(() => document.activeElement?.id)).toBe('program-new-id')
    await bothWidths(
      staff,
      '/staff/certifications/programs',
      'certification-programs',
      (p) => p.getByRole('heading', { name: 'New program' }).waitFor(),
      'staff@homeaiq.example',
    )
    const program = await (await fetch(url('/api/v1/certification-programs/installation-certified'))).json()
    expect(program.validityMonths).toBe(36)
  })
})
