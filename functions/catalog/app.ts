import type { Context } from 'hono'
import { auditEntry } from '../../shared/audit/entry'
import { parseProductCsv, productsToCsv } from '../../shared/catalog/product-csv'
import {
  dealerCostCents,
  newProduct,
  priceChanged,
  pricePoint,
  pricePointView,
  replaceProduct,
  sameAsStored,
} from '../../shared/catalog/rules'
import { catalog } from '../../shared/contracts/catalog'
import { StaleVersionError } from '../../shared/errors'
import type { SignedInActor } from '../../shared/roles'
import type { Product } from '../../shared/schemas/product'
import { assertAttachable } from '../../shared/uploads/rules'
import { signedIn } from '../auth/guards'
import { documentRepository } from '../data/documents'
import { partnerRepository } from '../data/partners'
import { productRepository, type ProductWrite } from '../data/products'
import type { PortalEnv } from '../http/env'
import { etagOf } from '../http/etag'
import { readAhead } from '../http/read-ahead'
import { domainRoutes } from '../http/routes'

/** A partner's product catalog: CRUD with ETags, CSV import/export, price history. */
export const catalogRoutes = domainRoutes(catalog, ({ db, clock, newId }) => {
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
    priceChanged(before, product) ? { price: { id: newId(), point: pricePoint(product, actor) } } : {}

  return {
    list: readAhead(
      ({ params, query }) => products.list(params.partnerId, query),
      async (c, _input, page) => {
        const view = await viewFor(c)
        return c.json({ ...page, items: page.items.map(view) })
      },
    ),
    create: async (c, { body }) => {
      const actor = signedIn(c)
      const product = newProduct(body, clock.now())
      await assertSpecSheet(c.var.partnerId, product.specSheetDocumentId)
      await products.write(
        c.var.partnerId,
        { product, expectedVersion: null, ...priceOf(product, undefined, actor) },
        audit(actor, c.var.partnerId, 'product.created', product.sku, null, product),
      )
      c.header('ETag', etagOf(product.version))
      c.header('Location', `/api/v1/partners/${c.var.partnerId}/products/${encodeURIComponent(product.sku)}`)
      return c.json((await viewFor(c))(product), 201)
    },
    export: async (c) => {
      const all = await products.listAll(c.var.partnerId)
      c.header('Content-Type', 'text/csv; charset=utf-8')
      c.header('Content-Disposition', `attachment; filename="${c.var.partnerId}-catalog.csv"`)
      return c.body(productsToCsv(all))
    },
    import: async (c, { body }) => {
      const actor = signedIn(c)
      const inputs = parseProductCsv(body)
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
    },
    get: async (c, { params }) => {
      const product = await products.require(c.var.partnerId, params.sku)
      c.header('ETag', etagOf(product.version))
      return c.json((await viewFor(c))(product))
    },
    prices: async (c, { params, query }) => {
      await products.require(c.var.partnerId, params.sku)
      const page = await products.priceHistory(c.var.partnerId, params.sku, query)
      return c.json({ ...page, items: page.items.map((p) => pricePointView(p, c.var.actor)) })
    },
    replace: async (c, { params, body, expectedVersion }) => {
      const actor = signedIn(c)
      const current = await products.require(c.var.partnerId, params.sku)
      if (current.version !== expectedVersion)
        throw new StaleVersionError(`Product ${current.sku} changed since you loaded it; reload and retry.`)
      const next = replaceProduct(current, body, clock.now())
      await assertSpecSheet(c.var.partnerId, next.specSheetDocumentId)
      await products.write(
        c.var.partnerId,
        { product: next, expectedVersion, ...priceOf(next, current, actor) },
        audit(actor, c.var.partnerId, 'product.updated', next.sku, current, next),
      )
      c.header('ETag', etagOf(next.version))
      return c.json((await viewFor(c))(next))
    },
    remove: async (c, { params, expectedVersion }) => {
      const actor = signedIn(c)
      const current = await products.require(c.var.partnerId, params.sku)
      await products.remove(
        c.var.partnerId,
        current.sku,
        expectedVersion,
        audit(actor, c.var.partnerId, 'product.deleted', current.sku, current, null),
      )
      return c.body(null, 204)
    },
  }
})
