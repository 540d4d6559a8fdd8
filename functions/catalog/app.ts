import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { auditEntry } from '../../shared/audit'
import { StaleVersionError } from '../../shared/errors'
import { parseProductCsv, productsToCsv } from '../../shared/catalog/product-csv'
import { assertAttachable } from '../../shared/uploads/rules'
import { dealerCostCents, newProduct, priceChanged, pricePoint, replaceProduct, sameAsStored } from '../../shared/catalog/rules'
import { Cursor, Limit } from '../../shared/schemas/common'
import { ProductInput, ProductQuery, Sku, type Product } from '../../shared/schemas/product'
import type { SignedInActor } from '../../shared/roles'
import { signedIn } from '../auth/guards'
import { documentRepository } from '../data/documents'
import { partnerRepository } from '../data/partners'
import { productRepository, type ProductWrite } from '../data/products'
import type { Deps } from '../http/deps'
import type { PortalEnv } from '../http/env'
import { etagOf, expectedVersion, optionalExpectedVersion } from '../http/etag'
import { validate } from '../http/validate'
import * as z from 'zod'

/** 5,000 rows of a few hundred bytes fit well within this; API Gateway's own limit is 10 MB. */
const MAX_IMPORT_BYTES = 8 * 1024 * 1024
const importSizeLimit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new HTTPException(413, { message: `Import files may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB.` })
  },
})

const SkuParam = z.strictObject({ partnerId: z.string(), sku: Sku })
const PageQuery = z.strictObject({ limit: Limit, cursor: Cursor })

/** A partner's product catalog: CRUD with ETags, CSV import/export, price history. */
export const catalogApp = ({ db, clock, newId }: Deps) => {
  const products = productRepository(db)
  const partners = partnerRepository(db)
  const documents = documentRepository(db)

  /** Staff see HomeAIQ's dealer cost, from the partner's negotiated discount; partners never do. */
  async function viewFor(c: Context<PortalEnv>) {
    if (c.var.actor.kind !== 'staff') return (p: Product) => p
    const { baseDiscountBps } = await partners.require(c.var.partnerId)
    return (p: Product) => ({ ...p, dealerCostCents: dealerCostCents(p.msrpCents, baseDiscountBps) })
  }

  const audit = (actor: SignedInActor, partnerId: string, action: string, sku: string, before: unknown, after: unknown) =>
    auditEntry({
      id: newId(),
      now: clock.now(),
      actor,
      partnerId,
      entity: { type: 'product', id: `${partnerId}/${sku}` },
      action,
      before,
      after,
    })

  /** A spec sheet must be this partner's checked PDF upload. */
  async function assertSpecSheet(pid: string, documentId: string | undefined, field = 'specSheetDocumentId') {
    if (documentId) assertAttachable(await documents.get(pid, documentId), 'spec-sheet', field)
  }

  const priceOf = (product: Product, before: Product | undefined, actor: SignedInActor) =>
    priceChanged(before, product) ? { price: { id: newId(), point: pricePoint(product, actor.email) } } : {}

  return new Hono<PortalEnv>()
    .get('/', validate('query', ProductQuery), async (c) => {
      const [page, view] = await Promise.all([products.list(c.var.partnerId, c.req.valid('query')), viewFor(c)])
      return c.json({ ...page, items: page.items.map(view) })
    })
    .post('/', validate('json', ProductInput), async (c) => {
      const actor = signedIn(c)
      const product = newProduct(c.req.valid('json'), clock.now())
      await assertSpecSheet(c.var.partnerId, product.specSheetDocumentId)
      await products.write(
        c.var.partnerId,
        { product, expectedVersion: null, ...priceOf(product, undefined, actor) },
        audit(actor, c.var.partnerId, 'product.created', product.sku, null, product),
      )
      c.header('ETag', etagOf(product.version))
      c.header('Location', `/api/v1/partners/${c.var.partnerId}/products/${encodeURIComponent(product.sku)}`)
      return c.json((await viewFor(c))(product), 201)
    })
    .get('/export', async (c) => {
      const all = await products.listAll(c.var.partnerId)
      c.header('Content-Type', 'text/csv; charset=utf-8')
      c.header('Content-Disposition', `attachment; filename="${c.var.partnerId}-catalog.csv"`)
      return c.body(productsToCsv(all))
    })
    .post('/import', importSizeLimit, async (c) => {
      const actor = signedIn(c)
      if (!/^text\/csv\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
        throw new HTTPException(415, { message: 'Send the catalog as text/csv.' })
      }
      const inputs = parseProductCsv(await c.req.text())
      const sheets = new Set(inputs.flatMap((p) => (p.specSheetDocumentId ? [p.specSheetDocumentId] : [])))
      for (const id of sheets) await assertSpecSheet(c.var.partnerId, id, `specSheetDocumentId.${id}`)
      const stored = new Map((await products.listAll(c.var.partnerId)).map((p) => [p.sku, p]))
      const now = clock.now()
      const writes: ProductWrite[] = []
      let unchanged = 0
      for (const input of inputs) {
        const current = stored.get(input.sku)
        if (current && sameAsStored(current, input)) {
          unchanged++
          continue
        }
        const product = current ? replaceProduct(current, input, now) : newProduct(input, now)
        writes.push({ product, expectedVersion: current?.version ?? null, ...priceOf(product, current, actor) })
      }
      const created = writes.filter((w) => w.expectedVersion === null).length
      const result = { created, updated: writes.length - created, unchanged }
      if (writes.length > 0) {
        await products.writeMany(c.var.partnerId, writes, audit(actor, c.var.partnerId, 'catalog.imported', '*', null, result))
      }
      return c.json(result)
    })
    .get('/:sku', validate('param', SkuParam), async (c) => {
      const product = await products.require(c.var.partnerId, c.req.valid('param').sku)
      c.header('ETag', etagOf(product.version))
      return c.json((await viewFor(c))(product))
    })
    .get('/:sku/prices', validate('param', SkuParam), validate('query', PageQuery), async (c) => {
      const { sku } = c.req.valid('param')
      await products.require(c.var.partnerId, sku)
      return c.json(await products.priceHistory(c.var.partnerId, sku, c.req.valid('query')))
    })
    .put('/:sku', validate('param', SkuParam), validate('json', ProductInput), async (c) => {
      const actor = signedIn(c)
      const expected = expectedVersion(c)
      const current = await products.require(c.var.partnerId, c.req.valid('param').sku)
      if (current.version !== expected)
        throw new StaleVersionError(`Product ${current.sku} changed since you loaded it; reload and retry.`)
      const next = replaceProduct(current, c.req.valid('json'), clock.now())
      await assertSpecSheet(c.var.partnerId, next.specSheetDocumentId)
      await products.write(
        c.var.partnerId,
        { product: next, expectedVersion: expected, ...priceOf(next, current, actor) },
        audit(actor, c.var.partnerId, 'product.updated', next.sku, current, next),
      )
      c.header('ETag', etagOf(next.version))
      return c.json((await viewFor(c))(next))
    })
    .delete('/:sku', validate('param', SkuParam), async (c) => {
      const actor = signedIn(c)
      const current = await products.require(c.var.partnerId, c.req.valid('param').sku)
      await products.remove(
        c.var.partnerId,
        current.sku,
        optionalExpectedVersion(c),
        audit(actor, c.var.partnerId, 'product.deleted', current.sku, current, null),
      )
      return c.body(null, 204)
    })
}
