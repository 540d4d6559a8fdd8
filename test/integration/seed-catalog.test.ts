import { beforeAll, describe, expect, it } from 'vitest'
import { seedCatalog } from '../../functions/local/seed-catalog'
import { DEMO_PARTNERS } from '../../functions/local/seed-data'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
  await seedCatalog(portal.deps)
})

describe('the catalog and briefing demo data', () => {
  it('gives every manufacturer a catalog of its key lines, with announced and discontinued items here and there', async () => {
    const lifecycles = new Set<string>()
    for (const { id } of DEMO_PARTNERS) {
      const page = await portal.call('GET', `/partners/${id}/products?limit=100`, { as: `rep@${id}.example` })
      // Ubiquiti's two certified SKUs come with the certification demo data
      expect(page.json.items.length, id).toBeGreaterThanOrEqual(id === 'ubiquiti' ? 2 : 3)
      for (const p of page.json.items as { lifecycle: string; msrpCents: number; mapCents: number }[]) {
        lifecycles.add(p.lifecycle)
        expect(p.mapCents).toBeLessThanOrEqual(p.msrpCents)
      }
    }
    expect([...lifecycles].sort()).toEqual(['active', 'announced', 'discontinued'])
  })

  it('publishes briefings of several kinds, one safety notice waiting for HomeAIQ', async () => {
    const feed = await portal.call('GET', '/review/briefings?limit=100', { as: 'staff@homeaiq.example' })
    const kinds = new Set(feed.json.items.map((b: { kind: string }) => b.kind))
    expect(kinds.size).toBeGreaterThanOrEqual(4)
    expect(feed.json.flaggedCount).toBe(1)
    const flagged = feed.json.items.filter((b: { flagged: boolean }) => b.flagged)
    expect(flagged).toMatchObject([{ kind: 'safety-notice', partnerId: 'dsc' }])
    // one was corrected after publishing, with a note
    const corrected = feed.json.items.filter((b: { version: number }) => b.version > 1)
    expect(corrected).toMatchObject([
      { partnerId: 'sonos', kind: 'price-change', revisions: [{ note: expect.stringContaining('$749.00'), version: 2 }] },
    ])
    expect(corrected[0].body).toContain('$749.00')
  })

  it('seeds again without a second copy', async () => {
    const before = await portal.call('GET', '/review/briefings?limit=100', { as: 'staff@homeaiq.example' })
    await seedCatalog(portal.deps)
    const after = await portal.call('GET', '/review/briefings?limit=100', { as: 'staff@homeaiq.example' })
    expect(after.json.items).toHaveLength(before.json.items.length)
    const page = await portal.call('GET', '/partners/lutron/products?limit=100', { as: 'rep@lutron.example' })
    expect(new Set(page.json.items.map((p: { sku: string }) => p.sku)).size).toBe(page.json.items.length)
  })
})
