import { auditEntry } from '../../shared/audit/entry'
import { eolDue, isoDay } from '../../shared/briefings/rules'
import { discontinue } from '../../shared/catalog/rules'
import { anonymous } from '../../shared/roles'
import { StaleVersionError } from '../../shared/errors'
import { briefingRepository } from '../data/briefings'
import type { Db } from '../data/db'
import { productRepository } from '../data/products'

export interface EolJobDeps {
  db: Db
  clock: { now(): Date }
  newId(): string
}

export interface EolJobResult {
  briefings: number
  discontinued: number
}

/**
 * Marks the products of every end-of-life briefing whose effective date has come as
 * discontinued, then takes the briefing off the pending index. Each product write is
 * conditional on the version just read, so a concurrent edit is retried on the next run
 * rather than overwritten; running twice changes nothing the second time.
 */
export async function applyDueEndOfLife({ db, clock, newId }: EolJobDeps): Promise<EolJobResult> {
  const briefings = briefingRepository(db)
  const products = productRepository(db)
  const now = clock.now()
  const today = isoDay(now)
  const result: EolJobResult = { briefings: 0, discontinued: 0 }
  let cursor: string | undefined
  do {
    const page = await briefings.dueEndOfLife(today, cursor)
    for (const briefing of page.items.filter((b) => eolDue(b, today))) {
      let complete = true
      for (const sku of briefing.skus) {
        const product = await products.get(briefing.partnerId, sku)
        if (!product || product.lifecycle === 'discontinued') continue
        const next = discontinue(product, briefing.effectiveDate, now)
        try {
          await products.write(
            briefing.partnerId,
            { product: next, expectedVersion: product.version },
            auditEntry({
              id: newId(),
              now,
              actor: anonymous,
              partnerId: briefing.partnerId,
              entity: { type: 'product', id: `${briefing.partnerId}/${sku}` },
              action: 'product.discontinued',
              before: product,
              after: { ...next, briefingId: briefing.id },
            }),
          )
          result.discontinued++
        } catch (error) {
          if (!(error instanceof StaleVersionError)) throw error
          complete = false // edited meanwhile: the next run tries again
        }
      }
      if (complete) {
        const appliedAt = now.toISOString()
        await briefings.markEolApplied(
          briefing,
          appliedAt,
          auditEntry({
            id: newId(),
            now,
            actor: anonymous,
            partnerId: briefing.partnerId,
            entity: { type: 'briefing', id: briefing.id },
            action: 'briefing.end-of-life-applied',
            before: { eolAppliedAt: null },
            after: { eolAppliedAt: appliedAt, skus: briefing.skus },
          }),
        )
        result.briefings++
      }
    }
    cursor = page.nextCursor
  } while (cursor)
  return result
}
