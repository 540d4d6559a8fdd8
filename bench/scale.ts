/**
 * Scale: the same list and search requests against a partner with SMALL products and one with
 * LARGE (written in bulk with BatchWrite, in the item shape the repository stores), served by
 * one warm catalog container at the same concurrency. large / small is the budget's ratio.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { productItem } from '../functions/data/products'
import type { Product } from '../shared/schemas/product'
import type { Built } from './cold'
import type { BenchServices } from './local'
import { apiGatewayEvent } from './requests'
import { percentile } from './stats'
import { underLoad, warmContainer } from './warm'

export const SCALES = { small: 1_000, large: 50_000 } as const
const PARTNERS = { small: 'leviton', large: 'philips-hue' } as const

/** One product in a hundred is a dimmer: the search finds some on every page it reads, not all. */
function benchProduct(i: number, now: string): Product {
  const sku = `BENCH-${String(i).padStart(6, '0')}`
  return {
    sku,
    name: i % 100 === 0 ? `Bench dimmer ${i}` : `Bench keypad ${i}`,
    category: 'lighting-control',
    description: 'A product written in bulk by npm run bench.',
    msrpCents: 19_900,
    mapCents: 17_900,
    lifecycle: 'active',
    protocols: ['zigbee'],
    leadTimeDays: 5,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
}

async function seedProducts(services: BenchServices, partnerId: string, count: number) {
  const { db } = services.deps
  const now = new Date().toISOString()
  const batches: Record<string, unknown>[][] = []
  for (let i = 0; i < count; i += 25) {
    batches.push(Array.from({ length: Math.min(25, count - i) }, (_, j) => productItem(partnerId, benchProduct(i + j, now))))
  }
  let next = 0
  const writer = async () => {
    while (next < batches.length) {
      let items: Record<string, unknown>[] = batches[next++]!.map((Item) => ({ PutRequest: { Item } }))
      while (items.length) {
        const out = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.table]: items } }))
        items = (out.UnprocessedItems?.[db.table] ?? []) as Record<string, unknown>[]
      }
    }
  }
  await Promise.all(Array.from({ length: 8 }, writer))
}

export async function scaleRuns(built: Built[], services: BenchServices, requests: number) {
  const catalog = built.find((b) => b.fn.name === 'catalog')
  if (!catalog) throw new Error('no catalog function')
  const started = Date.now()
  await Promise.all([seedProducts(services, PARTNERS.small, SCALES.small), seedProducts(services, PARTNERS.large, SCALES.large)])
  const seededMs = Date.now() - started
  const container = await warmContainer(catalog, services)
  try {
    const token = services.cognito.tokenFor('dev-staff')
    const routes = [
      { route: 'product list', query: '' },
      { route: 'product search', query: '?q=dimmer' },
    ]
    const results = []
    for (const { route, query } of routes) {
      const event = (size: keyof typeof SCALES) =>
        apiGatewayEvent({ method: 'GET', path: `/api/v1/partners/${PARTNERS[size]}/products${query}` }, token)
      const ms: Record<keyof typeof SCALES, number[]> = { small: [], large: [] }
      for (const size of ['small', 'large'] as const) for (let i = 0; i < 10; i++) await container.send(event(size))
      // four alternating slices per size, so a change in machine load falls on both
      for (let slice = 0; slice < 4; slice++) {
        for (const size of ['small', 'large'] as const) {
          const e = event(size)
          ms[size].push(
            ...(await underLoad(Math.ceil(requests / 4), 4, async () => {
              const status = await container.send(e)
              if (status !== 200) throw new Error(`${route} at ${SCALES[size]}: ${status}`)
            })),
          )
        }
      }
      const at = (size: keyof typeof SCALES) => ({ p50: percentile(ms[size], 50), p99: percentile(ms[size], 99) })
      results.push({ route, items: SCALES, small: at('small'), large: at('large'), ratio: at('large').p50 / at('small').p50 })
    }
    return { seededMs, results }
  } finally {
    container.stop()
  }
}
