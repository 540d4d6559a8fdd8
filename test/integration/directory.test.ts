import { beforeAll, describe, expect, it } from 'vitest'
import { createTestPortal, type TestPortal } from '../helpers/test-portal'

let portal: TestPortal
beforeAll(async () => {
  portal = await createTestPortal()
})

const ids = (json: { items: { id: string }[] }) => json.items.map((p) => p.id)

describe('public directory', () => {
  it('lists active partners by name without sign-in, hiding internal fields', async () => {
    const res = await portal.call('GET', '/directory?limit=100')
    expect(res.status).toBe(200)
    expect(ids(res.json)).toHaveLength(11)
    const names = res.json.items.map((p: { name: string }) => p.name)
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })))
    expect(res.json.items[0]).not.toHaveProperty('baseDiscountBps')
    expect(res.json.items[0]).not.toHaveProperty('contact')
    expect(res.json.nextCursor).toBeUndefined()
  })

  it('filters by category and tier, and searches by name ignoring case and accents', async () => {
    expect(ids((await portal.call('GET', '/directory?category=climate-control')).json)).toEqual(['ecobee', 'honeywell-home'])
    expect(ids((await portal.call('GET', '/directory?tier=strategic')).json)).toEqual(['ecobee', 'lutron', 'ubiquiti'])
    expect(ids((await portal.call('GET', '/directory?tier=preferred&category=lighting-control')).json)).toEqual([
      'leviton',
      'philips-hue',
    ])
    expect(ids((await portal.call('GET', '/directory?q=SONO')).json)).toEqual(['sonos'])
    expect(ids((await portal.call('GET', '/directory?q=LUTRÓN')).json)).toEqual(['lutron'])
    expect((await portal.call('GET', '/directory?q=zzz')).json).toEqual({ items: [] })
  })

  it('pages with a cursor in a stable order that covers every partner once', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const res = await portal.call('GET', `/directory?limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.status).toBe(200)
      expect(res.json.items.length).toBeLessThanOrEqual(4)
      seen.push(...ids(res.json))
      cursor = res.json.nextCursor
      pages++
    } while (cursor)
    expect(pages).toBe(3)
    expect(seen).toEqual(ids((await portal.call('GET', '/directory?limit=100')).json))
  })

  it('pages a filtered list without short or repeated pages', async () => {
    const first = await portal.call('GET', '/directory?tier=preferred&limit=3')
    expect(first.json.items).toHaveLength(3)
    const second = await portal.call('GET', `/directory?tier=preferred&limit=3&cursor=${first.json.nextCursor}`)
    expect(second.json.items).toHaveLength(3)
    expect(ids(second.json).some((id) => ids(first.json).includes(id))).toBe(false)
  })

  it('answers bad filters and foreign cursors with problem+json naming the field', async () => {
    const bad = await portal.call('GET', '/directory?category=toasters&limit=500')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
    expect(bad.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.category', 'query.limit'])
    // a real cursor of another list, and a cursor whose key was edited, are both refused
    const partnersCursor = (await portal.call('GET', '/partners?limit=2', { as: 'staff@homeaiq.example' })).json.nextCursor
    const [payload, signature] = (await portal.call('GET', '/directory?limit=2')).json.nextCursor.split('.')
    const key = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const tampered = `${Buffer.from(JSON.stringify({ ...key, gsi1sk: 'a' })).toString('base64url')}.${signature}`
    for (const foreign of [partnersCursor, tampered]) {
      const cursor = await portal.call('GET', `/directory?cursor=${encodeURIComponent(foreign)}`)
      expect(cursor.status, foreign).toBe(400)
      expect(cursor.json.errors).toEqual([{ field: 'cursor', message: expect.any(String) }])
    }
    expect((await portal.call('GET', '/directory?cursor=%%%')).status).toBe(400)
    expect((await portal.call('GET', '/directory?color=red')).json.errors[0].field).toBe('query.color')
  })

  it('shows a public profile of an active partner only', async () => {
    const lutron = await portal.call('GET', '/directory/lutron')
    expect(lutron.status).toBe(200)
    expect(lutron.json).toMatchObject({ id: 'lutron', tier: 'strategic', productLines: ['RadioRA', 'Caséta', 'HomeWorks QS'] })
    expect((await portal.call('GET', '/directory/nobody')).status).toBe(404)

    const etag = (await portal.call('GET', '/partners/ruckus', { as: 'staff@homeaiq.example' })).headers.get('etag')!
    const suspend = await portal.call('PATCH', '/partners/ruckus', {
      as: 'staff@homeaiq.example',
      headers: { 'if-match': etag },
      body: { status: 'suspended' },
    })
    expect(suspend.status).toBe(200)
    expect((await portal.call('GET', '/directory/ruckus')).status).toBe(404)
    expect(ids((await portal.call('GET', '/directory?category=networking-infrastructure')).json)).toEqual(['ubiquiti'])
  })
})
