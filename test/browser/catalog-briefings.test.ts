import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'
import { PDF_BYTES as PDF, PNG_BYTES as PNG } from '../helpers/files'

/**
 * Catalog and briefings as partner reps and HomeAIQ staff use them, in headless Chromium
 * against the real local runtime (DynamoDB Local, s3rver with its upload check, the built web).
 * The tests run in order: the staff test acknowledges the notice the rep publishes, which the rep then corrects.
 */

const { url, newPage, signIn } = useBrowserPortal('browser-catalog')

const HEADER = 'sku,name,category,msrpCents,mapCents,lifecycle,protocols,leadTimeDays'
const BAD_CSV = [
  HEADER,
  'RRD-6NA,RadioRA 3 in-wall dimmer,lighting-control,12995,11995,active,proprietary-api,5',
  'PD-6WCL,Caséta smart dimmer,lighting-control,6995,7995,active,matter|thread,3',
  'HQP7-RF,HomeWorks QSX processor,lighting-control,99900,89900,announced,poe,30',
].join('\n')
const GOOD_CSV = BAD_CSV.replace('6995,7995', '6995,5995')

/** The SKUs this test imports, in the order the catalog table shows them (beside Lutron's demo products). */
const IMPORTED = ['RRD-6NA', 'PD-6WCL', 'HQP7-RF']
async function tableSkus(page: Page): Promise<string[]> {
  return (await page.locator('table.table--products tbody th').allTextContents())
    .map((t) => t.trim())
    .filter((sku) => IMPORTED.includes(sku))
}
/** Lutron's demo catalog (functions/local/seed-catalog.ts) */
const DEMO_PRODUCTS = 4

const NOTICE_TITLE = 'Stop installing RRD-6NA dimmers from batch 42'

