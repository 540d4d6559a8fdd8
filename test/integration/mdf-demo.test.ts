import { beforeAll, describe, expect, it } from 'vitest'
import { seedMdf } from '../../functions/local/seed-mdf'
import { foldLedger } from '../../shared/mdf/ledger'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

/** The MDF demo data, seeded on the hardest day for it: the first day of a quarter. */
let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal({ clock: { now: () => new Date('2027-01-01T08:00:00Z') } })
  await seedMdf(portal.deps)
}, 60_000)

const STAFF = 'staff@homeaiq.example'

describe('MDF demo data', () => {
  it('opens this quarter’s fund for strategic and preferred partners at their tier’s MDF rate', async () => {
    const ecobee = await portal.call('GET', '/partners/ecobee/mdf/funds/2027-Q1', { as: STAFF })
    expect(ecobee.json).toMatchObject({ revenueCents: 610_000_00, mdfRateBps: 400, allocatedCents: 24_400_00 })
    const sonos = await portal.call('GET', '/partners/sonos/mdf/funds/2027-Q1', { as: STAFF })
    expect(sonos.json).toMatchObject({ mdfRateBps: 250, allocatedCents: 13_000_00 })
    for (const pid of ['lutron', 'ubiquiti', 'leviton', 'philips-hue', 'honeywell-home', 'yale', 'dsc', 'control4', 'ruckus']) {
      expect((await portal.call('GET', `/partners/${pid}/mdf/funds/2027-Q1`, { as: STAFF })).status, pid).toBe(200)
    }
  })

  it('has claims in every state from both sides, with checked proof, and books that agree', async () => {
    const statuses = new Set<string>()
    for (const status of ['submitted', 'info-requested', 'approved', 'rejected', 'paid']) {
      const queue = await portal.call('GET', `/review/mdf-claims?status=${status}`, { as: STAFF })
      if (queue.json.items.length) statuses.add(status)
    }
    expect([...statuses].sort()).toEqual(['approved', 'info-requested', 'paid', 'rejected', 'submitted'])
    const waiting = await portal.call('GET', '/review/mdf-claims?partnerId=lutron&filedBy=homeaiq', { as: STAFF })
    expect(waiting.json.items).toEqual([
      expect.objectContaining({ activityType: 'showcase-installation', status: 'submitted', decidedBySide: 'partner' }),
    ])
    const doc = await portal.call('GET', `/partners/lutron/documents/${waiting.json.items[0].documentIds[0]}`, {
      as: 'admin@lutron.example',
    })
    expect(doc.json).toMatchObject({ status: 'ready', contentType: 'application/pdf' })
    const pdf = Buffer.from(await (await fetch(doc.json.downloadUrl)).arrayBuffer())
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    for (const pid of ['lutron', 'ecobee', 'ubiquiti', 'sonos', 'philips-hue', 'leviton']) {
      const fund = (await portal.call('GET', `/partners/${pid}/mdf/funds/2027-Q1`, { as: STAFF })).json
      const ledger = (await portal.call('GET', `/partners/${pid}/mdf/funds/2027-Q1/ledger?limit=100`, { as: STAFF })).json
      const { allocatedCents, pendingCents, approvedCents, paidCents, lapsedCents, availableCents } = fund
      expect({ allocatedCents, pendingCents, approvedCents, paidCents, lapsedCents, availableCents }).toEqual(
        foldLedger(ledger.items),
      )
    }
  })
})
