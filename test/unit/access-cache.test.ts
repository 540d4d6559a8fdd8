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
