import type { Briefing } from '../schemas/briefing'

export const isFlagged = (b: Pick<Briefing, 'requiresAck' | 'acknowledgements'>) =>
  b.requiresAck && b.acknowledgements.length === 0

/** An end-of-life briefing whose effective date has come and whose products are not yet discontinued. */
export const eolDue = (b: Pick<Briefing, 'kind' | 'effectiveDate' | 'eolAppliedAt'>, today: string) =>
  b.kind === 'end-of-life' && !b.eolAppliedAt && b.effectiveDate <= today

export const isoDay = (d: Date) => d.toISOString().slice(0, 10)
