import { ConflictError, NotFoundError, RuleViolationError } from '../errors'
import type { SignedInActor } from '../roles'
import type { Lead, LeadStep, Offer } from '../schemas/lead'
import type { PipelineInput, ReferralInput } from '../schemas/lead-input'
import type { Candidate } from './distribution'
import { CLOSED_STATUSES, LEAD_LIMITS, LEAD_STATUS_LABELS, NEEDS_VALUE, NEXT_STATUSES, type LeadStatus } from './vocabulary'

/** Who did something to a lead: a user's e-mail, or `system` for the expiry job. */
export type By = string
export const SYSTEM = 'system'

const HOUR_MS = 3_600_000
const iso = (d: Date) => d.toISOString()
const addHours = (d: Date, hours: number) => new Date(d.getTime() + hours * HOUR_MS)

const step = (status: LeadStatus, now: Date, by: By, extra: Partial<LeadStep> = {}): LeadStep => ({
  status,
  at: iso(now),
  by,
  ...extra,
})

const touched = (lead: Lead, now: Date): Pick<Lead, 'updatedAt' | 'version'> => ({
  updatedAt: iso(now),
  version: lead.version + 1,
})

/** A new lead, not yet offered to anyone (distribution offers it in the same write). */
export function newLead(
  input: Omit<ReferralInput, 'contact'> & { slaHours: number },
  ctx: { id: string; now: Date; by: By; referral?: { partnerId: string; partnerName: string } },
): Lead {
  return {
    id: ctx.id,
    status: 'unassigned',
    projectType: input.projectType,
    region: input.region,
    country: input.region.slice(0, 2),
    categories: [...input.categories],
    budgetRange: input.budgetRange,
    slaHours: input.slaHours,
    source: ctx.referral ? 'referral' : 'staff',
    ...(ctx.referral ? { referredBy: ctx.referral.partnerId, referrerName: ctx.referral.partnerName } : {}),
    sharedBy: ctx.by,
    offers: [],
    history: [],
    matchFields: [],
    createdAt: iso(ctx.now),
    updatedAt: iso(ctx.now),
    version: 0,
  }
}

/** Whether `partnerId` holds a live offer of the lead at `now` (a lapsed one is not, even before the job runs). */
export const hasOpenOffer = (lead: Lead, partnerId: string, now: Date) =>
  lead.status === 'offered' && lead.offeredTo === partnerId && !!lead.offerExpiresAt && lead.offerExpiresAt > iso(now)

/** Whether the lead is in `partnerId`'s inbox: a live offer to it, or accepted by it. */
export const concernsPartner = (lead: Lead, partnerId: string, now: Date) =>
  hasOpenOffer(lead, partnerId, now) || lead.assignedTo === partnerId

/** The lead offered to `partner` for the lead's SLA. */
export function offerTo(lead: Lead, partner: Candidate, now: Date, opts: { by: By; named?: boolean }): Lead {
  const expiresAt = iso(addHours(now, lead.slaHours))
  const offer: Offer = {
    partnerId: partner.id,
    partnerName: partner.name,
    tier: partner.tier,
    offeredAt: iso(now),
    expiresAt,
    outcome: 'open',
    ...(opts.named ? { named: true } : {}),
  }
  const { lapseWarnedFor: _previous, ...rest } = lead
  return {
    ...rest,
    status: 'offered',
    offeredTo: partner.id,
    offeredToName: partner.name,
    offerExpiresAt: expiresAt,
    offers: [...lead.offers, offer],
    history: [...lead.history, step('offered', now, opts.by)],
    ...touched(lead, now),
  }
}

/** The lead back with staff: nobody eligible is left to offer it to. */
export function unassign(lead: Lead, now: Date, by: By): Lead {
  const { offeredTo: _to, offeredToName: _name, offerExpiresAt: _exp, lapseWarnedFor: _warned, ...rest } = lead
  return { ...rest, status: 'unassigned', history: [...lead.history, step('unassigned', now, by)], ...touched(lead, now) }
}

/** Closes the open offer with its outcome; the lead is then offered on (or unassigned) by the caller. */
function closeOffer(lead: Lead, outcome: 'declined' | 'lapsed', now: Date, by: By, reason?: string): Lead {
  const offers = lead.offers.map((o, i) =>
    i === lead.offers.length - 1 && o.outcome === 'open'
      ? { ...o, outcome, decidedAt: iso(now), ...(by !== SYSTEM ? { decidedBy: by } : {}), ...(reason ? { reason } : {}) }
      : o,
  )
  const { offeredTo: _to, offeredToName: _name, offerExpiresAt: _exp, lapseWarnedFor: _warned, ...rest } = lead
  return { ...rest, status: 'unassigned', offers, ...touched(lead, now) }
}

/**
 * Why `partnerId` cannot answer the offer: 404 when it never had one (nothing leaks), else a
 * 409 that says what happened to it.
 */