describe('product catalog', () => {
  it('lets a rep import a CSV (a bad row changes nothing), sort, edit a price and see its history', async () => {
    const page = await newPage(1280)
    await signIn(page, 'rep@lutron.example')
    await page.getByRole('navigation', { name: 'Partner workspace sections' }).getByRole('link', { name: 'Catalog' }).click()
    await page.waitForURL(url('/workspace/catalog'))
    await page
      .getByRole('status')
      .filter({ hasText: `${DEMO_PRODUCTS} products` })
      .waitFor()

    // a file with MAP above MSRP on line 3: the report names the line and column; nothing is written
    await page.getByRole('button', { name: 'Import CSV', exact: true }).click()
    expect(await page.getByRole('link', { name: 'Download the CSV template' }).getAttribute('download')).toMatch(/\.csv$/)
    await page
      .locator('#catalog-import-file')
      .setInputFiles({ name: 'lutron.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) })
    await page.getByText('3 products to import').waitFor()
    await page.getByRole('button', { name: 'Import 3 products' }).click()
    await page.getByText('Nothing was imported', { exact: true }).waitFor()
    await page.getByText('1 row has a problem, so no product was added or changed.').waitFor()
    const report = page.getByRole('table', { name: /Rows to fix in lutron\.csv/ })
    const row = report.getByRole('row', { name: /mapCents/ })
    expect((await row.getByRole('rowheader').textContent())?.trim()).toBe('3')
    expect(await row.textContent()).toContain('MAP cannot exceed MSRP.')
    expect(await report.locator('tbody tr').count()).toBe(1)
    expect(await tableSkus(page)).toEqual([])
    await expectAccessible(page, 'catalog import errors')
    await screenshot(page, 'catalog-import-errors-1280')

    // the fixed file imports: 3 created, and the table shows them (sorted by SKU)
    await page
      .locator('#catalog-import-file')
      .setInputFiles({ name: 'lutron.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) })
    await page.getByRole('button', { name: 'Import 3 products' }).click()
    await page.getByText('Import complete').waitFor()
    expect(await page.getByRole('status').filter({ hasText: 'Import complete' }).textContent()).toContain('3 created')
    // the table of the demo products stays on screen until the catalog reloads with the imported ones
    await expect.poll(() => tableSkus(page)).toEqual(['HQP7-RF', 'PD-6WCL', 'RRD-6NA'])

    // sort by MSRP, then the other way round
    const msrp = page.getByRole('columnheader', { name: 'MSRP' })
    await msrp.getByRole('button').click()
    expect(await msrp.getAttribute('aria-sort')).toBe('ascending')
    expect(await tableSkus(page)).toEqual(['PD-6WCL', 'RRD-6NA', 'HQP7-RF'])
    await msrp.getByRole('button').click()
    expect(await msrp.getAttribute('aria-sort')).toBe('descending')
    expect(await tableSkus(page)).toEqual(['HQP7-RF', 'RRD-6NA', 'PD-6WCL'])
    await page.getByRole('status').filter({ hasText: 'sorted by MSRP, high to low' }).waitFor()
    await page.getByRole('button', { name: 'Close import' }).click()

    // filters narrow the list on the server
    await page.getByLabel('Lifecycle').selectOption('announced')
    await page.waitForURL(/lifecycle=announced/)
    await page.getByRole('status').filter({ hasText: '1 product' }).waitFor()
    expect(await tableSkus(page)).toEqual(['HQP7-RF'])
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: `${DEMO_PRODUCTS + 3} products` })
      .waitFor()
    await expectAccessible(page, 'catalog')
    await screenshot(page, 'catalog-1280')

    // the export re-imports unchanged: the same columns, one row per product
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('lutron-catalog.csv')
    const exported = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split(/\r?\n/)
    expect(exported[0]).toContain('sku,name,category')
    expect(exported).toHaveLength(DEMO_PRODUCTS + 3 + 1)

    // edit a price: the client refuses MAP above MSRP, then the save lands in the price history
    await page.getByRole('link', { name: 'RRD-6NA' }).click()
    await page.waitForURL(url('/workspace/catalog/RRD-6NA'))
    await page.getByRole('heading', { level: 1, name: 'RadioRA 3 in-wall dimmer' }).waitFor()
    await page.getByRole('table', { name: /Price changes/ }).waitFor()
    await page.getByLabel('MAP (USD)').fill('149.95')
    await page.getByRole('button', { name: 'Save product' }).click()
    await page.locator('#product-map-error').filter({ hasText: 'MAP cannot exceed MSRP.' }).waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('product-map')
    await page.getByLabel('MSRP (USD)').fill('139.95')
    await page.getByLabel('MAP (USD)').fill('129.95')
    // with a spec sheet: uploaded to the bucket, checked (magic bytes), then attached on save
    await page
      .locator('#product-spec-sheet')
      .setInputFiles({ name: 'rrd-6na-spec.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.locator('.file-row').filter({ hasText: 'rrd-6na-spec.pdf' }).getByText('Ready').waitFor({ timeout: 15_000 })
    await page.getByRole('button', { name: 'Save product' }).click()
    await page.getByRole('status').filter({ hasText: 'Product saved' }).waitFor()
    await page
      .locator('.file-row')
      .filter({ hasText: 'rrd-6na-spec.pdf' })
      .getByRole('button', { name: 'Download spec sheet' })
      .waitFor()
    const history = page.getByRole('table', { name: /Price changes for RRD-6NA/ })
    await expect.poll(() => history.locator('tbody tr').count()).toBe(2)
    const newest = await history.locator('tbody tr').first().textContent()
    expect(newest).toContain('$139.95')
    expect(newest).toContain('$129.95')
    expect(newest).toContain('rep@lutron.example')
    expect(await history.locator('tbody tr').nth(1).textContent()).toContain('$129.95')
    await expectAccessible(page, 'product')
    await screenshot(page, 'product-1280')

    // delete with confirmation: Cancel keeps it, Delete removes it and returns to the catalog
    await page.goto(url('/workspace/catalog/HQP7-RF'))
    await page.getByRole('button', { name: 'Delete product' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete HQP7-RF?' })
    await dialog.waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel')
    await expectAccessible(page, 'delete dialog')
    await screenshot(page, 'product-delete-1280')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: 'Delete product' }).click()
    await dialog.getByRole('button', { name: 'Delete product' }).click()
    await page.waitForURL(url('/workspace/catalog'))
    await page.getByText('HQP7-RF (HomeWorks QSX processor) was deleted from the catalog.').waitFor()
    await page
      .getByRole('status')
      .filter({ hasText: `${DEMO_PRODUCTS + 2} products` })
      .waitFor()
    expect(await tableSkus(page)).toEqual(['PD-6WCL', 'RRD-6NA'])

    await page.goto(url('/workspace/catalog/new'))
    await page.getByRole('heading', { level: 1, name: 'Add a product' }).waitFor()
    await page.getByRole('button', { name: 'Add product' }).click()
    await page.getByText('Please correct these fields').waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('product-sku')
    await expectAccessible(page, 'new product with errors')

    const narrow = await newPage(375)
    await signIn(narrow, 'rep@lutron.example')
    await narrow.goto(url('/workspace/catalog'))
    await narrow.locator('table.table--products').waitFor()
    await expectNoOverflow(narrow, 'catalog 375')
    await expectAccessible(narrow, 'catalog 375')
    await screenshot(narrow, 'catalog-375')
    await narrow.getByRole('button', { name: 'Import CSV' }).click()
    await narrow
      .locator('#catalog-import-file')
      .setInputFiles({ name: 'lutron.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) })
    await narrow.getByRole('button', { name: 'Import 3 products' }).click()
    await narrow.getByRole('table', { name: /Rows to fix/ }).waitFor()
    await expectNoOverflow(narrow, 'catalog import errors 375')
    await expectAccessible(narrow, 'catalog import errors 375')
    await screenshot(narrow, 'catalog-import-errors-375')
    await narrow.goto(url('/workspace/catalog/RRD-6NA'))
    await narrow.getByRole('table', { name: /Price changes/ }).waitFor()
    await expectNoOverflow(narrow, 'product 375')
    await expectAccessible(narrow, 'product 375')
    await screenshot(narrow, 'product-375')
  })
})

describe('briefings', () => {
  it('lets a rep publish a safety notice with a checked PDF attachment and a live Markdown preview', async () => {
    const page = await newPage(1280)
    await signIn(page, 'rep@lutron.example')
    await page.goto(url('/workspace/briefings'))
    await page.getByRole('link', { name: 'New briefing' }).waitFor()
    await expectAccessible(page, 'briefings')
    await page.getByRole('link', { name: 'New briefing' }).click()
    await page.waitForURL(url('/workspace/briefings/new'))

    await page.getByLabel('Kind').selectOption('safety-notice')
    await page.getByText('Safety notices need acknowledgement').waitFor()
    await page.getByLabel('Title').fill(NOTICE_TITLE)
    await page.getByLabel(/Affected SKUs/).fill('rrd-6na')
    await page
      .getByLabel('Body')
      .fill(
        '## What to do\n\nStop installing units from **batch 42** and [call support](https://www.lutron.com/support).\n\n- Check the label\n- Return affected units',
      )
    const preview = page.getByTestId('briefing-preview')
    await preview.getByRole('heading', { level: 2, name: 'What to do' }).waitFor()
    expect(await preview.locator('strong').textContent()).toBe('batch 42')
    expect(await preview.getByRole('listitem').count()).toBe(2)

    // a PNG renamed .pdf is refused by the upload check; a real PDF becomes ready
    await page.locator('#briefing-attachments').setInputFiles([
      { name: 'photo.pdf', mimeType: 'application/pdf', buffer: PNG },
      { name: 'recall-notice.pdf', mimeType: 'application/pdf', buffer: PDF },
    ])
    const files = page.getByRole('list', { name: 'Attachments' }).getByRole('listitem')
    const attachment = files.filter({ hasText: 'recall-notice.pdf' })
    await attachment.getByText('Ready').waitFor({ timeout: 15_000 })
    const fake = files.filter({ hasText: 'photo.pdf' })
    await fake.getByText(/Rejected: The file is not a application\/pdf/).waitFor({ timeout: 15_000 })
    await page.getByRole('button', { name: 'Publish briefing' }).click()
    await page.locator('#briefing-attachments-error').filter({ hasText: 'Remove the files that were not accepted.' }).waitFor()
    await expectAccessible(page, 'composer with a rejected file')
    await fake.getByRole('button', { name: 'Remove photo.pdf' }).click()
    await expect.poll(() => files.count()).toBe(1)
    expect(await page.locator('#briefing-attachments-error').count()).toBe(0)
    await expectAccessible(page, 'composer')
    await screenshot(page, 'briefing-composer-1280')

    await page.getByRole('button', { name: 'Publish briefing' }).click()
    await page.waitForURL(/\/workspace\/briefings\/[0-9A-Z]{26}$/)
    await page.getByRole('heading', { level: 1, name: NOTICE_TITLE }).waitFor()
    await page.getByText('Briefing published.').waitFor()
    expect(await page.getByText('Needs acknowledgement').first().isVisible()).toBe(true)
    expect(await page.locator('.briefing-body .markdown strong').textContent()).toBe('batch 42')
    await page.getByRole('button', { name: 'Download recall-notice.pdf' }).waitFor()
    await expectAccessible(page, 'briefing detail')
    await screenshot(page, 'briefing-detail-1280')

    await page.getByRole('link', { name: 'Briefings', exact: true }).first().click()
    await page.getByRole('link', { name: NOTICE_TITLE }).waitFor()
    await expectAccessible(page, 'briefings')
    await screenshot(page, 'briefings-1280')

    const narrow = await newPage(375)
    await signIn(narrow, 'rep@lutron.example')
    await narrow.goto(url('/workspace/briefings/new'))
    await narrow.getByLabel('Body').fill('**Stacked** preview on a phone')
    await narrow.getByTestId('briefing-preview').locator('strong').waitFor()
    await expectNoOverflow(narrow, 'composer 375')
    await expectAccessible(narrow, 'composer 375')
    await screenshot(narrow, 'briefing-composer-375')
  })

  it('lets staff acknowledge the notice from the feed, which takes it off the flagged count', async () => {
    const page = await newPage(1280)
    await signIn(page, 'staff@homeaiq.example')
    await page.waitForURL(url('/staff'))
    const nav = page.getByRole('navigation', { name: 'Staff workspace sections' })
    const badge = nav.getByTestId('flagged-count')
    // the notice of this test, and DSC's from the demo data
    await expect.poll(() => badge.textContent()).toContain('2')

    await nav.getByRole('link', { name: /Briefings/ }).click()
    await page.waitForURL(url('/staff/briefings'))
    const summary = page.getByTestId('flag-summary')
    await expect.poll(() => summary.textContent()).toMatch(/^2\s*notices need acknowledgement/)
    const item = page.getByRole('article', { name: NOTICE_TITLE })
    await item.waitFor()
    expect(await item.textContent()).toContain('Lutron Electronics')
    expect(await item.getByText('Needs acknowledgement').isVisible()).toBe(true)
    expect(await item.getByText('Safety notice').isVisible()).toBe(true)

    await item.getByRole('button', { name: /Read briefing/ }).click()
    await item.getByRole('heading', { name: 'What to do' }).waitFor()
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Download recall-notice.pdf' }).click(),
    ])
    expect(file.suggestedFilename()).toBe('recall-notice.pdf')
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    await expectAccessible(page, 'staff briefings')
    await screenshot(page, 'staff-briefings-1280')

    await item.getByRole('button', { name: /^Acknowledge/ }).click()
    await item.getByText('Acknowledged by you').waitFor()
    expect(await item.getByRole('button', { name: /^Acknowledge/ }).count()).toBe(0)
    await expect.poll(() => summary.textContent()).toMatch(/^1\s*notice needs acknowledgement/)
    await expect.poll(() => badge.textContent()).toContain('1')
    await expectAccessible(page, 'staff briefings acknowledged')

    // "not acknowledged by me" no longer lists it
    await page.getByLabel('Only briefings I have not acknowledged').check()
    await page.waitForURL(/unacknowledged=true/)
    // the unfiltered list stays on screen until the filtered one replaces it: wait for a list without the notice
    const filtered = async () =>
      (await page.getByRole('article').count()) > 0 && (await page.getByRole('article', { name: NOTICE_TITLE }).count()) === 0
    await expect.poll(filtered).toBe(true)

    // the staff view of a partner's catalog adds HomeAIQ's dealer cost (Lutron: 32% off MSRP)
    await page.goto(url('/staff/partners/lutron'))
    await page.getByRole('link', { name: 'Catalog', exact: true }).last().click()
    await page.waitForURL(url('/staff/partners/lutron/catalog'))
    const row = page.getByRole('row', { name: /RRD-6NA/ })
    await row.waitFor()
    expect(await page.getByRole('columnheader', { name: 'Dealer cost' }).isVisible()).toBe(true)
    expect(await row.textContent()).toContain('$95.17')
    await expectAccessible(page, 'staff catalog')
    await screenshot(page, 'staff-catalog-1280')

    const narrow = await newPage(375)
    await signIn(narrow, 'staff@homeaiq.example')
    await narrow.goto(url('/staff/briefings'))
    await narrow.getByRole('article', { name: NOTICE_TITLE }).waitFor()
    await expectNoOverflow(narrow, 'staff briefings 375')
    await expectAccessible(narrow, 'staff briefings 375')
    await screenshot(narrow, 'staff-briefings-375')
  })

  it('lets the rep correct the acknowledged notice with a note, which HomeAIQ then acknowledges again', async () => {
    const rep = await newPage(1280)
    await signIn(rep, 'rep@lutron.example')
    await rep.goto(url('/workspace/briefings'))
    await rep.getByRole('link', { name: NOTICE_TITLE }).click()
    await rep.getByRole('heading', { level: 1, name: NOTICE_TITLE }).waitFor()
    await rep.getByRole('link', { name: 'Correct briefing' }).click()
    await rep.waitForURL(/\/workspace\/briefings\/[0-9A-Z]{26}\/correct$/)
    await rep.getByRole('heading', { level: 1, name: 'Correct briefing' }).waitFor()
    // the form starts from the published briefing; its kind stays
    expect(await rep.getByLabel('Title').inputValue()).toBe(NOTICE_TITLE)
    expect(await rep.getByLabel('Kind').isDisabled()).toBe(true)
    expect(
      await rep.getByRole('list', { name: 'Attachments' }).getByRole('listitem').filter({ hasText: 'recall-notice.pdf' }).count(),
    ).toBe(1)
    await rep.getByText('HomeAIQ acknowledged the version you are correcting.', { exact: false }).waitFor()

    const body = rep.getByLabel('Body')
    await body.fill((await body.inputValue()).replace('from **batch 42**', 'from **batches 42 and 43**'))
    await rep.getByRole('button', { name: 'Publish correction' }).click()
    await rep.locator('#briefing-note-error').filter({ hasText: 'Say what this correction changes' }).waitFor()
    await expectAccessible(rep, 'briefing correction')
    await screenshot(rep, 'briefing-correction-1280')
    await rep.getByLabel('What changed').fill('Batch 43 is affected too.')
    await rep.getByRole('button', { name: 'Publish correction' }).click()

    await rep.waitForURL(/\/workspace\/briefings\/[0-9A-Z]{26}$/)
    await rep.getByText('Correction published. HomeAIQ had acknowledged the earlier version', { exact: false }).waitFor()
    const corrections = rep.getByRole('region', { name: 'Corrected once since publishing' })
    expect(await corrections.textContent()).toContain('Batch 43 is affected too.')
    expect(await corrections.textContent()).toContain('HomeAIQ’s acknowledgement of the earlier version was set aside')
    expect(await rep.locator('.briefing-body .markdown strong').textContent()).toBe('batches 42 and 43')
    expect(await rep.getByText('Awaiting acknowledgement').isVisible()).toBe(true)
    await expectAccessible(rep, 'corrected briefing')
    await screenshot(rep, 'briefing-corrected-1280')

    // staff see it flagged again, with the correction, and acknowledge the version on their screen
    const staff = await newPage(1280)
    await signIn(staff, 'staff@homeaiq.example')
    await staff.goto(url('/staff/briefings'))
    const item = staff.getByRole('article', { name: NOTICE_TITLE })
    await item.getByText('Needs acknowledgement').waitFor()
    expect(await item.textContent()).toMatch(/corrected/)
    await item.getByRole('button', { name: /Read briefing/ }).click()
    await item.getByText('Batch 43 is affected too.').waitFor()

    // a second correction lands while staff read the first: their acknowledgement is refused, and they see the new text
    await rep.getByRole('link', { name: 'Correct briefing' }).click()
    await rep.getByLabel('What changed').fill('Batch 44 as well.')
    await rep.getByLabel('Body').fill((await rep.getByLabel('Body').inputValue()).replace('42 and 43', '42, 43 and 44'))
    await rep.getByRole('button', { name: 'Publish correction' }).click()
    await rep.getByRole('region', { name: 'Corrected 2 times since publishing' }).waitFor()

    await item.getByRole('button', { name: /^Acknowledge/ }).click()
    await staff.getByText('was corrected while you read it', { exact: false }).waitFor()
    await item.getByText('Batch 44 as well.').waitFor()
    await item.getByRole('button', { name: /^Acknowledge/ }).click()
    await item.getByText('Acknowledged by you').waitFor()
    await expectAccessible(staff, 'staff briefings after a correction')

    const narrow = await newPage(375)
    await signIn(narrow, 'rep@lutron.example')
    await narrow.goto(rep.url() + '/correct')
    await narrow.getByRole('heading', { level: 1, name: 'Correct briefing' }).waitFor()
    await expectNoOverflow(narrow, 'briefing correction 375')
    await expectAccessible(narrow, 'briefing correction 375')
    await screenshot(narrow, 'briefing-correction-375')
  })
})
