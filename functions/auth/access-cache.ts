import type { PartnerStatus } from '../../shared/partners/vocabulary'
import type { PortalUser } from '../../shared/schemas/user'
import type { Db } from '../data/db'
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
  partner(partnerId: string): Promise<{ id: string; status: PartnerStatus; name: string } | undefined>
  forgetUser(userId: string): void
  forgetPartner(partnerId: string): void
}

export function accessCache(db: Db, opts: { ttlMs?: number; now?: () => number; maxEntries?: number } = {}): AccessCache {
  const ttl = opts.ttlMs ?? ACCESS_TTL_MS
  const maxEntries = opts.maxEntries ?? ACCESS_MAX_ENTRIES
  const now = opts.now ?? Date.now
  const users = userRepository(db)
  const partners = partnerRepository(db)
  const cached = <T>(load: (id: string) => Promise<T>) => {
    const entries = new Map<string, { value: Promise<T>; until: number }>()
    return {
      get(id: string): Promise<T> {
        const hit = entries.get(id)
        if (hit && hit.until > now()) return hit.value
        const value = load(id)
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
      },
      forget: (id: string) => void entries.delete(id),
    }
  }
  const userCache = cached((id) => users.get(id))
  const partnerCache = cached(async (id) => {
    const partner = await partners.get(id)
    return partner ? { id: partner.id, status: partner.status, name: partner.name } : undefined
  })
  return {
    user: userCache.get,
    partner: partnerCache.get,
    forgetUser: userCache.forget,
    forgetPartner: partnerCache.forget,
  }
}
