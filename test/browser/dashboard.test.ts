import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { expectAccessible, expectNoOverflow, screenshot, useBrowserPortal } from '../helpers/browser'

const { url, newPage, signIn } = useBrowserPortal('dashboard')

const REASON = 'Volume commitment for 2027 signed'

/** Calls the API as a demo user, as the screens do. */
async function callAs(email: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const token = await fetch(url('/auth/dev/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  }).then(async (r) => ((await r.json()) as { access_token: string }).access_token)
  return fetch(url(`/api/v1${path}`), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
}

// Staff change Lutron's negotiated discount, with a reason; Lutron publishes a safety notice
beforeAll(async () => {
  const current = await callAs('staff@homeaiq.example', 'GET', '/partners/lutron')
  const changed = await callAs(
    'staff@homeaiq.example',
    'PATCH',
    '/partners/lutron',
    { baseDiscountBps: 3400, changeReason: REASON },
    { 'if-match': current.headers.get('etag')! },
  )
  expect(changed.status).toBe(200)
  const product = {
    sku: 'RR-PROC3-KIT',
    name: 'RadioRA 3 Processor',
    category: 'lighting-control',
    msrpCents: 59_900,
    mapCents: 54_900,
    lifecycle: 'active',
    protocols: ['poe'],
    leadTimeDays: 5,
  }
  expect((await callAs('rep@lutron.example', 'POST', '/partners/lutron/products', product)).status).toBe(201)
  const notice = {
    kind: 'safety-notice',
    title: 'RadioRA 3 processor: replace the PoE injector',
    body: 'Batch 2311 injectors may overheat.',
    skus: ['RR-PROC3-KIT'],
    effectiveDate: '2026-12-01',
  }
  expect((await callAs('rep@lutron.example', 'POST', '/partners/lutron/briefings', notice)).status).toBe(201)
})

describe('the staff dashboard', () => {
  it('shows the program against its targets with charts, tables and CSV downloads', async () => {
    const page = await newPage(1280)
    await signIn(page, 'staff@homeaiq.example')
    await page.waitForURL(url('/staff'))
    await page.getByRole('heading', { level: 1, name: 'Program dashboard' }).waitFor()
    const nav = page.getByRole('navigation', { name: 'Staff workspace sections' })
    expect(await nav.getByRole('link').first().textContent()).toBe('Dashboard')

    // tiers against the year-1 targets: a chart with its words, and the same figures in a table
    const tiers = page.getByRole('region', { name: 'Active partners per tier against the year-1 targets' })
    expect(await tiers.getByRole('row', { name: /Strategic/ }).textContent()).toMatch(/3\s*5–7\s*5–7\s*Below target/)
    expect(await tiers.getByRole('row', { name: /Standard/ }).textContent()).toContain('10–15')
    expect(await page.getByRole('img', { name: /Active partners per tier/ }).count()).toBe(1)
    // the demo's mismatch and the safety notice waiting for HomeAIQ
    const mismatches = page.getByRole('region', { name: /tier differs from their scorecard/ })
    expect(await mismatches.getByRole('row', { name: /Ruckus/ }).textContent()).toContain('Tier above its score')
    expect(
      await page
        .getByRole('region', { name: 'Briefings awaiting acknowledgement per partner' })
        .getByRole('row', { name: /Lutron/ })
        .textContent(),
    ).toContain('1')
    // MDF and leads from the demo sets
    expect(await page.getByRole('region', { name: 'MDF by period and partner' }).getByRole('row').count()).toBeGreaterThan(1)
    expect(await page.getByRole('region', { name: 'Lead conversion by partner' }).getByRole('row').count()).toBeGreaterThan(1)
    await expectAccessible(page, 'staff dashboard')
    await screenshot(page, 'staff-dashboard-1280')

    // each table downloads as CSV, written by the portal's CSV writer
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download CSV.*Active partners per tier/ }).click(),
    ])
    expect(download.suggestedFilename()).toBe('tier-distribution.csv')
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.split('\r\n')[0]).toBe('Tier,Active,Year-1 target,Capacity,Standing')
    expect(csv).toContain('Strategic,3,5–7,5–7,Below target')

    // the partner list moved one step away and still opens a partner
    await nav.getByRole('link', { name: 'Partners' }).click()
    await page.waitForURL(url('/staff/partners'))
    await page.getByRole('table').getByRole('link', { name: 'Lutron Electronics' }).click()
    await page.waitForURL(url('/staff/partners/lutron'))

    const narrow = await newPage(375)
    await signIn(narrow, 'staff@homeaiq.example')
    await narrow.getByRole('heading', { level: 1, name: 'Program dashboard' }).waitFor()
    await expectNoOverflow(narrow, 'staff dashboard 375')
    await expectAccessible(narrow, 'staff dashboard 375')
    await screenshot(narrow, 'staff-dashboard-375')
  })
})

