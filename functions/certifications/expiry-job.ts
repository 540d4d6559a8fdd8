import { dayWords } from '../../shared/format'
import { auditEntry } from '../../shared/audit/entry'
import { daysLeft, expireBadge, reminderDue } from '../../shared/certifications/rules'
import { EXPIRY_REMINDER_DAYS } from '../../shared/certifications/vocabulary'
import { ConflictError } from '../../shared/errors'
import { outboxMessage, partnerUsers } from '../../shared/notifications/outbox'
import { anonymous } from '../../shared/roles'
import type { Badge } from '../../shared/schemas/certification'
import { badgeRepository } from '../data/badges'
import type { Db } from '../data/db'

export interface ExpiryJobDeps {
  db: Db
  clock: { now(): Date }
  newId(): string
}

export interface ExpiryJobResult {
  expired: number
  reminded: number
}

const DAY_MS = 24 * 60 * 60 * 1000
const dayOf = (iso: string) => dayWords(iso, 'long')

/**
 * Walks the active badges that expire within the longest reminder window: a badge whose time
 * is up becomes expired (and leaves the directory), the others get the reminder that is due,
 * once (60, 30 and 7 days before). Every write is conditional, so a concurrent run, a renewal
 * or a revocation in between changes nothing twice; running again is harmless.
 */
export async function runBadgeExpiry({ db, clock, newId }: ExpiryJobDeps): Promise<ExpiryJobResult> {
  const badges = badgeRepository(db)
  const now = clock.now()
  const until = new Date(now.getTime() + Math.max(...EXPIRY_REMINDER_DAYS) * DAY_MS).toISOString()
  const result: ExpiryJobResult = { expired: 0, reminded: 0 }
  const audit = (badge: Badge, action: string, before: unknown, after: unknown) =>
    auditEntry({
      id: newId(),
      now,
      actor: anonymous,
      partnerId: badge.partnerId,
      entity: { type: 'badge', id: badge.id },
      action,
      before,
      after,
    })
  const skipRace = (error: unknown) => {
    if (!(error instanceof ConflictError)) throw error
    return false // renewed, revoked or handled by another run meanwhile
  }

  let cursor: string | undefined
  do {
    const page = await badges.expiringBy(until, cursor)
    for (const entry of page.items) {
      const badge = await badges.get(entry.badgeId)
      if (!badge || badge.status !== 'active' || badge.expiresAt !== entry.expiresAt) continue
      const expired = expireBadge(badge, now)
      if (expired) {
        const done = await badges.expire(expired, badge, audit(badge, 'badge.expired', badge, expired)).then(() => true, skipRace)
        if (done) result.expired++
        continue
      }
      const due = reminderDue(badge.expiresAt, now, await badges.remindersSent(badge))
      if (!due) continue
      const notice = outboxMessage({
        id: newId(),
        now,
        kind: 'badge-expiring',
        audience: partnerUsers(badge.partnerId),
        partnerId: badge.partnerId,
        title: `${badge.programName}: your badge expires in ${daysLeft(badge.expiresAt, now)} days`,
        body: `It is valid until ${dayOf(badge.expiresAt)}. Apply again before then to renew the same badge.`,
        link: '/workspace/certifications',
      })
      const reminder = { days: due.days, expiresAt: badge.expiresAt }
      const done = await badges
        .remind(badge, due.mark, notice, audit(badge, 'badge.expiry-reminded', null, reminder))
        .then(() => true, skipRace)
      if (done) result.reminded++
    }
    cursor = page.nextCursor
  } while (cursor)
  return result
}
