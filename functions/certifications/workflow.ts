import { dayWords } from '../../shared/format'
import { auditEntry, type AuditEntityType } from '../../shared/audit/entry'
import { decide, effectiveStatus, expireBadge, issueBadge, renewBadge, revokeBadge } from '../../shared/certifications/rules'
import { APPLICATION_STATUS_LABELS } from '../../shared/certifications/vocabulary'
import { outboxMessage, partnerUsers } from '../../shared/notifications/outbox'
import type { Actor, SignedInActor } from '../../shared/roles'
import type { Application, Badge } from '../../shared/schemas/certification'
import type { DecisionInput } from '../../shared/schemas/certification-input'
import { auditPut } from '../data/audit'
import { badgeRepository } from '../data/badges'
import { applicationRepository, programRepository } from '../data/certifications'
import type { Db } from '../data/db'
import type { Deps } from '../http/deps'
import { randomBytes } from 'node:crypto'

/** 128 random bits: a badge id nobody can guess or count up to. */
export const newBadgeId = () => randomBytes(16).toString('base64url')

const dayOf = (iso: string) => dayWords(iso, 'long')

/**
 * The writes behind a staff decision and a revocation, each one transaction with its audit
 * entries and the partner's notice: what the routes and the demo data both go through.
 */
export function certificationWorkflow({ db, clock, newId }: { db: Db } & Pick<Deps, 'clock' | 'newId'>) {
  const applications = applicationRepository(db)
  const programs = programRepository(db)
  const badges = badgeRepository(db)

  const audit = (
    actor: Actor,
    partnerId: string,
    entity: { type: AuditEntityType; id: string },
    action: string,
    before: unknown,
    after: unknown,
  ) => auditEntry({ id: newId(), now: clock.now(), actor, partnerId, entity, action, before, after })
  const appAudit = (actor: Actor, action: string, before: Application | null, after: Application) =>
    audit(
      actor,
      after.partnerId,
      { type: 'certification-application', id: `${after.partnerId}/${after.id}` },
      action,
      before,
      after,
    )
  const badgeAudit = (actor: Actor, action: string, before: Badge | null, after: Badge) =>
    audit(actor, after.partnerId, { type: 'badge', id: after.id }, action, before, after)

  const decidedNotice = (app: Application, badge?: Badge) =>
    outboxMessage({
      id: newId(),
      now: clock.now(),
      kind: 'certification-decided',
      audience: partnerUsers(app.partnerId),
      partnerId: app.partnerId,
      title: `${app.programName}: ${APPLICATION_STATUS_LABELS[app.status].toLowerCase()}`,
      body: badge
        ? `Your badge is valid until ${dayOf(badge.expiresAt)}.`
        : (app.decisionReason ?? 'HomeAIQ decided on your application.'),
      link: `/workspace/certifications/${app.id}`,
    })

  /** The badge an approval issues, or the active one it renews; with the actions that write it. */
  async function badgeFor(app: Application, actor: SignedInActor, now: Date) {
    const program = await programs.require(app.programId)
    let current = await badges.activeLine(app.partnerId, app.programId)
    if (current && effectiveStatus(current, now) === 'expired') {
      // its time was up before the expiry job got to it: expire it now, then issue a new one
      const expired = expireBadge(current, now)!
      await badges.expire(expired, current, badgeAudit(actor, 'badge.expired', current, expired))
      current = undefined
    }
    if (current) {
      const renewed = renewBadge(current, { application: app, program, now })
      return {
        badge: renewed,
        actions: badges.renewActions(renewed, current),
        entry: badgeAudit(actor, 'badge.renewed', current, renewed),
      }
    }
    const issued = issueBadge({
      id: newBadgeId(),
      application: app,
      program,
      statusListIndex: await badges.nextStatusIndex(),
      now,
    })
    return { badge: issued, actions: badges.issueActions(issued), entry: badgeAudit(actor, 'badge.issued', null, issued) }
  }

  return {
    audit,
    appAudit,

    /** A staff decision: approval issues or renews the badge in the same transaction. */
    async decide(
      app: Application,
      input: DecisionInput,
      actor: SignedInActor,
    ): Promise<{ application: Application; badge?: Badge }> {
      const now = clock.now()
      if (input.decision !== 'approve') {
        const next = decide(app, input, actor, now)
        await applications.save(next, app, {
          audit: appAudit(actor, `certification.${next.status}`, app, next),
          closes: next.status === 'rejected',
          notice: decidedNotice(next),
        })
        return { application: next }
      }
      decide(app, input, actor, now) // refuses an illegal move before a badge is prepared
      const { badge, actions, entry } = await badgeFor(app, actor, now)
      const next = decide(app, input, actor, now, badge.id)
      await applications.save(next, app, {
        audit: appAudit(actor, 'certification.approved', app, next),
        closes: true,
        also: [...actions, auditPut(db, entry)],
        notice: decidedNotice(next, badge),
      })
      return { application: next, badge }
    },

    /** Revokes a badge with the reason its public page shows, and tells the partner. */
    async revoke(badge: Badge, reason: string, actor: SignedInActor): Promise<Badge> {
      const now = clock.now()
      const next = revokeBadge(badge, reason, actor, now)
      const notice = outboxMessage({
        id: newId(),
        now,
        kind: 'badge-revoked',
        audience: partnerUsers(badge.partnerId),
        partnerId: badge.partnerId,
        title: `${badge.programName}: badge revoked`,
        body: reason,
        link: '/workspace/certifications',
      })
      await badges.revoke(next, badge, badgeAudit(actor, 'badge.revoked', badge, next), notice)
      return next
    },
  }
}
