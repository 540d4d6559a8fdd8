import { productIssues } from '../../../../../shared/catalog/rules'
import { PRODUCT_LIMITS, SKU_HINT, SKU_PATTERN } from '../../../../../shared/catalog/vocabulary'
import type { Lifecycle, PartnerCategory, Product, ProductBody, Protocol } from '../../../api/types'
import { PROTOCOLS, centsToInput, parseMoney } from '../../../lib/format'
import { pendingProblem, type PendingUpload } from '../../../lib/upload'

/** The product form's values as typed, their checks and the body they become: plain code, no screen. */

export const FIELD_IDS: Record<string, string> = {
  sku: 'product-sku',
  name: 'product-name',
  category: 'product-category',
  description: 'product-description',
  msrpCents: 'product-msrp',
  mapCents: 'product-map',
  lifecycle: 'product-lifecycle',
  endOfLifeDate: 'product-eol',
  protocols: 'product-protocol-matter',
  leadTimeDays: 'product-lead-time',
  specSheetDocumentId: 'product-spec-sheet',
}
export const LABELS: Record<string, string> = {
  'product-sku': 'SKU',
  'product-name': 'Name',
  'product-category': 'Category',
  'product-description': 'Description',
  'product-msrp': 'MSRP',
  'product-map': 'MAP',
  'product-lifecycle': 'Lifecycle',
  'product-eol': 'End-of-life date',
  'product-protocol-matter': 'Protocols',
  'product-lead-time': 'Lead time',
  'product-spec-sheet': 'Spec sheet',
}
export const DESCRIPTION_MAX = 2000

export interface Values {
  sku: string
  name: string
  category: PartnerCategory | ''
  description: string
  msrp: string
  map: string
  lifecycle: Lifecycle
  endOfLifeDate: string
  protocols: Protocol[]
  leadTimeDays: string
}

export const emptyValues: Values = {
  sku: '',
  name: '',
  category: '',
  description: '',
  msrp: '',
  map: '',
  lifecycle: 'active',
  endOfLifeDate: '',
  protocols: [],
  leadTimeDays: '',
}

export const valuesOf = (p: Product): Values => ({
  sku: p.sku,
  name: p.name,
  category: p.category,
  description: p.description,
  msrp: centsToInput(p.msrpCents),
  map: centsToInput(p.mapCents),
  lifecycle: p.lifecycle,
  endOfLifeDate: p.endOfLifeDate ?? '',
  protocols: [...p.protocols],
  leadTimeDays: String(p.leadTimeDays),
})

/** The spec sheet as the form holds it: the stored one, a new upload, or none. */
export type SpecSheet = { kind: 'none' } | { kind: 'stored'; documentId: string } | ({ kind: 'upload' } & PendingUpload)

/** Where the catalog rules' fields sit in this form. */
const RULE_FIELDS = { mapCents: 'product-map', endOfLifeDate: 'product-eol' } as const

/** The obvious rules, checked before anything is sent (the API checks them again). */
export function validate(values: Values, isNew: boolean, sheet: SpecSheet): Record<string, string> {
  const errors: Record<string, string> = {}
  const sku = values.sku.trim()
  if (isNew) {
    if (!sku) errors['product-sku'] = 'Enter the SKU.'
    else if (!SKU_PATTERN.test(sku)) errors['product-sku'] = SKU_HINT
  }
  if (!values.name.trim()) errors['product-name'] = 'Enter the product name.'
  if (!values.category) errors['product-category'] = 'Choose a category.'
  const msrp = parseMoney(values.msrp)
  const map = parseMoney(values.map)
  if (!values.msrp.trim()) errors['product-msrp'] = 'Enter the MSRP.'
  else if (msrp === undefined) errors['product-msrp'] = 'Enter an amount in dollars, e.g. 129.95.'
  else if (msrp < 1) errors['product-msrp'] = 'The MSRP must be more than $0.00.'
  if (!values.map.trim()) errors['product-map'] = 'Enter the MAP.'
  else if (map === undefined) errors['product-map'] = 'Enter an amount in dollars, e.g. 119.95.'
  // the catalog's own rules (MAP <= MSRP, an end-of-life date when discontinued), as the API runs them
  const rules = productIssues({
    msrpCents: msrp ?? 0,
    mapCents: msrp === undefined ? 0 : (map ?? 0),
    lifecycle: values.lifecycle,
    endOfLifeDate: values.endOfLifeDate || undefined,
  })
  for (const issue of rules) errors[RULE_FIELDS[issue.field as keyof typeof RULE_FIELDS]] ??= issue.message
  const lead = values.leadTimeDays.trim()
  const maxDays = PRODUCT_LIMITS.leadTimeMaxDays
  if (!lead) errors['product-lead-time'] = 'Enter the lead time in days (0 when in stock).'
  else if (!/^\d+$/.test(lead) || Number(lead) > maxDays) errors['product-lead-time'] = `Enter whole days from 0 to ${maxDays}.`
  const sheetProblem =
    sheet.kind === 'upload' && pendingProblem(sheet, 'spec sheet', 'This file was not accepted. Choose another PDF or remove it.')
  if (sheetProblem) errors['product-spec-sheet'] = sheetProblem
  return errors
}

export function bodyOf(values: Values, sheet: SpecSheet): ProductBody {
  const specSheetDocumentId =
    sheet.kind === 'stored'
      ? sheet.documentId
      : sheet.kind === 'upload' && sheet.state.phase === 'ready'
        ? sheet.state.document.id
        : undefined
  return {
    sku: values.sku.trim(),
    name: values.name.trim(),
    category: values.category as PartnerCategory,
    description: values.description.trim(),
    msrpCents: parseMoney(values.msrp) ?? 0,
    mapCents: parseMoney(values.map) ?? 0,
    lifecycle: values.lifecycle,
    ...(values.endOfLifeDate ? { endOfLifeDate: values.endOfLifeDate } : {}),
    protocols: PROTOCOLS.filter((p) => values.protocols.includes(p)),
    leadTimeDays: Number(values.leadTimeDays.trim()),
    ...(specSheetDocumentId ? { specSheetDocumentId } : {}),
  }
}
