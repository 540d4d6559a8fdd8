import { beforeAll, describe, expect, it } from 'vitest'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'
import { productBody } from '../helpers/products'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

describe('audit trail', () => {
  it('shows a partner every change to its records, newest first, with who and before/after', async () => {
    const admin = 'admin@yale.example'
    const etag = (await portal.call('GET', '/partners/yale', { as: admin })).headers.get('etag')!
    await portal.call('PATCH', '/partners/yale', {
      as: admin,
      headers: { 'if-match': etag },
      body: { description: 'Smart locks.' },
    })
    await portal.call('POST', '/partners/yale/products', {
      as: 'rep@yale.example',
      body: productBody({ sku: 'YRD-450', category: 'security-access' }),
    })
    const trail = await portal.call('GET', '/partners/yale/audit', { as: 'rep@yale.example' })
    expect(trail.status).toBe(200)
    expect(trail.json.items.map((e: { action: string }) => e.action)).toEqual([
      'product.created',
      'partner.updated',
      'partner.created',
    ])
    expect(trail.json.items[1]).toMatchObject({
      actor: { email: admin, role: 'partner-admin' },
      entity: { type: 'partner', id: 'yale' },
      after: { description: 'Smart locks.' },
    })
  })

  it('lets staff read one entity’s history across the program', async () => {
    const res = await portal.call('GET', '/audit?entity=product:yale/YRD-450', { as: 'staff@homeaiq.example' })
    expect(res.json.items).toEqual([expect.objectContaining({ action: 'product.created', before: null })])
    const bad = await portal.call('GET', '/audit?entity=yale', { as: 'staff@homeaiq.example' })
    expect(bad.status).toBe(400)
    expect(bad.json.errors[0].field).toBe('query.entity')
  })
})