export function offerGone(lead: Lead, partnerId: string, now: Date): Error {
  const mine = [...lead.offers].reverse().find((o) => o.partnerId === partnerId)
  if (!mine) return new NotFoundError('No such lead.')
  if (mine.outcome === 'accepted') return new ConflictError('You have accepted this lead already.')
  if (mine.outcome === 'declined') return new ConflictError('You declined this lead; it has been offered on.')
  if (mine.outcome === 'lapsed' || mine.expiresAt <= iso(now)) {
    return new ConflictError(`This offer lapsed at ${mine.expiresAt}; it is no longer yours to accept.`)
  }
  return new ConflictError('This offer changed meanwhile; reload and try again.')
}

function assertOpenOffer(lead: Lead, partnerId: string, now: Date) {
  if (!hasOpenOffer(lead, partnerId, now)) throw offerGone(lead, partnerId, now)
}

export function acceptOffer(lead: Lead, actor: SignedInActor & { partnerId: string }, now: Date): Lead {
  assertOpenOffer(lead, actor.partnerId, now)
  const offers = lead.offers.map((o, i) =>
    i === lead.offers.length - 1 ? { ...o, outcome: 'accepted' as const, decidedAt: iso(now), decidedBy: actor.email } : o,
  )
  const { offerExpiresAt: _exp, lapseWarnedFor: _warned, ...rest } = lead
  return {
    ...rest,
    status: 'accepted',
    assignedTo: actor.partnerId,
    ...(lead.offeredToName ? { assignedToName: lead.offeredToName } : {}),
    offers,
    history: [...lead.history, step('accepted', now, actor.email)],
    ...touched(lead, now),
  }
}

export function declineOffer(lead: Lead, actor: SignedInActor & { partnerId: string }, reason: string, now: Date): Lead {
  assertOpenOffer(lead, actor.partnerId, now)
  return closeOffer(lead, 'declined', now, actor.email, reason)
}

/** The expiry job's view: the open offer's SLA has passed. */
export const offerLapsed = (lead: Lead, now: Date) =>
  lead.status === 'offered' && !!lead.offerExpiresAt && lead.offerExpiresAt <= iso(now)

export function lapseOffer(lead: Lead, now: Date): Lead {
  if (!offerLapsed(lead, now)) throw new ConflictError('This offer has not lapsed.')
  return closeOffer(lead, 'lapsed', now, SYSTEM)
}

/**
 * Whether the offered partner should now be reminded that the offer lapses soon: once per offer,
 * in the last hours before it lapses, and only for offers that were longer than that window.
 */
export function lapseWarningDue(lead: Lead, now: Date): boolean {
  if (lead.status !== 'offered' || !lead.offerExpiresAt || lead.lapseWarnedFor === lead.offerExpiresAt) return false
  const expires = new Date(lead.offerExpiresAt).getTime()
  const warnFrom = expires - LEAD_LIMITS.lapseWarningHours * HOUR_MS
  const offeredAt = new Date(lead.offers.at(-1)?.offeredAt ?? lead.offerExpiresAt).getTime()
  return offeredAt < warnFrom && now.getTime() >= warnFrom && now.getTime() < expires
}

const statusWords = (s: LeadStatus) => LEAD_STATUS_LABELS[s].toLowerCase()

/**
 * The accepting partner's pipeline: accepted -> contacted -> quoted -> won, one step at a time;
 * lost ends it at any step before won. Quoted and won record the deal's value, lost its reason.
 */
export function advancePipeline(lead: Lead, input: PipelineInput, by: By, now: Date): Lead {
  const allowed = NEXT_STATUSES[lead.status]
  if (!allowed.includes(input.status)) {
    throw new ConflictError(
      allowed.length
        ? `This lead is ${statusWords(lead.status)}; it can move to ${allowed.map(statusWords).join(' or ')} next.`
        : `This lead is ${statusWords(lead.status)}; its pipeline is closed.`,
    )
  }
  const needsValue = NEEDS_VALUE.includes(input.status)
  const issues = [
    needsValue && input.valueCents === undefined
      ? { field: 'valueCents', message: `Enter the ${input.status === 'won' ? 'won' : 'quoted'} value.` }
      : undefined,
    !needsValue && input.valueCents !== undefined
      ? { field: 'valueCents', message: 'A value is recorded when a lead is quoted or won.' }
      : undefined,
    input.status === 'lost' && !input.reason ? { field: 'reason', message: 'Enter why the lead was lost.' } : undefined,
    input.status !== 'lost' && input.reason ? { field: 'reason', message: 'A reason is given when a lead is lost.' } : undefined,
  ].filter((i) => i !== undefined)
  if (issues.length) throw new RuleViolationError('This step needs other details.', issues)
  return {
    ...lead,
    status: input.status,
    ...(input.valueCents !== undefined ? { valueCents: input.valueCents } : {}),
    history: [
      ...lead.history,
      step(input.status, now, by, {
        ...(input.valueCents !== undefined ? { valueCents: input.valueCents } : {}),
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    ],
    ...touched(lead, now),
  }
}

export const isClosed = (status: LeadStatus) => CLOSED_STATUSES.includes(status)
