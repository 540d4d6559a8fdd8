import { beforeAll, describe, expect, it } from 'vitest'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const STAFF = 'staff@homeaiq.example'
const scores = (n: number) => ({
  strategicAlignment: [n, n, n, n, n],
  commercialPotential: [n, n, n, n, n],
  technicalExcellence: [n, n, n, n, n],
  customerValue: [n, n, n, n, n],
})

describe('scorecards', () => {
  it('scores a partner, keeps the history, and shows staff the recommended against the actual tier', async () => {
    expect((await portal.call('GET', '/partners/leviton/scorecard', { as: STAFF })).status).toBe(404)
    const first = await portal.call('PUT', '/partners/leviton/scorecard', {
      as: STAFF,
      body: { ...scores(5), notes: 'Decora Smart launch went well' },
    })
    expect(first.status).toBe(200)
    expect(first.json).toMatchObject({ score: 100, recommendedTier: 'strategic', actualTier: 'preferred', scoredBy: STAFF })
    const second = await portal.call('PUT', '/partners/leviton/scorecard', { as: STAFF, body: scores(3) })
    expect(second.json).toMatchObject({ score: 60, recommendedTier: 'preferred' })
    expect((await portal.call('GET', '/partners/leviton/scorecard', { as: STAFF })).json.id).toBe(second.json.id)
    const history = await portal.call('GET', '/partners/leviton/scorecard/history', { as: STAFF })
    expect(history.json.items.map((c: { score: number }) => c.score)).toEqual([60, 100])

    const list = await portal.call('GET', '/partners?limit=100', { as: STAFF })
    const leviton = list.json.items.find((p: { id: string }) => p.id === 'leviton')
    expect(leviton.scorecard).toEqual({ score: 60, recommendedTier: 'preferred', scoredAt: second.json.scoredAt })
  })

  it('is HomeAIQ-internal: partners never see a scorecard, in the record or the audit trail', async () => {
    await portal.call('PUT', '/partners/philips-hue/scorecard', { as: STAFF, body: scores(4) })
    for (const as of ['admin@philips-hue.example', 'rep@philips-hue.example']) {
      expect((await portal.call('GET', '/partners/philips-hue', { as })).json).not.toHaveProperty('scorecard')
      const trail = await portal.call('GET', '/partners/philips-hue/audit', { as })
      expect(JSON.stringify(trail.json)).not.toMatch(/scorecard/i)
      expect((await portal.call('GET', '/partners/philips-hue/scorecard', { as })).status).toBe(403)
    }
    const staffTrail = await portal.call('GET', '/audit?entity=scorecard:philips-hue', { as: STAFF })
    expect(staffTrail.json.items[0]).toMatchObject({ action: 'scorecard.recorded', after: { score: 80 } })
  })

  it('refuses a scorecard that does not score every sub-criterion from 1 to 5, naming the criterion', async () => {
    const res = await portal.call('PUT', '/partners/yale/scorecard', {
      as: STAFF,
      body: { ...scores(3), customerValue: [3, 3, 3, 3], technicalExcellence: [3, 3, 3, 3, 9] },
    })
    expect(res.status).toBe(400)
    expect(res.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['customerValue', 'technicalExcellence.4'])
    expect((await portal.call('GET', '/partners/yale/scorecard', { as: STAFF })).status).toBe(404)
  })
})
