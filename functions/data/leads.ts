import { GetCommand, TransactGetCommand } from '@aws-sdk/lib-dynamodb'
import type { AuditEntry } from '../../shared/audit/entry'
import { emptyRotation, type Rotation } from '../../shared/leads/distribution'
import type { MatchValues } from '../../shared/leads/normalize'
import { MATCH_FIELDS, type MatchField } from '../../shared/leads/vocabulary'
import type { OutboxMessage } from '../../shared/notifications/outbox'
import { leadDelta } from '../../shared/program/stats'
import { PARTNER_TIERS, type PartnerTier } from '../../shared/partners/vocabulary'
import type { Lead, Referral } from '../../shared/schemas/lead'
import type { LeadContact, PartnerLeadQuery, ReferralQuery, StaffLeadQuery } from '../../shared/schemas/lead-input'
import { auditPut } from './audit'
import type { Db } from './db'
import { filterOf, queryPage, stripKeys } from './db'
import { IdempotencyKeyTaken } from './idempotency'
import { keys } from './keys'
import { outboxPut } from './outbox'
import { statsMoves } from './stats'
import { transactWrite, type TransactItem } from './transact'

/** The homeowner's contact as stored (its own item, beside the lead), with the values it is matched on. */
export interface StoredContact extends LeadContact {
  normalized: MatchValues
}

/** A lead's or referral's condition failed: someone changed it meanwhile (the caller reads it again). */
export class LeadChanged extends Error {}
/** Another open lead or referral owns this contact value. */
export class MatchTaken extends Error {
  constructor(readonly field: MatchField) {
    super(`match key ${field} is taken`)
  }
}
/** Another offer in the tier moved its rotation meanwhile (the caller plans the offer again). */
export class RotationMoved extends Error {}

type Expected = number | 'new'

/** One change to leads, written in one transaction: each part is conditional, audited and told through the outbox. */
export interface LeadCommit {
  /** an Idempotency-Key claim: the first action */
  claim?: TransactItem | undefined
  lead?: {
    next: Lead
    /** the lead as read (null: a new one): the partners' lead counters move by the difference */
    previous: Lead | null
    expected: Expected
    /** only while `partnerId` holds a live offer at `now` (accept, decline) */
    openOfferOf?: { partnerId: string; now: string }
  }
  contact?: { leadId: string; value: StoredContact }
  referral?: { next: Referral; expected: Expected }
  /** match keys this change takes (they must be free) or gives back */
  claimMatches?: { leadId: string; values: MatchValues; fields: readonly MatchField[] }
  releaseMatches?: { leadId: string; values: MatchValues; fields: readonly MatchField[] }
  rotation?: { next: Rotation; expectedTurn: number }
  audits: AuditEntry[]
  notices: OutboxMessage[]
}

const leadHolder = (lead: Lead) => (lead.status === 'offered' ? lead.offeredTo : lead.assignedTo)

/** A lead as stored, with the index entries of its holder and open offer (exported for the bench's bulk seeding). */
export function leadItem(lead: Lead) {
  const holder = leadHolder(lead)
  return {
    ...keys.lead(lead.id),
    ...(holder ? keys.partnerLeadEntry(holder, lead.id) : {}),
    // sparse: only open offers are in the expiry index
    ...(lead.status === 'offered' && lead.offerExpiresAt ? keys.openOfferEntry(lead.offerExpiresAt, lead.id) : {}),
    _type: 'lead',
    ...lead,
  }
}

/** The condition of a Put: a new item, or the version read (and, for accept and decline, a live offer to `partnerId`). */
function putCondition(expected: Expected, openOfferOf?: { partnerId: string; now: string }) {
  const parts = [expected === 'new' ? 'attribute_not_exists(PK)' : 'version = :expected']
  const values: Record<string, unknown> = expected === 'new' ? {} : { ':expected': expected }
  if (openOfferOf) {
    parts.push('#status = :offered AND offeredTo = :me AND offerExpiresAt > :now')
    Object.assign(values, { ':offered': 'offered', ':me': openOfferOf.partnerId, ':now': openOfferOf.now })
  }
  return {
    ConditionExpression: parts.join(' AND '),
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    ...(openOfferOf ? { ExpressionAttributeNames: { '#status': 'status' } } : {}),
  }
}

