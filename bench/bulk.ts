/**
 * What the scale and write runs seed: items written in bulk in the repository's item shape, and
 * the bench's leads (accepted ones for the inboxes, open offers for the accept runs).
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import type { Lead } from '../shared/schemas/lead'
import type { BenchServices } from './local'

/** Writes items with BatchWrite, 25 a request, 8 requests at a time, retrying what DynamoDB left unprocessed. */
export async function writeInBulk(services: BenchServices, items: Record<string, unknown>[]) {
  const { db } = services.deps
  let next = 0
  const writer = async () => {
    while (next < items.length) {
      const start = next
      next += 25
      let batch = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }))
      while (batch.length) {
        const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: batch } }))
        batch = (out.UnprocessedItems?.[db.table] ?? []) as typeof batch
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, writer))
}

/**
 * A lead of one partner: accepted (in its inbox, not in the open-offer index) or offered to it
 * until `offerExpiresAt` (an open offer it can accept).
 */
export function benchLead(partner: { id: string; name: string }, now: string, offerExpiresAt?: string): Lead {
  const base = {
    id: ulid(),
    projectType: 'renovation',
    region: 'CA',
    country: 'US',
    categories: ['lighting-control'],
    budgetRange: '50k-100k',
    slaHours: 48,
    source: 'staff',
    sharedBy: 'bench@homeaiq.example',
    matchFields: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  } as const satisfies Partial<Lead>
  if (!offerExpiresAt) {
    return {
      ...base,
      categories: [...base.categories],
      matchFields: [],
      status: 'accepted',
      assignedTo: partner.id,
      assignedToName: partner.name,
      offers: [],
      history: [{ status: 'accepted', at: now, by: base.sharedBy }],
    }
  }
  return {
    ...base,
    categories: [...base.categories],
    matchFields: [],
    status: 'offered',
    offeredTo: partner.id,
    offeredToName: partner.name,
    offerExpiresAt,
    offers: [
      {
        partnerId: partner.id,
        partnerName: partner.name,
        tier: 'strategic',
        offeredAt: now,
        expiresAt: offerExpiresAt,
        outcome: 'open',
      },
    ],
    history: [{ status: 'offered', at: now, by: base.sharedBy }],
  }
}
