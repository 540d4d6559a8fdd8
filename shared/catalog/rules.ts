import { ValidationError, type FieldIssue } from '../errors'
import { shownEmail, type Actor, type Role } from '../roles'
import type { PricePoint, Product, ProductInput } from '../schemas/product'
import { PRODUCT_FIELDS } from './vocabulary'

/**
 * The rules a product must satisfy beyond its schema; `prefix` places the fields (e.g. `rows.4.`).
 * Plain code: the product form runs the same rules in the browser.
 */
export function productIssues(
  input: Pick<ProductInput, 'msrpCents' | 'mapCents' | 'lifecycle' | 'endOfLifeDate'>,
  prefix = '',
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (input.mapCents > input.msrpCents) {
    issues.push({ field: `${prefix}mapCents`, message: 'MAP cannot exceed MSRP.' })
  }
  if (input.lifecycle === 'discontinued' && !input.endOfLifeDate) {
    issues.push({ field: `${prefix}endOfLifeDate`, message: 'A discontinued product needs its end-of-life date.' })
  }
  return issues
}

function assertValid(input: ProductInput) {
  const issues = productIssues(input)
  if (issues.length) throw new ValidationError(issues)
}

export function newProduct(input: ProductInput, now: Date): Product {
  assertValid(input)
  const at = now.toISOString()
  return { ...input, version: 1, createdAt: at, updatedAt: at }
}

/** A full replacement (PUT): same SKU, next version. */
export function replaceProduct(current: Product, input: ProductInput, now: Date): Product {
  if (input.sku !== current.sku) {
    throw new ValidationError([{ field: 'sku', message: `The SKU in the body must be ${current.sku}.` }])
  }
  assertValid(input)
  return { ...input, version: current.version + 1, createdAt: current.createdAt, updatedAt: now.toISOString() }
}

const COMPARED = PRODUCT_FIELDS.filter((f) => f !== 'sku')

/** Whether an input would change nothing (an import row that matches the stored product). */
export function sameAsStored(current: Product, input: ProductInput): boolean {
  return COMPARED.every((key) => JSON.stringify(current[key]) === JSON.stringify(input[key]))
}

export const priceChanged = (before: Pick<Product, 'msrpCents' | 'mapCents'> | undefined, after: Product) =>
  !before || before.msrpCents !== after.msrpCents || before.mapCents !== after.mapCents

export const pricePoint = (product: Product, by: { email: string; role: Role }): PricePoint => ({
  sku: product.sku,
  msrpCents: product.msrpCents,
  mapCents: product.mapCents,
  at: product.updatedAt,
  by: by.email,
  byRole: by.role,
})

/** A price point as a reader may see it: partners see a staff change as made by "HomeAIQ". */
export const pricePointView = (p: PricePoint, reader: Actor): PricePoint => ({ ...p, by: shownEmail(p.by, p.byRole, reader) })

/** HomeAIQ's cost: MSRP less the partner's negotiated base discount, rounded to the cent. */
export const dealerCostCents = (msrpCents: number, baseDiscountBps: number) =>
  Math.round((msrpCents * (10_000 - baseDiscountBps)) / 10_000)

/** Marks a product discontinued as of an end-of-life date (the EOL briefing job). */
export function discontinue(product: Product, endOfLifeDate: string, now: Date): Product {
  if (product.lifecycle === 'discontinued') return product
  return { ...product, lifecycle: 'discontinued', endOfLifeDate, version: product.version + 1, updatedAt: now.toISOString() }
}
