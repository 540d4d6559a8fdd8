import { beforeAll, describe, expect, it } from 'vitest'
import { seedLeads } from '../../functions/local/seed-leads'
import { LEAD_STATUSES } from '../../shared/leads/vocabulary'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
  await seedLeads(portal.deps)
})

describe('the lead demo data', () => {
  it('has leads in every state across partners, and one conflict waiting for staff', async () => {
    const all = await portal.call('GET', '/review/leads?limit=100', { as: 'staff@homeaiq.example' })
    const statuses = new Set(all.json.items.map((l: { status: string }) => l.status))
    expect([...statuses].sort()).toEqual([...LEAD_STATUSES].sort())
    const holders = new Set(all.json.items.map((l: { offeredTo?: string; assignedTo?: string }) => l.assignedTo ?? l.offeredTo))
    expect(holders.size).toBeGreaterThanOrEqual(4)
    const conflicts = await portal.call('GET', '/review/referrals?status=conflict', { as: 'staff@homeaiq.example' })
    expect(conflicts.json.items).toHaveLength(1)
    const offered = await portal.call('GET', '/partners/lutron/leads?status=offered', { as: 'rep@lutron.example' })
    expect(offered.json.items.length).toBeGreaterThanOrEqual(1)
  })
})
