import type { Role } from '../roles'
import type { LedgerEntry } from '../schemas/mdf'
import type { LedgerKind } from './vocabulary'

/**
 * A fund's money, as the fund item keeps it and as its ledger sums to. `approved` includes what
 * was paid (`paid` is the part of `approved` that has been paid); `available` is kept so that a
 * condition can compare with it (DynamoDB conditions have no arithmetic):
 *
 *   available = allocated - pending - approved - lapsed   (lapsed is 0 until the fund closes)
 */
export interface Balances {
  allocatedCents: number
  pendingCents: number
  approvedCents: number
  paidCents: number
  lapsedCents: number
  availableCents: number
}

export const BALANCE_FIELDS = [
  'allocatedCents',
  'pendingCents',
  'approvedCents',
  'paidCents',
  'lapsedCents',
  'availableCents',
] as const satisfies readonly (keyof Balances)[]

/** Just the balances of a fund (or any record holding them). */
export const balancesOf = (b: Balances): Balances =>
  Object.fromEntries(BALANCE_FIELDS.map((field) => [field, b[field]])) as unknown as Balances

export const ZERO_BALANCES: Balances = {
  allocatedCents: 0,
  pendingCents: 0,
  approvedCents: 0,
  paidCents: 0,
  lapsedCents: 0,
  availableCents: 0,
}

/**
 * One movement of money. `amountCents` is positive, except for `adjust`, whose sign says which
 * way the allocation moved. A ledger entry is a movement plus who, when and which claim.
 */
export interface Movement {
  kind: LedgerKind
  amountCents: number
  claimId?: string
  note?: string
}

/** What one movement does to the balances. */
function effectOf({ kind, amountCents: a }: Movement): Partial<Balances> {
  switch (kind) {
    case 'allocate':
    case 'adjust':
      return { allocatedCents: a, availableCents: a }
    case 'reserve':
      return { pendingCents: a, availableCents: -a }
    case 'release':
      return { pendingCents: -a, availableCents: a }
    case 'approve':
      return { pendingCents: -a, approvedCents: a }
    case 'pay':
      return { paidCents: a }
    case 'lapse':
      return { availableCents: -a, lapsedCents: a }
  }
}

export function applyMovement(balances: Balances, movement: Movement): Balances {
  const next = { ...balances }
  for (const [field, by] of Object.entries(effectOf(movement)) as [keyof Balances, number][]) next[field] += by
  return next
}

/** The balances a ledger sums to: the fund item must always equal this. */
export const foldLedger = (movements: readonly Movement[], from: Balances = ZERO_BALANCES): Balances =>
  movements.reduce(applyMovement, from)

/** What a set of movements adds to each balance (what the fund update ADDs, in the same transaction). */
export const deltaOf = (movements: readonly Movement[]) => foldLedger(movements)

/**
 * The fund update's guard: the least `available` the fund must hold for these movements, so
 * it never goes below zero (approved + pending never exceed the allocation).
 */
export const availableNeeded = (movements: readonly Movement[]) => Math.max(0, -deltaOf(movements).availableCents)

/** What must hold of every fund at every moment; answers the first broken rule, or undefined. */
export function brokenInvariant(b: Balances): string | undefined {
  if (BALANCE_FIELDS.some((f) => !Number.isSafeInteger(b[f]) || b[f] < 0)) return 'a balance is negative or not whole cents'
  if (b.availableCents !== b.allocatedCents - b.pendingCents - b.approvedCents - b.lapsedCents)
    return 'available is not allocated - pending - approved - lapsed'
  if (b.paidCents > b.approvedCents) return 'more paid than approved'
  return undefined
}

/** The ledger entries of a change's movements: who made them and when, one id each. */
export function ledgerEntries(
  movements: readonly Movement[],
  ctx: { partnerId: string; period: string; now: Date; by: { email: string; role: Role | 'system' }; newId: () => string },
): LedgerEntry[] {
  return movements.map((m) => ({
    id: ctx.newId(),
    partnerId: ctx.partnerId,
    period: ctx.period,
    ...m,
    at: ctx.now.toISOString(),
    by: ctx.by.email,
    byRole: ctx.by.role,
  }))
}
