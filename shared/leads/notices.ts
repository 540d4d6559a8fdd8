import { dayWords } from '../format'
import { outboxMessage, partnerUsers, staffAudience, type OutboxMessage } from '../notifications/outbox'
import { CATEGORY_LABELS } from '../partners/vocabulary'
import type { Lead, Referral } from '../schemas/lead'
import { BUDGET_LABELS, PROJECT_TYPE_LABELS } from './vocabulary'

/**
 * The outbox messages of the lead program. They carry the project's routing data only: a
 * homeowner's contact never goes into a notification, whoever it is for.
 */
type Project = Pick<Lead, 'projectType' | 'region' | 'categories' | 'budgetRange'>

const projectTitle = (p: Project) => `${PROJECT_TYPE_LABELS[p.projectType]} in ${p.region}`
const projectLine = (p: Project) =>
  `${p.categories.map((c) => CATEGORY_LABELS[c]).join(', ')} · budget ${BUDGET_LABELS[p.budgetRange].toLowerCase()}`

/** "2026-05-03T12:00:00.000Z" -> "3 May 2026, 12:00 UTC" */
export function utcWords(iso: string): string {
  const d = new Date(iso)
  return `${dayWords(iso, 'british')}, ${d.toISOString().slice(11, 16)} UTC`
}

export function offerNotice(lead: Lead, ctx: { id: string; now: Date }): OutboxMessage {
  return outboxMessage({
    id: ctx.id,
    now: ctx.now,
    kind: 'lead-offered',
    audience: partnerUsers(lead.offeredTo!),
    partnerId: lead.offeredTo!,
    title: `New lead: ${projectTitle(lead)}`,
    body: `${projectLine(lead)}. Accept or decline by ${utcWords(lead.offerExpiresAt!)}; the homeowner’s contact details are shown once you accept.`,
    link: `/workspace/leads/${lead.id}`,
  })
}

export function lapsingNotice(lead: Lead, ctx: { id: string; now: Date }): OutboxMessage {
  return outboxMessage({
    id: ctx.id,
    now: ctx.now,
    kind: 'lead-lapsing',
    audience: partnerUsers(lead.offeredTo!),
    partnerId: lead.offeredTo!,
    title: `Lead offer lapses soon: ${projectTitle(lead)}`,
    body: `Accept or decline by ${utcWords(lead.offerExpiresAt!)}; after that the lead is offered to another partner.`,
    link: `/workspace/leads/${lead.id}`,
  })
}

export function unassignedNotice(lead: Lead, ctx: { id: string; now: Date }): OutboxMessage {
  return outboxMessage({
    id: ctx.id,
    now: ctx.now,
    kind: 'lead-unassigned',
    audience: staffAudience,
    title: `Lead unassigned: ${projectTitle(lead)}`,
    body: `${projectLine(lead)}. No eligible partner is left to offer it to.`,
    link: `/staff/leads/${lead.id}`,
  })
}

export function referralDecidedNotice(referral: Referral, ctx: { id: string; now: Date }): OutboxMessage {
  const accepted = referral.status === 'accepted'
  return outboxMessage({
    id: ctx.id,
    now: ctx.now,
    kind: 'referral-decided',
    audience: partnerUsers(referral.referredBy),
    partnerId: referral.referredBy,
    title: `Referral ${accepted ? 'accepted' : 'declined'}: ${projectTitle(referral)}`,
    body: accepted
      ? 'HomeAIQ accepted your referral; it is credited to you. Thank you.'
      : `HomeAIQ declined your referral: ${referral.decision?.reason ?? ''}`,
    link: '/workspace/referrals',
  })
}
