/**
 * The write routes of the warm-latency runs. Each request of a run changes something new (a
 * product once, an offer once, a new claim), so each route seeds what its requests need, in the
 * repository's item shape, and makes request `i` from it. Their raw DynamoDB requests are
 * replayed without their conditions (the item was changed by the request that was recorded, so
 * the condition would now fail): the same reads and writes, unconditioned.
 */
import { ulid } from 'ulid'
import { documentItem } from '../functions/data/documents'
import { leadItem } from '../functions/data/leads'
import { productItem } from '../functions/data/products'
import { day, quarterOf } from '../shared/mdf/periods'
import type { DynamoCall } from './local'
import type { BenchServices } from './local'
import type { BenchRequest } from './requests'
import { benchLead, writeInBulk } from './bulk'

export interface WriteRoute {
  name: string
  fn: string
  /** seeds what `count` requests change; answers request `i` */
  prepare(services: BenchServices, count: number): Promise<(i: number) => BenchRequest>
}

const PARTNER = 'lutron'
const REP = 'dev-rep-lutron'

const warmSku = (i: number) => `WARM-${String(i).padStart(5, '0')}`

export const WRITE_ROUTES: WriteRoute[] = [
  {
    name: 'product update',
    fn: 'catalog',
    async prepare(services, count) {
      const now = new Date().toISOString()
      const product = (i: number) => ({
        sku: warmSku(i),
        name: `Warm keypad ${i}`,
        category: 'lighting-control' as const,
        description: 'A product the bench updates once.',
        msrpCents: 19_900,
        mapCents: 17_900,
        lifecycle: 'active' as const,
        protocols: ['zigbee' as const],
        leadTimeDays: 5,
      })
      await writeInBulk(
        services,
        Array.from({ length: count }, (_, i) =>
          productItem(PARTNER, { ...product(i), version: 1, createdAt: now, updatedAt: now }),
        ),
      )
      return (i) => ({
        method: 'PUT',
        path: `/api/v1/partners/${PARTNER}/products/${warmSku(i)}`,
        as: REP,
        headers: { 'if-match': '"v1"' },
        // a new price: the update also writes the price history
        body: { ...product(i), msrpCents: 21_900 },
      })
    },
  },
  {
    name: 'claim submit',
    fn: 'mdf',
    async prepare(services) {
      const now = new Date().toISOString()
      const proof = ulid()
      await writeInBulk(services, [
        documentItem({
          id: proof,
          partnerId: PARTNER,
          purpose: 'mdf-proof',
          contentType: 'application/pdf',
          filename: 'bench-invoice.pdf',
          size: 1024,
          status: 'ready',
          key: `uploads/${PARTNER}/${proof}`,
          storedKey: `documents/${PARTNER}/${proof}`,
          uploadedBy: 'bench@lutron.example',
          createdAt: now,
          checkedAt: now,
        }),
      ])
      // this quarter's fund (the demo allocates one to Lutron); a dollar a claim
      const today = day(new Date())
      return () => ({
        method: 'POST',
        path: `/api/v1/partners/${PARTNER}/mdf/claims`,
        as: REP,
        body: {
          period: quarterOf(today),
          activityType: 'digital-marketing',
          activityStart: today,
          activityEnd: today,
          amountCents: 100,
          description: 'A claim the bench submits under load.',
          documentIds: [proof],
          proofKinds: { [proof]: 'invoice' },
        },
      })
    },
  },
  {
    name: 'lead accept',
    fn: 'leads',
    async prepare(services, count) {
      const now = new Date()
      const expiresAt = new Date(now.getTime() + 48 * 3600_000).toISOString()
      const leads = Array.from({ length: count }, () => benchLead({ id: PARTNER, name: 'Lutron' }, now.toISOString(), expiresAt))
      await writeInBulk(services, leads.map(leadItem))
      const ids = leads.map((l) => l.id)
      return (i) => ({ method: 'POST', path: `/api/v1/partners/${PARTNER}/leads/${ids[i]}/accept`, as: REP })
    },
  },
]

/** A recorded call without its condition expressions (and the names and values only they used). */
export function unconditioned(call: DynamoCall): DynamoCall {
  const body = JSON.parse(call.request.body) as Record<string, unknown> & { TransactItems?: Record<string, unknown>[] }
  // the SDK's idempotency token: replayed, it would make DynamoDB skip the writes (or refuse the changed body)
  delete body.ClientRequestToken
  if (body.TransactItems) {
    body.TransactItems = body.TransactItems.filter((item) => !item.ConditionCheck)
    for (const item of body.TransactItems) for (const op of Object.values(item)) strip(op as Record<string, unknown>)
  } else strip(body)
  const text = JSON.stringify(body)
  return {
    ...call,
    request: { headers: { ...call.request.headers, 'content-length': String(Buffer.byteLength(text)) }, body: text },
  }
}

function strip(op: Record<string, unknown>) {
  delete op.ConditionExpression
  const used = ['UpdateExpression', 'KeyConditionExpression', 'ProjectionExpression', 'FilterExpression']
    .map((k) => op[k])
    .filter((e): e is string => typeof e === 'string')
    .join(' ')
  for (const k of ['ExpressionAttributeNames', 'ExpressionAttributeValues'] as const) {
    const map = op[k] as Record<string, unknown> | undefined
    if (!map) continue
    for (const placeholder of Object.keys(map)) if (!new RegExp(`${placeholder}\\b`).test(used)) delete map[placeholder]
    if (!Object.keys(map).length) delete op[k]
  }
}
