import { describe, expect, it } from 'vitest'
import { accessCache } from '../../functions/auth/access-cache'
import type { Db } from '../../functions/data/db'

/** A table that knows nobody and counts its reads. */
function emptyTable() {
  const reads: unknown[] = []
  const db = { table: 'portal', doc: { send: async (command: unknown) => (reads.push(command), {}) } } as unknown as Db
  return { db, reads }
}

describe('the access cache', () => {
  it('keeps at most its bound of entries, dropping the oldest first', async () => {
    const { db, reads } = emptyTable()
    const cache = accessCache(db, { maxEntries: 2 })
    for (const id of ['a', 'b', 'c']) await cache.user(id)
    expect(reads).toHaveLength(3)
    await cache.user('c') // still held
    await cache.user('b')
    expect(reads).toHaveLength(3)
    await cache.user('a') // dropped when c came in: read again
    expect(reads).toHaveLength(4)
  })

  it('reads again once an entry has expired', async () => {
    const { db, reads } = emptyTable()
    let clock = 0
    const cache = accessCache(db, { ttlMs: 10, now: () => clock })
    await cache.user('a')
    await cache.user('a')
    clock = 11
    await cache.user('a')
    expect(reads).toHaveLength(2)
  })
})

/** A table holding these items (by PK, sort key PROFILE) that records each command's name and keys. */
function tableOf(items: Record<string, Record<string, unknown>>, opts: { failBatch?: boolean } = {}) {
  const reads: string[] = []
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name
    if (name === 'BatchGetCommand') {
      const keys = (command.input.RequestItems as Record<string, { Keys: { PK: string }[] }>).portal!.Keys
      reads.push(`batch ${keys.map((k) => k.PK).join(' ')}`)
      if (opts.failBatch) throw new Error('throttled')
      return { Responses: { portal: keys.flatMap((k) => (items[k.PK] ? [{ PK: k.PK, SK: 'PROFILE', ...items[k.PK] }] : [])) } }
    }
    const pk = (command.input.Key as { PK: string }).PK
    reads.push(`get ${pk}`)
    return items[pk] ? { Item: { PK: pk, SK: 'PROFILE', ...items[pk] } } : {}
  }
  return { db: { table: 'portal', doc: { send } } as unknown as Db, reads }
}

const ITEMS = {
  'USER#rep': { userId: 'rep', email: 'rep@lutron.example', name: 'Rep', role: 'partner-rep', partnerId: 'lutron' },
  'USER#staff': { userId: 'staff', email: 'staff@homeaiq.example', name: 'Staff', role: 'staff' },
  'PARTNER#lutron': { id: 'lutron', name: 'Lutron', status: 'active', tier: 'strategic' },
  'PARTNER#sonos': { id: 'sonos', name: 'Sonos', status: 'suspended', tier: 'preferred' },
}
const settled = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('warming the access check', () => {
  it('reads the membership and the path’s partner in one round trip when neither is cached', async () => {
    const { db, reads } = tableOf(ITEMS)
    const cache = accessCache(db)
    cache.warm('rep', 'lutron')
    expect(await cache.user('rep')).toMatchObject({ userId: 'rep', partnerId: 'lutron' })
    expect(await cache.partner('lutron')).toEqual({ id: 'lutron', status: 'active', name: 'Lutron' })
    expect(reads).toEqual(['batch USER#rep PARTNER#lutron'])
  })

  it('answers a missing membership or partner as absent, not as the other record', async () => {
    const { db } = tableOf(ITEMS)
    const cache = accessCache(db)
    cache.warm('nobody', 'acme')
    expect(await cache.user('nobody')).toBeUndefined()
    expect(await cache.partner('acme')).toBeUndefined()
  })

  it('once the membership is known, reads another partner only for staff', async () => {
    const { db, reads } = tableOf(ITEMS)
    const cache = accessCache(db)
    await cache.user('rep')
    await cache.user('staff')
    cache.warm('rep', 'sonos')
    await settled()
    expect(reads).toEqual(['get USER#rep', 'get USER#staff'])
    cache.warm('staff', 'sonos')
    await settled()
    expect(reads).toEqual(['get USER#rep', 'get USER#staff', 'get PARTNER#sonos'])
    expect(await cache.partner('sonos')).toMatchObject({ status: 'suspended' })
  })

  it('reads only what is not cached yet', async () => {
    const { db, reads } = tableOf(ITEMS)
    const cache = accessCache(db)
    await cache.partner('lutron')
    cache.warm('rep', 'lutron')
    await cache.user('rep')
    expect(reads).toEqual(['get PARTNER#lutron', 'get USER#rep'])
  })

  it('remembers nothing of a failed read', async () => {
    const { db, reads } = tableOf(ITEMS, { failBatch: true })
    const cache = accessCache(db)
    cache.warm('rep', 'lutron')
    await expect(cache.user('rep')).rejects.toThrow('throttled')
    expect(await cache.user('rep')).toMatchObject({ userId: 'rep' })
    expect(await cache.partner('lutron')).toMatchObject({ status: 'active' })
    expect(reads).toEqual(['batch USER#rep PARTNER#lutron', 'get USER#rep', 'get PARTNER#lutron'])
  })
})
