import { readFileSync } from 'node:fs'
import type { Dialog, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { expectAccessible, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'

/**
 * What a new user meets first: a catalog that round-trips through a spreadsheet in dollars,
 * forms that never lose an edit silently, and one session across the browser's tabs.
 */
const { url, newPage, signIn } = useBrowserPortal('browser-friction')

const HEADER = 'sku,name,category,msrp,map,lifecycle,protocols,leadTimeDays'
const BAD_CSV = [
  HEADER,
  'FR-NEO-32,PowerSeries Neo alarm panel,security-access,"$1,299.00",1199.5,Active,Z-Wave;Wi-Fi,5',
  'FR-HS2TCH,PowerSeries touch keypad,security-access,249.95,$249.95,ANNOUNCED,wi-fi,10',
  'FR-PG9303,Wireless door sensor,security-access,39.9x,35,active,zigbee,2',
].join('\n')
const GOOD_CSV = BAD_CSV.replace('39.9x', '39.95')

/** The next dialog the page opens (confirm or beforeunload), answered with `accept`. */
function nextDialog(page: Page, accept: boolean): Promise<Dialog> {
  return new Promise((resolve) =>
    page.once('dialog', (dialog) => {
      void (accept ? dialog.accept() : dialog.dismiss()).then(() => resolve(dialog))
    }),
  )
}

const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')

describe('the catalog in dollars', () => {
  it('imports prices as people write them, names each bad cell, and exports a file that imports back unchanged', async () => {
    const page = await newPage(1280)
    await signIn(page, 'rep@dsc.example')
    await page.goto(url('/workspace/catalog'))
    await page.getByRole('button', { name: 'Import CSV', exact: true }).click()
    await page
      .locator('#catalog-import-file')
      .setInputFiles({ name: 'dsc.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) })
    await page.getByRole('button', { name: 'Import 3 products' }).click()
    await page.getByText('Nothing was imported', { exact: true }).waitFor()
    const report = page.getByRole('table', { name: /Rows to fix in dsc\.csv/ })
    const row = report.locator('tbody tr')
    expect(await row.count()).toBe(1)
    // line, SKU, column, value and a sentence for people
    expect((await row.locator('th, td').allTextContents()).map((t) => t.trim())).toEqual([
      '4',
      'FR-PG9303',
      'msrp',
      '39.9x',
      'Write the price in dollars, such as 129.95 or $1,299.00.',
    ])
    // the same file would fail again: the button waits for another file
    expect(await page.getByRole('button', { name: 'Import 3 products' }).isDisabled()).toBe(true)
    await expectAccessible(page, 'catalog import errors in dollars')
    await screenshot(page, 'friction-import-errors-1280')

    await page
      .locator('#catalog-import-file')
      .setInputFiles({ name: 'dsc.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) })
    await page.getByRole('button', { name: 'Import 3 products' }).click()
    await page.getByRole('status').filter({ hasText: '3 created' }).waitFor()
    await page.getByRole('link', { name: 'FR-NEO-32' }).waitFor()
    expect(await page.getByRole('row', { name: /FR-NEO-32/ }).textContent()).toContain('$1,299.00')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    const exported = readFileSync((await download.path())!, 'utf8')
    expect(exported.split('\r\n')[0]).toBe(
      'sku,name,category,description,msrp,map,lifecycle,endOfLifeDate,protocols,leadTimeDays,specSheetDocumentId',
    )
    expect(exported).toContain('FR-NEO-32,PowerSeries Neo alarm panel,security-access,,1299.00,1199.50,active,,z-wave|wi-fi,5,')
    expect(exported).toContain('FR-HS2TCH,PowerSeries touch keypad,security-access,,249.95,249.95,announced,,wi-fi,10,')

    // the exported file, sent back as it is, changes nothing
    await page
      .locator('#catalog-import-file')
      .setInputFiles({ name: 'dsc-catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(exported) })
    await page.getByRole('button', { name: /^Import \d+ products?$/ }).click()
    const done = page.getByRole('status').filter({ hasText: 'Import complete' })
    await done.waitFor()
    expect(await done.textContent()).toMatch(/0 created, 0 updated, \d+ unchanged/)

    const narrow = await newPage(375)
    await signIn(narrow, 'rep@dsc.example')
    await narrow.goto(url('/workspace/catalog'))
    await narrow.getByRole('button', { name: 'Import CSV' }).click()
    await narrow
      .locator('#catalog-import-file')
      .setInputFiles({ name: 'dsc.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV.replace('FR-', 'FX-')) })
    await narrow.getByRole('button', { name: 'Import 3 products' }).click()
    await narrow.getByRole('table', { name: /Rows to fix/ }).waitFor()
    await expectNoOverflow(narrow, 'import errors in dollars 375')
    await expectAccessible(narrow, 'import errors in dollars 375')
    await screenshot(narrow, 'friction-import-errors-375')
  })
})

describe('no lost edits', () => {
  it('asks before leaving unsaved changes, clears fixed errors, focuses one result message after a save', async () => {
    const page = await newPage(1280)
    await signIn(page, 'rep@dsc.example')
    await page.goto(url('/workspace/catalog/FR-NEO-32'))
    const name = page.getByLabel('Name', { exact: true })
    await name.waitFor()

    // a stale error goes as soon as the field is corrected
    await name.fill('')
    await page.getByRole('button', { name: 'Save product' }).click()
    await page.locator('#product-name-error').waitFor()
    await name.fill('PowerSeries Neo 32-zone alarm panel')
    await page.locator('#product-name-error').waitFor({ state: 'detached' })

    // an in-app link asks first: staying keeps the edit, the URL and the screen
    const nav = page.getByRole('navigation', { name: 'Partner workspace sections' })
    const stay = nextDialog(page, false)
    await nav.getByRole('link', { name: 'Catalog' }).click()
    expect((await stay).message()).toBe('You have unsaved changes. Leave this page and lose them?')
    expect(page.url()).toBe(url('/workspace/catalog/FR-NEO-32'))
    expect(await name.inputValue()).toBe('PowerSeries Neo 32-zone alarm panel')

    // so does Back
    const back = nextDialog(page, false)
    await page.evaluate(() => history.back())
    await back
    await expect.poll(() => page.url()).toBe(url('/workspace/catalog/FR-NEO-32'))
    expect(await name.inputValue()).toBe('PowerSeries Neo 32-zone alarm panel')

    // a save: focus on the one message that says what happened, and leaving asks nothing
    await page.getByRole('button', { name: 'Save product' }).click()
    await page.getByRole('status').filter({ hasText: 'Product saved' }).waitFor()
    await expect.poll(() => activeText(page)).toContain('Product saved')
    expect(await page.locator('.notice--success').count()).toBe(1)
    await expectAccessible(page, 'product saved')
    await screenshot(page, 'friction-product-saved-1280')
    const asked: string[] = []
    const record = (dialog: Dialog) => {
      asked.push(dialog.message())
      void dialog.dismiss()
    }
    page.on('dialog', record)
    await nav.getByRole('link', { name: 'Catalog' }).click()
    await page.waitForURL(url('/workspace/catalog'))
    page.off('dialog', record)
    expect(asked).toEqual([])

    // a new product: one success message on the page it opens, focus on the next save's message
    await page.goto(url('/workspace/catalog/new'))
    await page.getByLabel('SKU').fill('FR-WS4945')
    await page.getByLabel('Category').selectOption('security-access')
    await name.fill('Wireless door/window contact')
    await page.getByLabel('MSRP (USD)').fill('$49.95')
    await page.getByLabel('MAP (USD)').fill('44.95')
    await page.getByLabel('Lead time (days)').fill('3')
    await page.getByRole('button', { name: 'Add product' }).click()
    await page.waitForURL(url('/workspace/catalog/FR-WS4945'))
    await page.getByText('FR-WS4945 was added to the catalog.').waitFor()
    await name.fill('Wireless door and window contact')
    await page.getByRole('button', { name: 'Save product' }).click()
    await page.getByRole('status').filter({ hasText: 'Product saved' }).waitFor()
    expect(await page.getByText('FR-WS4945 was added to the catalog.').count()).toBe(0)
    expect(await page.locator('.notice--success').count()).toBe(1)

    // the browser's own unload (reload, close, another address) asks too
    await name.fill('Edited, not saved')
    const unload = nextDialog(page, false)
    await page.close({ runBeforeUnload: true })
    expect((await unload).type()).toBe('beforeunload')

    const narrow = await newPage(375)
    await signIn(narrow, 'rep@dsc.example')
    await narrow.goto(url('/workspace/catalog/FR-NEO-32'))
    await narrow.getByLabel('Name', { exact: true }).fill('PowerSeries Neo alarm panel')
    await narrow.getByRole('button', { name: 'Save product' }).click()
    await narrow.getByRole('status').filter({ hasText: 'Product saved' }).waitFor()
    await expectNoOverflow(narrow, 'product saved 375')
    await expectAccessible(narrow, 'product saved 375')
    await screenshot(narrow, 'friction-product-saved-375')
  })
})

describe('one session per browser', () => {
  it('signs in a new tab, and signs out every tab at once', async () => {
    const first = await newPage(1280)
    await signIn(first, 'admin@dsc.example')
    const second = await first.context().newPage()
    await second.goto(url('/workspace/catalog'))
    await second.getByRole('heading', { level: 1, name: 'Product catalog' }).waitFor()
    expect(second.url()).toBe(url('/workspace/catalog'))
    // the name and the way out, once
    expect(await first.getByRole('button', { name: 'Sign out', includeHidden: true }).count()).toBe(1)

    await first.getByRole('button', { name: /account menu/ }).click()
    await first.getByRole('button', { name: 'Sign out' }).click()
    await first.waitForURL(url('/'))
    await second.waitForURL(/\/sign-in\?reason=signed-out&next=%2Fworkspace%2Fcatalog/)
    await second.getByText('You signed out in another tab').waitFor()
    expect(await second.evaluate(() => localStorage.getItem('homeaiq.token'))).toBeNull()
    await expectAccessible(second, 'signed out in another tab')
    await screenshot(second, 'friction-signed-out-1280')
    await second.setViewportSize({ width: 375, height: 900 })
    await expectNoOverflow(second, 'signed out in another tab 375')
    await screenshot(second, 'friction-signed-out-375')
    await second.setViewportSize({ width: 1280, height: 900 })

    // a partner user sent to a staff address is told why it shows nothing, and where to go
    await signIn(second, 'rep@dsc.example')
    await second.goto(url('/staff/briefings'))
    await second.getByRole('heading', { name: 'This page is for HomeAIQ staff' }).waitFor()
    await second.getByText('You are signed in as a partner rep').waitFor()
    expect(await second.getByRole('link', { name: 'Go to your workspace' }).getAttribute('href')).toBe('/workspace')
    await expectAccessible(second, 'not for your role')
    await screenshot(second, 'friction-not-for-your-role-1280')
    const narrow = await newPage(375)
    await signIn(narrow, 'rep@dsc.example')
    await narrow.goto(url('/staff/briefings'))
    await narrow.getByRole('heading', { name: 'This page is for HomeAIQ staff' }).waitFor()
    await expectNoOverflow(narrow, 'not for your role 375')
    await screenshot(narrow, 'friction-not-for-your-role-375')
  })
})

describe('the directory follows as people type', () => {
  it('searches once typing pauses, and fetches once where arrowing through a filter settles', async () => {
    const page = await newPage(1280)
    const fetched: string[] = []
    page.on('request', (request) => {
      const { pathname, search } = new URL(request.url())
      if (pathname === '/api/v1/directory') fetched.push(search)
    })
    await page.goto(url('/'))
    await page.getByRole('status').filter({ hasText: '11 partners' }).waitFor()

    // no Search button press: the list follows the box
    await page.getByLabel('Search by name').pressSequentially('sonos')
    await page.waitForURL(/q=sonos/)
    await page.getByRole('status').filter({ hasText: '1 partner' }).waitFor()
    expect(await page.getByLabel('Search by name').inputValue()).toBe('sonos')
    await page.getByLabel('Search by name').fill('')
    await page.waitForURL(url('/'))
    await page.getByRole('status').filter({ hasText: '11 partners' }).waitFor()

    // three steps down the categories: one request, for where the selection stopped
    fetched.length = 0
    const category = page.getByLabel('Category')
    await category.focus()
    for (let i = 0; i < 3; i++) await category.press('ArrowDown')
    const settled = await category.inputValue()
    expect(settled).not.toBe('')
    await page.waitForURL(new RegExp(`category=${settled}`))
    await page
      .getByRole('status')
      .filter({ hasText: /\d+ partners?/ })
      .waitFor()
    expect(fetched.filter((s) => s.includes('category='))).toEqual([expect.stringContaining(`category=${settled}`)])
    await expectAccessible(page, 'directory after typing')
  })
})

describe('a window made narrow', () => {
  it('lays an open page out as a phone opens it: no sideways scroll, the same slim header', async () => {
    const headerHeight = (page: Page) =>
      page
        .locator('header')
        .first()
        .evaluate((el) => el.getBoundingClientRect().height)
    const fresh = await newPage(375)
    await signIn(fresh, 'rep@lutron.example')
    await fresh.goto(url('/workspace/catalog'))
    await fresh.getByRole('heading', { level: 1, name: 'Product catalog' }).waitFor()

    const page = await newPage(1280)
    await signIn(page, 'rep@lutron.example')
    for (const path of ['/workspace/catalog', '/workspace/briefings']) {
      await page.setViewportSize({ width: 1280, height: 900 })
      await page.goto(url(path))
      await page.getByRole('heading', { level: 1 }).waitFor()
      await page.setViewportSize({ width: 375, height: 800 })
      await expect.poll(() => headerHeight(page)).toBe(await headerHeight(fresh))
      await expectNoOverflow(page, `${path} narrowed from 1280 to 375`)
      // the workspace sections stay reachable: their strip scrolls sideways, the page does not
      const sections = page.getByRole('navigation', { name: 'Partner workspace sections' })
      expect(await sections.isVisible()).toBe(true)
      expect(await sections.locator('ul').first().evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    }
    await screenshot(page, 'briefings-narrowed-375')
  })
})
