import { auditEntry, PROGRAM_AUDIT } from '../../shared/audit/entry'
import { ConflictError, NotFoundError, RuleViolationError, StaleVersionError } from '../../shared/errors'
import { ineligibility, nextPartner, takeTurn, type Candidate } from '../../shared/leads/distribution'
import { matchValues, type MatchValues } from '../../shared/leads/normalize'
import { lapsingNotice, offerNotice, referralDecidedNotice, unassignedNotice } from '../../shared/leads/notices'
import { decideReferral, newReferral } from '../../shared/leads/referrals'
import {
  SYSTEM,
  acceptOffer,
  advancePipeline,
  declineOffer,
  isClosed,
  lapseOffer,
  lapseWarningDue,
  newLead,
  offerTo,
  unassign,
  type By,
} from '../../shared/leads/rules'
import { LEAD_LIMITS, MATCH_FIELDS, MATCH_FIELD_LABELS, type MatchField } from '../../shared/leads/vocabulary'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import { anonymous, type Actor, type SignedInActor } from '../../shared/roles'
import type { Conflict, Lead } from '../../shared/schemas/lead'
import type { LeadInput, PipelineInput, ReferralDecisionInput, ReferralInput } from '../../shared/schemas/lead-input'
import type { Db } from '../data/db'
import { leadRepository, LeadChanged, MatchTaken, RotationMoved, type LeadCommit, type StoredContact } from '../data/leads'
import { partnerRepository } from '../data/partners'
import type { TransactItem } from '../data/transact'

export interface WorkflowDeps {
  db: Db
  clock: { now(): Date }
  newId(): string
}

type PartnerActor = SignedInActor & { partnerId: string }

/** Audit entries of a lead that concerns no partner (shared when nobody was eligible) go to the program's own trail. */
const NO_PARTNER = PROGRAM_AUDIT

/** How often a write that lost a race (a tier's rotation moved, the lead changed) is planned again. */
const ATTEMPTS = 5

async function retrying<T>(attempt: () => Promise<T>, onExhausted: () => Error): Promise<T> {
  for (let i = 0; i < ATTEMPTS; i++) {
    try {
      return await attempt()
    } catch (error) {
      if (!(error instanceof RotationMoved || error instanceof LeadChanged)) throw error
    }
  }
  throw onExhausted()
}

const changedMeanwhile = () => new ConflictError('This lead changed meanwhile; reload and try again.')

/** The fields of `values` present, in matching order. */
const presentFields = (values: MatchValues) => MATCH_FIELDS.filter((f) => values[f] !== undefined)

/** The first open lead or referral matched, with every field it matched on. */
function conflictOf(owners: { field: MatchField; leadId: string }[]): Conflict | undefined {
  const first = owners[0]
  if (!first) return undefined
  return { leadId: first.leadId, matchedOn: owners.filter((o) => o.leadId === first.leadId).map((o) => o.field) }
}

