import { inOrder } from '../format'
import { toCsv } from '../catalog/csv'
import type { Claim } from '../schemas/mdf'

/** Finance's columns: one row per claim; money in US dollars with cents, as spreadsheets sum it. */
export const EXPORT_COLUMNS = [
  'claimId',
  'partnerId',
  'partnerName',
  'period',
  'activityType',
  'activityStart',
  'activityEnd',
  'filedBy',
  'status',
  'claimedUsd',
  'approvedUsd',
  'paidUsd',
  'paymentReference',
  'paidOn',
  'submittedAt',
  'decidedAt',
  'description',
] as const

const dollars = (cents: number | undefined) => (cents === undefined ? '' : (cents / 100).toFixed(2))

/** A period's claims as CSV, by partner, then oldest submission first. */
export function claimsCsv(claims: readonly Claim[]): string {
  const sorted = [...claims].sort((a, b) => inOrder(a.partnerId, b.partnerId) || inOrder(a.submittedAt, b.submittedAt))
  return toCsv([
    [...EXPORT_COLUMNS],
    ...sorted.map((c) => [
      c.id,
      c.partnerId,
      c.partnerName,
      c.period,
      c.activityType,
      c.activityStart,
      c.activityEnd,
      c.filedBy,
      c.status,
      dollars(c.amountCents),
      dollars(c.approvedCents),
      dollars(c.status === 'paid' ? c.approvedCents : undefined),
      c.payment?.reference,
      c.payment?.paidOn,
      c.submittedAt,
      c.decidedAt,
      c.description,
    ]),
  ])
}