export const leadRepository = (db: Db) => {
  const get = async <T>(key: Record<string, string>): Promise<T | undefined> => {
    const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: key }))
    return out.Item ? stripKeys<T>(out.Item) : undefined
  }

  return {
    get: (id: string) => get<Lead>(keys.lead(id)),
    contact: (id: string) => get<StoredContact>(keys.leadContact(id)),
    referral: (id: string) => get<Referral>(keys.referral(id)),

    /**
     * The open lead or referral owning each of `values`, field by field (e-mail, phone, address).
     * One transactional read: it never sees half of a racing twin's transaction.
     */
    async matchOwners(values: MatchValues): Promise<{ field: MatchField; leadId: string }[]> {
      const fields = MATCH_FIELDS.filter((field) => values[field] !== undefined)
      if (!fields.length) return []
      const out = await db.doc.send(
        new TransactGetCommand({
          TransactItems: fields.map((field) => ({ Get: { TableName: db.table, Key: keys.leadMatch(field, values[field]!) } })),
        }),
      )
      return fields.flatMap((field, i) => {
        const item = out.Responses?.[i]?.Item
        return item ? [{ field, leadId: item.leadId as string }] : []
      })
    },

    async rotations(): Promise<Record<PartnerTier, Rotation>> {
      const all = await Promise.all(
        PARTNER_TIERS.map(async (tier) => (await get<Rotation>(keys.leadRotation(tier))) ?? emptyRotation(tier)),
      )
      return Object.fromEntries(all.map((r) => [r.tier, r])) as Record<PartnerTier, Rotation>
    },

    async commit(change: LeadCommit): Promise<void> {
      const items: TransactItem[] = []
      const failures: (() => Error)[] = []
      const add = (item: TransactItem, failure: () => Error) => {
        items.push(item)
        failures.push(failure)
      }
      if (change.claim) add(change.claim, () => new IdempotencyKeyTaken())
      if (change.lead) {
        const { next, expected, openOfferOf } = change.lead
        add(
          { Put: { TableName: db.table, Item: leadItem(next), ...putCondition(expected, openOfferOf) } },
          () => new LeadChanged(),
        )
      }
      if (change.contact) {
        add(
          {
            Put: {
              TableName: db.table,
              Item: { ...keys.leadContact(change.contact.leadId), _type: 'lead-contact', ...change.contact.value },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          () => new LeadChanged(),
        )
      }
      if (change.referral) {
        const { next, expected } = change.referral
        add(
          {
            Put: {
              TableName: db.table,
              Item: {
                ...keys.referral(next.id),
                ...keys.partnerReferralEntry(next.referredBy, next.id),
                _type: 'referral',
                ...next,
              },
              ...putCondition(expected),
            },
          },
          () => new LeadChanged(),
        )
      }
      for (const field of change.claimMatches?.fields ?? []) {
        const { leadId, values } = change.claimMatches!
        add(
          {
            Put: {
              TableName: db.table,
              Item: { ...keys.leadMatch(field, values[field]!), _type: 'lead-match', leadId, field },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          () => new MatchTaken(field),
        )
      }
      for (const field of change.releaseMatches?.fields ?? []) {
        const { leadId, values } = change.releaseMatches!
        add(
          {
            Delete: {
              TableName: db.table,
              Key: keys.leadMatch(field, values[field]!),
              ConditionExpression: 'leadId = :id',
              ExpressionAttributeValues: { ':id': leadId },
            },
          },
          () => new LeadChanged(),
        )
      }
      if (change.rotation) {
        const { next, expectedTurn } = change.rotation
        add(
          {
            Put: {
              TableName: db.table,
              Item: { ...keys.leadRotation(next.tier), _type: 'lead-rotation', ...next },
              ...(expectedTurn === 0
                ? { ConditionExpression: 'attribute_not_exists(PK)' }
                : { ConditionExpression: 'turn = :seen', ExpressionAttributeValues: { ':seen': expectedTurn } }),
            },
          },
          () => new RotationMoved(),
        )
      }
      if (change.lead) {
        for (const move of statsMoves(db, leadDelta(change.lead.previous, change.lead.next))) add(move, () => new LeadChanged())
      }
      for (const entry of change.audits) add(auditPut(db, entry), () => new LeadChanged())
      for (const notice of change.notices) add(outboxPut(db, notice), () => new LeadChanged())
      await transactWrite(db, items, (failed) => failures[failed]!())
    },

    /**
     * Records that the offer lapsing at `expiresAt` was warned about, with its outbox message,
     * once: a second run (or a concurrent one) finds the marker and writes nothing.
     */
    async markLapseWarned(lead: Lead, notice: OutboxMessage): Promise<boolean> {
      try {
        await transactWrite(
          db,
          [
            {
              Update: {
                TableName: db.table,
                Key: keys.lead(lead.id),
                UpdateExpression: 'SET lapseWarnedFor = :exp',
                ConditionExpression:
                  '#status = :offered AND offerExpiresAt = :exp AND (attribute_not_exists(lapseWarnedFor) OR lapseWarnedFor <> :exp)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':offered': 'offered', ':exp': lead.offerExpiresAt },
              },
            },
            outboxPut(db, notice),
          ],
          () => new LeadChanged(),
        )
        return true
      } catch (error) {
        if (error instanceof LeadChanged) return false
        throw error
      }
    },

    /** A partner's offers and leads, newest first. */
    listForPartner: (pid: string, query: PartnerLeadQuery) =>
      queryPage<Lead>(db, {
        ...keys.partnerLeads(pid),
        ascending: false,
        limit: query.limit,
        cursor: query.cursor,
        filter: filterOf([{ attribute: 'status', op: '=', value: query.status }]),
      }),

    /** Every lead, newest first; a partner filter reads that partner's index only. */
    listAll(query: StaffLeadQuery) {
      const region = query.region
      const filter = filterOf([
        { attribute: 'status', op: '=', value: query.status },
        region ? { attribute: region.length === 2 ? 'country' : 'region', op: '=', value: region } : undefined,
      ])
      const page = { ascending: false, limit: query.limit, cursor: query.cursor, filter }
      return query.partnerId
        ? queryPage<Lead>(db, { ...keys.partnerLeads(query.partnerId), ...page })
        : queryPage<Lead>(db, { ...keys.leads(), ...page })
    },

    /** Open offers that lapse at `iso` or earlier, soonest first. */
    openOffersDueBy: (iso: string, cursor?: string) => queryPage<Lead>(db, { ...keys.openOffersDueBy(iso), limit: 100, cursor }),

    listReferralsFor: (pid: string, query: ReferralQuery) =>
      queryPage<Referral>(db, {
        ...keys.partnerReferrals(pid),
        ascending: false,
        limit: query.limit,
        cursor: query.cursor,
        filter: filterOf([{ attribute: 'status', op: '=', value: query.status }]),
      }),

    listReferrals: (query: ReferralQuery) =>
      queryPage<Referral>(db, {
        ...keys.referrals(),
        ascending: false,
        limit: query.limit,
        cursor: query.cursor,
        filter: filterOf([{ attribute: 'status', op: '=', value: query.status }]),
      }),
  }
}
export type LeadRepository = ReturnType<typeof leadRepository>
