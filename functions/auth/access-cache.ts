import type { PartnerStatus } from '../../shared/partners/vocabulary'
import type { Partner } from '../../shared/schemas/partner'
import type { PortalUser } from '../../shared/schemas/user'
import { batchGet, stripKeys, type Db } from '../data/db'
import { keys } from '../data/keys'
import { partnerRepository } from '../data/partners'
import { userRepository } from '../data/users'

/** How long a container trusts what it read about a user's membership or a partner's status. */
export const ACCESS_TTL_MS = 15_000
/** Entries one cache keeps at most: `identify` warms it from tokens not yet verified, so its keys are not all trusted. */
export const ACCESS_MAX_ENTRIES = 1000

/**
 * What every request's access check reads — the caller's membership record and the path's
 * partner status — cached briefly per container, so a warm request spends its DynamoDB call on
 * its own work. A change made through this container (a removed user, a suspended partner)
 * takes effect at once via `forget*`; other containers see it within ACCESS_TTL_MS.
 */
export interface AccessCache {
  user(userId: string): Promise<PortalUser | undefined>
  /** with the partner's name, so the caller's own header (`GET /me`) reads nothing more */
  partner(partnerId: string): Promise<PartnerAccess | undefined>
  /**
   * Starts the reads a request's access check will make — the membership of `userId` and, on a
   * partner's path, that partner — without waiting for them (`identify` calls it while the
   * token's signature is checked). Neither cached: both in one BatchGetItem, one round trip
   * instead of two in a row. Membership known: the partner is read only for staff and the
   * partner's own users, as `authorize` would. Answers whether any of it had to be read.
   */
  warm(userId: string, partnerId: string | undefined): boolean
  forgetUser(userId: string): void
  forgetPartner(partnerId: string): void
}

type PartnerAccess = Pick<Partner, 'id' | 'status' | 'name'>
const accessOf = (partner: Partner | undefined): PartnerAccess | undefined =>
  partner && { id: partner.id, status: partner.status, name: partner.name }

export function accessCache(db: Db, opts: { ttlMs?: number; now?: () => number; maxEntries?: number } = {}): AccessCache {
  const ttl = opts.ttlMs ?? ACCESS_TTL_MS
  const maxEntries = opts.maxEntries ?? ACCESS_MAX_ENTRIES
  const now = opts.now ?? Date.now
  const users = userRepository(db)
  const partners = partnerRepository(db)
  const cached = <T>(load: (id: string) => Promise<T>) => {
    const entries = new Map<string, { value: Promise<T>; until: number }>()
    const set = (id: string, value: Promise<T>) => {
      entries.delete(id) // re-inserted last: the Map's order is the order of expiry
      entries.set(id, { value, until: now() + ttl })
      // the oldest entries go first (they expire first)
      for (const [key] of entries) {
        if (entries.size <= maxEntries) break
        entries.delete(key)
      }
      // a failed read is not remembered
      value.catch(() => entries.delete(id))
      return value
    }
    const fresh = (id: string) => {
      const hit = entries.get(id)
      return hit && hit.until > now() ? hit.value : undefined
    }
    return {
      get: (id: string): Promise<T> => fresh(id) ?? set(id, load(id)),
      fresh,
      set,
      forget: (id: string) => void entries.delete(id),
    }
  }
  const userCache = cached((id) => users.get(id))
  const partnerCache = cached(async (id) => accessOf(await partners.get(id)))

  /** The membership and the partner in one round trip. */
  function readBoth(userId: string, partnerId: string) {
    const read = batchGet(db, [keys.user(userId), keys.partner(partnerId)]).then((items) => {
      const of = (key: { PK: string }) => items.find((item) => item.PK === key.PK)
      const user = of(keys.user(userId))
      const partner = of(keys.partner(partnerId))
      return { user: user && stripKeys<PortalUser>(user), partner: accessOf(partner && stripKeys<Partner>(partner)) }
    })
    userCache.set(
      userId,
      read.then((r) => r.user),
    )
    partnerCache.set(
      partnerId,
      read.then((r) => r.partner),
    )
  }

  return {
    user: userCache.get,
    partner: partnerCache.get,
    warm(userId, partnerId) {
      const reading = !userCache.fresh(userId) || (!!partnerId && !partnerCache.fresh(partnerId))
      if (partnerId && !userCache.fresh(userId) && !partnerCache.fresh(partnerId)) readBoth(userId, partnerId)
      userCache
        .get(userId)
        .then(async (user) => {
          if (partnerId && user && (user.role === 'staff' || user.partnerId === partnerId)) await partnerCache.get(partnerId)
        })
        .catch(() => undefined)
      return reading
    },
    forgetUser: userCache.forget,
    forgetPartner: partnerCache.forget,
  }
}
