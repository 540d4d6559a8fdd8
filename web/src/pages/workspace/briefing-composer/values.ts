import { BRIEFING_LIMITS, needsSkus } from '../../../../../shared/briefings/vocabulary'
import { SKU_PATTERN } from '../../../../../shared/catalog/vocabulary'
import type { Briefing, BriefingKind } from '../../../api/types'
import { kindLabel } from '../../../lib/format'
import { uploadsProblem, type ListedUpload } from '../../../lib/upload'

/** The composer's values as typed and their checks: plain code, no screen. */

export const FIELD_IDS: Record<string, string> = {
  kind: 'briefing-kind',
  title: 'briefing-title',
  effectiveDate: 'briefing-date',
  skus: 'briefing-skus',
  body: 'briefing-body',
  attachmentDocumentIds: 'briefing-attachments',
  note: 'briefing-note',
}
export const LABELS: Record<string, string> = {
  'briefing-kind': 'Kind',
  'briefing-title': 'Title',
  'briefing-date': 'Effective date',
  'briefing-skus': 'Affected SKUs',
  'briefing-body': 'Body',
  'briefing-attachments': 'Attachments',
  'briefing-note': 'What changed',
}
export const {
  titleMin: TITLE_MIN,
  titleMax: TITLE_MAX,
  bodyMax: BODY_MAX,
  attachmentsMax: MAX_ATTACHMENTS,
  noteMin: NOTE_MIN,
  noteMax: NOTE_MAX,
} = BRIEFING_LIMITS

export const KIND_HINTS: Record<BriefingKind, string> = {
  'new-product': 'A product joining your line-up.',
  firmware: 'A firmware or software release: what changes for installed systems.',
  'end-of-life':
    'Needs HomeAIQ acknowledgement. On the effective date the affected products are marked discontinued in your catalog.',
  'price-change': 'Name the affected SKUs; update their prices in the catalog too.',
  'safety-notice': 'Needs HomeAIQ acknowledgement: it stays flagged for the partnership team until someone acknowledges it.',
  roadmap: 'What is coming: plans, previews, timelines.',
}

/** "rrd-6na, PD-6WCL  RRD-6NA" -> ["RRD-6NA", "PD-6WCL"] (upper-case, each once) */
export function parseSkus(text: string): string[] {
  const seen = new Set<string>()
  for (const part of text.split(/[\s,;]+/)) {
    const sku = part.trim().toUpperCase()
    if (sku) seen.add(sku)
  }
  return [...seen]
}

export interface Values {
  kind: BriefingKind | ''
  title: string
  effectiveDate: string
  skus: string
  body: string
  /** a correction's note; unused when publishing */
  note: string
}

/** A published briefing as the composer's values, to correct it. */
export const valuesOf = (b: Briefing): Values => ({
  kind: b.kind,
  title: b.title,
  effectiveDate: b.effectiveDate,
  skus: b.skus.join(', '),
  body: b.body,
  note: '',
})

export function validate(values: Values, attachments: ListedUpload[], correcting = false): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!values.kind) errors['briefing-kind'] = 'Choose what kind of briefing this is.'
  const title = values.title.trim()
  if (!title) errors['briefing-title'] = 'Enter a title.'
  else if (title.length < TITLE_MIN) errors['briefing-title'] = `Use at least ${TITLE_MIN} characters.`
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.effectiveDate)) errors['briefing-date'] = 'Enter the date this takes effect.'
  const skus = parseSkus(values.skus)
  const bad = skus.filter((s) => !SKU_PATTERN.test(s))
  if (bad.length) errors['briefing-skus'] = `Not a SKU: ${bad.join(', ')}.`
  else if (values.kind && needsSkus(values.kind) && skus.length === 0) {
    errors['briefing-skus'] = `A ${kindLabel(values.kind).toLowerCase()} briefing must name the affected SKUs.`
  }
  if (!values.body.trim()) errors['briefing-body'] = 'Write the briefing.'
  const pending = uploadsProblem(attachments, 'attachment')
  if (pending) errors['briefing-attachments'] = pending
  if (correcting) {
    const note = values.note.trim()
    if (!note) errors['briefing-note'] = 'Say what this correction changes, for the people who read the briefing before.'
    else if (note.length < NOTE_MIN) errors['briefing-note'] = `Use at least ${NOTE_MIN} characters.`
  }
  return errors
}