export function leadWorkflow({ db, clock, newId }: WorkflowDeps) {
  const leads = leadRepository(db)
  const partners = partnerRepository(db)

  /** The active partners (about 60: a few pages of the staff partner list, never a Scan). */
  async function activePartners(): Promise<Candidate[]> {
    const all: Candidate[] = []
    let cursor: string | undefined
    do {
      const page = await partners.listAll({ status: 'active', limit: 100, cursor })
      all.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    return all
  }

  const audit =
    (actor: Actor, partnerId: string | undefined, action: string, type: 'lead' | 'referral', id: string) =>
    (before: unknown, after: unknown) =>
      auditEntry({
        id: newId(),
        now: clock.now(),
        actor,
        partnerId: partnerId ?? NO_PARTNER,
        entity: { type, id },
        action,
        before,
        after,
      })

  /**
   * The lead (new, declined or lapsed) offered to the next partner in turn, or to `first` when it
   * is given, or unassigned when nobody eligible is left: the new state, the rotation it moves,
   * and what the offered partner (or staff) are told.
   */
  async function planNext(lead: Lead, now: Date, by: By, first?: { partner: Candidate; named: boolean }) {
    const rotations = await leads.rotations()
    const partner = first?.partner ?? nextPartner(await activePartners(), lead, rotations)
    if (!partner) {
      const next = unassign(lead, now, by)
      return { next, notices: [unassignedNotice(next, { id: newId(), now })] as OutboxMessage[] }
    }
    const next = offerTo(lead, partner, now, { by, named: !!first?.named })
    const rotation = rotations[partner.tier]
    return {
      next,
      offered: partner,
      rotation: { next: takeTurn(rotation, partner.id), expectedTurn: rotation.turn },
      notices: [offerNotice(next, { id: newId(), now })],
    }
  }

  /** The named partner, if it may be offered the lead (else 422 naming `field`). */
  async function eligiblePartner(pid: string, lead: Lead, field: string): Promise<Candidate> {
    const partner = await partners.get(pid)
    const why = partner ? ineligibility(partner, lead) : `There is no partner ${pid}.`
    if (why) throw new RuleViolationError('This partner cannot be offered the lead.', [{ field, message: why }])
    return partner!
  }

  async function requireLead(id: string): Promise<Lead> {
    const lead = await leads.get(id)
    if (!lead) throw new NotFoundError('No such lead.')
    return lead
  }

  /** A 422 naming the contact fields that match an open lead or referral. */
  function duplicate(owners: { field: MatchField; leadId: string }[]) {
    return new RuleViolationError(
      'This homeowner is already in an open lead or referral.',
      owners.map((o) => ({
        field: `contact.${o.field}`,
        message: `This ${MATCH_FIELD_LABELS[o.field]} matches open lead ${o.leadId}.`,
      })),
    )
  }

  /**
   * The commit of a plan: the rotation, the notices, and the audit entry of the partner now
   * offered the lead. `actor` is staff or the system: never the partner that declined, whose
   * name would tell the next partner who had the lead before it.
   */
  function planCommit(
    plan: Awaited<ReturnType<typeof planNext>>,
    actor: Actor,
    lead: Lead,
  ): Pick<LeadCommit, 'rotation' | 'notices'> & { offeredAudit: LeadCommit['audits'] } {
    return {
      ...(plan.rotation ? { rotation: plan.rotation } : {}),
      notices: plan.notices,
      offeredAudit: plan.offered ? [audit(actor, plan.offered.id, 'lead.offered', 'lead', lead.id)(null, plan.next)] : [],
    }
  }

  return {
    requireLead,
    leads,

    /** Staff share a lead: offered at once to the partner in turn (or the one named), with its contact kept apart. */
    async share(input: LeadInput, actor: SignedInActor, id: string, claim?: TransactItem) {
      const now = clock.now()
      const values = matchValues(input.contact, input.region)
      const fields = presentFields(values)
      const contact: StoredContact = { ...input.contact, normalized: values }
      return retrying(
        async () => {
          const owners = await leads.matchOwners(values)
          if (owners.length) throw duplicate(owners)
          const draft = newLead(input, { id, now, by: actor.email })
          const named = input.offerTo ? await eligiblePartner(input.offerTo, draft, 'offerTo') : undefined
          const plan = await planNext(draft, now, actor.email, named && { partner: named, named: true })
          const next = { ...plan.next, matchFields: fields }
          try {
            await leads.commit({
              claim,
              lead: { next, expected: 'new', previous: null },
              contact: { leadId: id, value: contact },
              claimMatches: { leadId: id, values, fields },
              ...(plan.rotation ? { rotation: plan.rotation } : {}),
              audits: [audit(actor, plan.offered?.id, 'lead.shared', 'lead', id)(null, { ...next, contact: input.contact })],
              notices: plan.notices,
            })
          } catch (error) {
            if (error instanceof MatchTaken) throw duplicate(await leads.matchOwners(values))
            throw error
          }
          return { ...next, contact: input.contact }
        },
        () => new ConflictError('Too many leads are being shared at once; try again.'),
      )
    },

    async accept(id: string, actor: PartnerActor) {
      return retrying(async () => {
        const now = clock.now()
        const lead = await requireLead(id)
        const next = acceptOffer(lead, actor, now)
        await leads.commit({
          lead: {
            next,
            previous: lead,
            expected: lead.version,
            openOfferOf: { partnerId: actor.partnerId, now: now.toISOString() },
          },
          audits: [audit(actor, actor.partnerId, 'lead.accepted', 'lead', id)(lead, next)],
          notices: [],
        })
        return next
      }, changedMeanwhile)
    },

    /** The partner declines: the lead goes to the next eligible partner in the same transaction. */
    async decline(id: string, actor: PartnerActor, reason: string) {
      return retrying(async () => {
        const now = clock.now()
        const lead = await requireLead(id)
        const declined = declineOffer(lead, actor, reason, now)
        const plan = await planNext(declined, now, actor.email)
        const { offeredAudit, ...rest } = planCommit(plan, anonymous, lead)
        await leads.commit({
          lead: {
            next: plan.next,
            previous: lead,
            expected: lead.version,
            openOfferOf: { partnerId: actor.partnerId, now: now.toISOString() },
          },
          ...rest,
          audits: [audit(actor, actor.partnerId, 'lead.declined', 'lead', id)(lead, declined), ...offeredAudit],
        })
        return declined
      }, changedMeanwhile)
    },

    /**
     * The expiry job's step for one lapsed offer: closed as lapsed and offered on, in one
     * transaction conditional on the version read, so an accept that got in first wins and this
     * does nothing. Answers whether it expired the offer.
     */
    async lapse(lead: Lead): Promise<boolean> {
      try {
        await retrying(
          async () => {
            const now = clock.now()
            const current = await requireLead(lead.id)
            const lapsed = lapseOffer(current, now)
            const plan = await planNext(lapsed, now, SYSTEM)
            const { offeredAudit, ...rest } = planCommit(plan, anonymous, current)
            await leads.commit({
              lead: { next: plan.next, previous: current, expected: current.version },
              ...rest,
              audits: [audit(anonymous, current.offeredTo, 'lead.lapsed', 'lead', lead.id)(current, lapsed), ...offeredAudit],
            })
          },
          () => new ConflictError('busy'),
        )
        return true
      } catch (error) {
        if (error instanceof ConflictError) return false // accepted, declined or lapsed by another run meanwhile
        throw error
      }
    },

    /** Tells the offered partner once that its offer lapses soon. */
    async warnLapsing(lead: Lead): Promise<boolean> {
      const now = clock.now()
      if (!lapseWarningDue(lead, now)) return false
      return leads.markLapseWarned(lead, lapsingNotice(lead, { id: newId(), now }))
    },

    /** Staff offer an unassigned lead again: to a named partner, or to whoever is eligible now. */
    async reoffer(id: string, actor: SignedInActor, offerToPid?: string) {
      return retrying(async () => {
        const now = clock.now()
        const lead = await requireLead(id)
        if (lead.status !== 'unassigned')
          throw new ConflictError(`This lead is ${lead.status}; only an unassigned lead is offered again.`)
        const named = offerToPid ? await eligiblePartner(offerToPid, lead, 'offerTo') : undefined
        const plan = await planNext(lead, now, actor.email, named && { partner: named, named: true })
        if (!plan.offered) {
          throw new RuleViolationError('Nobody eligible is left to offer this lead to.', [
            { field: 'offerTo', message: 'Name a partner, or add one that serves this region and category.' },
          ])
        }
        const { offeredAudit, ...rest } = planCommit(plan, actor, lead)
        await leads.commit({ lead: { next: plan.next, previous: lead, expected: lead.version }, ...rest, audits: offeredAudit })
        return plan.next
      }, changedMeanwhile)
    },

    /** The accepting partner moves its lead along the pipeline; closing it frees its contact's match keys. */
    async advance(id: string, actor: PartnerActor, input: PipelineInput, expectedVersion: number) {
      const now = clock.now()
      const lead = await requireLead(id)
      if (lead.assignedTo !== actor.partnerId) throw new NotFoundError('No such lead.')
      if (lead.version !== expectedVersion) throw new StaleVersionError('This lead changed since you read it; reload and retry.')
      const next = advancePipeline(lead, input, actor.email, now)
      const closing = isClosed(next.status)
      const contact = closing ? await leads.contact(id) : undefined
      try {
        await leads.commit({
          lead: { next: closing ? { ...next, matchFields: [] } : next, previous: lead, expected: expectedVersion },
          ...(contact ? { releaseMatches: { leadId: id, values: contact.normalized, fields: lead.matchFields } } : {}),
          audits: [audit(actor, actor.partnerId, `lead.${next.status}`, 'lead', id)(lead, next)],
          notices: [],
        })
      } catch (error) {
        if (error instanceof LeadChanged) throw new StaleVersionError('This lead changed since you read it; reload and retry.')
        throw error
      }
      return next
    },

    /**
     * A partner refers a homeowner project. A contact matching an open lead or referral (by
     * e-mail, phone or address) makes it a conflict for staff; the match keys are taken in the
     * referral's own transaction, so of two racing duplicates exactly one passes.
     */
    async refer(pid: string, input: ReferralInput, actor: SignedInActor, id: string, claim?: TransactItem) {
      const now = clock.now()
      const partner = await partners.require(pid)
      const values = matchValues(input.contact, input.region)
      const fields = presentFields(values)
      const write = async (conflict: Conflict | undefined) => {
        const referral = newReferral(input, {
          id,
          now,
          partnerId: pid,
          partnerName: partner.name,
          submittedBy: actor.email,
          ...(conflict ? { conflict } : {}),
        })
        const next = conflict ? referral : { ...referral, matchFields: fields }
        await leads.commit({
          claim,
          referral: { next, expected: 'new' },
          contact: { leadId: id, value: { ...input.contact, normalized: values } },
          ...(conflict ? {} : { claimMatches: { leadId: id, values, fields } }),
          audits: [audit(actor, pid, conflict ? 'referral.conflict' : 'referral.received', 'referral', id)(null, next)],
          notices: [],
        })
        return next
      }
      const first = conflictOf(await leads.matchOwners(values))
      try {
        return await write(first)
      } catch (error) {
        if (!(error instanceof MatchTaken)) throw error
        // a twin took the key between our read and our write: this one is the duplicate
        return write(conflictOf(await leads.matchOwners(values)) ?? { leadId: id, matchedOn: [error.field] })
      }
    },

    /**
     * Staff decide a referral. Accepted, it becomes a lead (same id, credited to the referrer)
     * offered first to the referrer when it is eligible, then distributed as any lead; rejected,
     * its match keys are freed. The referrer is told either way.
     */
    async decide(id: string, input: ReferralDecisionInput, actor: SignedInActor) {
      return retrying(
        async () => {
          const now = clock.now()
          const referral = await leads.referral(id)
          if (!referral) throw new NotFoundError('No such referral.')
          const decided = decideReferral(referral, input, actor.email, now)
          const contact = (await leads.contact(id))!
          const notice = referralDecidedNotice(decided, { id: newId(), now })
          const referralAudit = audit(actor, referral.referredBy, `referral.${decided.status}`, 'referral', id)(referral, decided)
          if (decided.status === 'rejected') {
            await leads.commit({
              referral: { next: { ...decided, matchFields: [] }, expected: referral.version },
              releaseMatches: { leadId: id, values: contact.normalized, fields: referral.matchFields },
              audits: [referralAudit],
              notices: [notice],
            })
            return { referral: decided }
          }
          // a conflict referral owns no match keys: it takes those still free
          const taken = new Set((await leads.matchOwners(contact.normalized)).map((o) => o.field))
          const free = presentFields(contact.normalized).filter((f) => !referral.matchFields.includes(f) && !taken.has(f))
          const draft = newLead(
            { ...referral, slaHours: LEAD_LIMITS.defaultSlaHours },
            { id, now, by: actor.email, referral: { partnerId: referral.referredBy, partnerName: referral.referrerName } },
          )
          const referrer = await partners.get(referral.referredBy)
          const first = referrer && !ineligibility(referrer, draft) ? { partner: referrer, named: false } : undefined
          const plan = await planNext(draft, now, actor.email, first)
          const lead = { ...plan.next, matchFields: [...referral.matchFields, ...free] }
          try {
            await leads.commit({
              lead: { next: lead, expected: 'new', previous: null },
              referral: { next: { ...decided, matchFields: [] }, expected: referral.version },
              claimMatches: { leadId: id, values: contact.normalized, fields: free },
              ...(plan.rotation ? { rotation: plan.rotation } : {}),
              audits: [
                referralAudit,
                audit(actor, plan.offered?.id, 'lead.shared', 'lead', id)(null, { ...lead, contact: stripNormalized(contact) }),
              ],
              notices: [notice, ...plan.notices],
            })
          } catch (error) {
            if (error instanceof MatchTaken) throw new LeadChanged()
            throw error
          }
          return { referral: decided, lead }
        },
        () => new ConflictError('This referral changed meanwhile; reload and try again.'),
      )
    },
  }
}

export const stripNormalized = ({ normalized: _values, ...contact }: StoredContact) => contact

export type LeadWorkflow = ReturnType<typeof leadWorkflow>