describe('the partner dashboard and history', () => {
  it('shows an admin its terms and to-dos, each a link to act, and its history with the terms', async () => {
    const page = await newPage(1280)
    await signIn(page, 'admin@lutron.example')
    await page.waitForURL(url('/workspace'))
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor()
    await page.getByRole('heading', { name: 'Commercial terms' }).waitFor()
    expect(await page.getByText('34%', { exact: true }).count()).toBe(1)
    const todos = page.getByRole('list', { name: 'What is waiting for you' })
    expect(await todos.getByRole('link', { name: /not yet acknowledged by HomeAIQ/ }).textContent()).toMatch(/^1/)
    expect(await todos.getByRole('link', { name: /open MDF claim/ }).getAttribute('href')).toBe('/workspace/mdf')
    await expectAccessible(page, 'partner dashboard')
    await screenshot(page, 'partner-dashboard-1280')

    await todos.getByRole('link', { name: /active badge/ }).click()
    await page.waitForURL(url('/workspace/certifications'))

    const nav = page.getByRole('navigation', { name: 'Partner workspace sections' })
    await nav.getByRole('link', { name: 'History' }).click()
    await page.waitForURL(url('/workspace/history'))
    const change = page.getByRole('listitem').filter({ hasText: `Why: ${REASON}` })
    await change.waitFor()
    expect(await change.textContent()).toContain('baseDiscountBps')
    expect(await change.textContent()).toContain('HomeAIQ')
    await expectAccessible(page, 'partner history')
    await screenshot(page, 'partner-history-1280')

    // filters narrow the trail, kept in the address
    await page.getByLabel('What changed').selectOption('product')
    await page.waitForURL(/type=product/)
    await page.getByRole('listitem').filter({ hasText: 'product.created' }).first().waitFor()
    expect(await page.getByRole('listitem').filter({ hasText: 'partner.updated' }).count()).toBe(0)

    await nav.getByRole('link', { name: 'Listing' }).click()
    await page.getByRole('heading', { level: 1, name: 'Directory listing' }).waitFor()
  })

  it('shows a rep the dashboard and the same history without the partner’s commercial terms', async () => {
    const page = await newPage(1280)
    await signIn(page, 'rep@lutron.example')
    await page.waitForURL(url('/workspace'))
    await page.getByRole('heading', { name: 'Your tier' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Commercial terms' }).count()).toBe(0)
    expect(await page.content()).not.toMatch(/Negotiated base discount|34%/)
    await expectAccessible(page, 'partner dashboard rep')
    await screenshot(page, 'partner-dashboard-rep-1280')

    await page.goto(url('/workspace/history'))
    const change = page.getByRole('listitem').filter({ hasText: `Why: ${REASON}` })
    await change.waitFor()
    expect(await page.content()).not.toContain('baseDiscountBps')
    await expectAccessible(page, 'partner history rep')

    const narrow = await newPage(375)
    await signIn(narrow, 'rep@lutron.example')
    await narrow.getByRole('heading', { name: 'Your tier' }).waitFor()
    await expectNoOverflow(narrow, 'partner dashboard 375')
    await expectAccessible(narrow, 'partner dashboard 375')
    await screenshot(narrow, 'partner-dashboard-375')
    await narrow.goto(url('/workspace/history'))
    await narrow
      .getByRole('listitem')
      .filter({ hasText: `Why: ${REASON}` })
      .waitFor()
    await expectNoOverflow(narrow, 'partner history 375')
    await screenshot(narrow, 'partner-history-375')
  })

  it('lets staff read any partner’s trail from its page, filter it, and one entity’s history', async () => {
    const page = await newPage(1280)
    await signIn(page, 'staff@homeaiq.example')
    await page.goto(url('/staff/partners/lutron'))
    await page.getByRole('link', { name: 'History' }).click()
    await page.waitForURL(url('/staff/audit?partner=lutron'))
    await page.getByRole('heading', { level: 1, name: 'History of Lutron Electronics' }).waitFor()
    const change = page.getByRole('listitem').filter({ hasText: `Why: ${REASON}` })
    await change.waitFor()
    expect(await change.textContent()).toContain('staff@homeaiq.example')
    await page.getByLabel('Action').fill('partner.')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL(/action=partner\./)
    // the unfiltered trail stays on screen until the filtered one replaces it
    const filtered = async () =>
      (await change.count()) > 0 && (await page.getByRole('listitem').filter({ hasText: 'product.created' }).count()) === 0
    await expect.poll(filtered).toBe(true)
    await expectAccessible(page, 'staff audit')
    await screenshot(page, 'staff-audit-1280')

    await page.goto(url('/staff/audit?entity=partner:lutron'))
    await page.getByRole('heading', { level: 1, name: 'History of partner:lutron' }).waitFor()
    await page
      .getByRole('listitem')
      .filter({ hasText: `Why: ${REASON}` })
      .waitFor()
    await expectAccessible(page, 'staff entity history')

    const narrow = await newPage(375)
    await signIn(narrow, 'staff@homeaiq.example')
    await narrow.goto(url('/staff/audit?partner=lutron'))
    await narrow
      .getByRole('listitem')
      .filter({ hasText: `Why: ${REASON}` })
      .waitFor()
    await expectNoOverflow(narrow, 'staff audit 375')
    await expectAccessible(narrow, 'staff audit 375')
    await screenshot(narrow, 'staff-audit-375')
  })
})
