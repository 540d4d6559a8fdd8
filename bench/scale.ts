/**
 * Scale: the same list and search requests against SMALL and LARGE sets of items of one kind
 * (written in bulk with BatchWrite, in the item shape the repository stores), served by one warm
 * container of the function that serves them, at the same concurrency. large / small is the
 * budget's ratio.
 *
 * Where the two sets can live side by side they do, and the runs alternate between them, so a
 * change in machine load falls on both: products and leads of two partners, claims in two
 * statuses of the staff queue. The directory is one partition of every active partner, so its
 * small run comes first and the large one after the rest are written.
 */
import { ulid } from 'ulid'
import { claimItem } from '../functions/data/mdf'
import { leadItem } from '../functions/data/leads'
import { partnerItem } from '../functions/data/partners'
import { productItem } from '../functions/data/products'
import type { Claim } from '../shared/schemas/mdf'
import type { Partner } from '../shared/schemas/partner'
import type { Product } from '../shared/schemas/product'
import { benchLead, writeInBulk } from './bulk'
import type { Built } from './cold'
import type { BenchServices } from './local'
import { apiGatewayEvent } from './requests'
import { percentile } from './stats'
import { underLoad, warmContainer } from './warm'

export const SCALES = { small: 1_000, large: 50_000 } as const
type Size = keyof typeof SCALES
const PARTNERS = { small: 'leviton', large: 'philips-hue' } as const
/** the staff queue's two statuses: few claims wait for information, many for a decision */
const CLAIM_STATUS = { small: 'info-requested', large: 'submitted' } as const

/** One item in a hundred matches the search: it finds some on every page it reads, not all. */
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

function benchClaim(i: number, status: Claim['status'], now: string): Claim {
  // submission times spread over the period: the queue is ordered by them
  const submittedAt = new Date(Date.parse(now) - i * 1000).toISOString()
  return {
    id: ulid(),
    // a partner of their own: DynamoDB Local reads a partition's other items on a key-prefix
    // Query (DynamoDB does not), so 51,000 claims beside the scale partners' products would
    // slow their product list ~2.5x
    partnerId: 'bench-claims',
    partnerName: 'Bench Claims',
    period: '2026-Q4',
    activityType: 'digital-marketing',
    activityStart: '2026-10-01',
    activityEnd: '2026-10-31',
    amountCents: 150_000,
    description: 'A claim written in bulk by npm run bench.',
    documents: [],
    status,
    filedBy: 'partner',
    submittedBy: 'bench@claims.example',
    submittedByRole: 'partner-admin',
    firstSubmittedAt: submittedAt,
    submittedAt,
    events: [{ action: 'submitted', at: submittedAt, by: 'bench@claims.example', byRole: 'partner-admin' }],
    version: 1,
    updatedAt: submittedAt,
  }
}

/** An active partner: listed in the directory. */
function benchPartner(i: number, now: string): Partner {
  const id = `bench-${String(i).padStart(6, '0')}`
  return {
    id,
    name: i % 100 === 0 ? `Bench Lighting ${i}` : `Bench Audio ${i}`,
    category: 'audio-video',
    tier: 'standard',
    status: 'active',
    website: `https://${id}.example`,
    description: 'A partner written in bulk by npm run bench.',
    regions: ['US'],
    productLines: ['speakers'],
    contact: { name: 'Bench Contact', email: `partners@${id}.example` },
    baseDiscountBps: 1500,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
}

const many = <T>(count: number, make: (i: number) => T) => Array.from({ length: count }, (_, i) => make(i))

interface ScaleRoute {
  route: string
  fn: string
  path: (size: Size) => string
}

const SIDE_BY_SIDE: ScaleRoute[] = [
  { route: 'product list', fn: 'catalog', path: (s) => `/api/v1/partners/${PARTNERS[s]}/products` },
  { route: 'product search', fn: 'catalog', path: (s) => `/api/v1/partners/${PARTNERS[s]}/products?q=dimmer` },
  { route: 'lead inbox', fn: 'leads', path: (s) => `/api/v1/partners/${PARTNERS[s]}/leads` },
  { route: 'claim queue', fn: 'mdf', path: (s) => `/api/v1/review/mdf-claims?status=${CLAIM_STATUS[s]}` },
]
const DIRECTORY: ScaleRoute[] = [
  { route: 'directory list', fn: 'directory', path: () => '/api/v1/directory' },
  { route: 'directory search', fn: 'directory', path: () => '/api/v1/directory?q=lighting' },
]

export interface ScaleResult {
  route: string
  items: typeof SCALES
  small: { p50: number; p99: number }
  large: { p50: number; p99: number }
  ratio: number
}

export async function scaleRuns(built: Built[], services: BenchServices, requests: number) {
  const now = new Date().toISOString()
  const started = Date.now()
  await writeInBulk(services, [
    ...(['small', 'large'] as const).flatMap((s) => [
      ...many(SCALES[s], (i) => productItem(PARTNERS[s], benchProduct(i, now))),
      ...many(SCALES[s], () => leadItem(benchLead({ id: PARTNERS[s], name: PARTNERS[s] }, now))),
      ...many(SCALES[s], (i) => claimItem(benchClaim(i, CLAIM_STATUS[s], now))),
    ]),
    ...many(SCALES.small, (i) => partnerItem(benchPartner(i, now))),
  ])
  const seededMs = Date.now() - started
  const token = services.cognito.tokenFor('dev-staff')
  const ms = new Map<string, Record<Size, number[]>>()
  const measure = async (r: ScaleRoute, sizes: readonly Size[]) => {
    const fn = built.find((b) => b.fn.name === r.fn)
    if (!fn) throw new Error(`no function ${r.fn}`)
    const container = await warmContainer(fn, services)
    try {
      const times = ms.get(r.route) ?? { small: [], large: [] }
      ms.set(r.route, times)
      const event = (size: Size) => apiGatewayEvent({ method: 'GET', path: r.path(size) }, token)
      for (const size of sizes) for (let i = 0; i < 10; i++) await container.send(event(size))
      // four slices per size, alternating where both sizes are there
      for (let slice = 0; slice < 4; slice++) {
        for (const size of sizes) {
          const e = event(size)
          times[size].push(
            ...(await underLoad(Math.ceil(requests / 4), 4, async () => {
              const status = await container.send(e)
              if (status !== 200) throw new Error(`${r.route} at ${SCALES[size]}: ${status}`)
            })),
          )
        }
      }
    } finally {
      container.stop()
    }
  }
  for (const r of SIDE_BY_SIDE) await measure(r, ['small', 'large'])
  for (const r of DIRECTORY) await measure(r, ['small'])
  const more = Date.now()
  await writeInBulk(
    services,
    many(SCALES.large - SCALES.small, (i) => partnerItem(benchPartner(SCALES.small + i, now))),
  )
  const directorySeededMs = Date.now() - more
  for (const r of DIRECTORY) await measure(r, ['large'])

  const results: ScaleResult[] = [...SIDE_BY_SIDE, ...DIRECTORY].map(({ route }) => {
    const times = ms.get(route)!
    const at = (size: Size) => ({ p50: percentile(times[size], 50), p99: percentile(times[size], 99) })
    return { route, items: SCALES, small: at('small'), large: at('large'), ratio: at('large').p50 / at('small').p50 }
  })
  return { seededMs: seededMs + directorySeededMs, results }
}
