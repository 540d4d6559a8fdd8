import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../../shared/errors'
import {
  BALANCE_FIELDS,
  availableNeeded,
  brokenInvariant,
  deltaOf,
  foldLedger,
  type Balances,
  type Movement,
} from '../../shared/mdf/ledger'
import {
  adjustAllocation,
  decideClaim,
  isClosed,
  lapseMovements,
  newClaim,
  recordPayment,
  resubmitClaim,
} from '../../shared/mdf/rules'
import { holdsReservation } from '../../shared/mdf/vocabulary'
import { type Claim, type Fund } from '../../shared/schemas/mdf'
import { ClaimInput, DecisionInput } from '../../shared/schemas/mdf-input'
import { ACTORS, DOCS, NOW, claimBody, fundOf } from '../helpers/mdf'

/**
 * Random sequences of everything that moves a fund's money, each planned by the pure rules on a
 * possibly stale read of the state (as concurrent requests plan) and applied only if the write's
 * conditions hold on the current state (as DynamoDB applies them): the claim's status and
 * version, the fund's guard that `available` covers what the change takes, its open/closed state
 * and, for allocation changes, its version. Whatever the sequence, the fund equals the fold of its
 * ledger, the ledger agrees with the claims, approved + pending never exceed the allocation, and
 * nothing is available in a closed fund.
 */

interface State {
  fund: Fund
  claims: Claim[]
  ledger: Movement[]
}

/** What a change needs to hold at write time, as the repository's conditions say it. */
interface Plan {
  claim?: { next: Claim; expectedVersion: number | null }
  movements: Movement[]
  expect: { closed?: boolean; version?: number; availableCents?: number }
  set?: Partial<Fund>
}

const Cmd = fc.oneof(
  fc.record({
    op: fc.constant('file' as const),
    amount: fc.integer({ min: 1, max: 9_000_00 }),
    complete: fc.boolean(),
    homeaiq: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('decide' as const),
    pick: fc.nat(),
    decision: fc.constantFrom('approve', 'partial', 'reject', 'request-info'),
    part: fc.integer({ min: 1, max: 99 }),
  }),
  fc.record({ op: fc.constant('resubmit' as const), pick: fc.nat(), amount: fc.integer({ min: 1, max: 9_000_00 }) }),
  fc.record({ op: fc.constant('pay' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('adjust' as const), allocation: fc.integer({ min: 1, max: 40_000_00 }) }),
  fc.record({ op: fc.constant('close' as const) }),
)
type Cmd = typeof Cmd extends fc.Arbitrary<infer C> ? C : never

const Step = fc.record({ cmd: Cmd, stale: fc.integer({ min: 0, max: 3 }) })

const { staff, rep, admin } = ACTORS
const filer = (c: Claim) => (c.filedBy === 'partner' ? rep : staff)
const decider = (c: Claim) => (c.filedBy === 'partner' ? staff : admin)
const pick = <T>(items: T[], n: number) => (items.length ? items[n % items.length] : undefined)

function plan(s: State, cmd: Cmd, id: string): Plan | undefined {
  const open = { closed: isClosed(s.fund) }
  switch (cmd.op) {
    case 'file': {
      const kinds = cmd.complete ? undefined : { [DOCS[0]!.id]: 'invoice', [DOCS[1]!.id]: 'invoice' }
      const input = ClaimInput.parse(claimBody({ amountCents: cmd.amount, ...(kinds ? { proofKinds: kinds } : {}) }))
      const actor = cmd.homeaiq ? staff : rep
      const { claim, movements } = newClaim(input, { id, partnerName: 'Lutron', fund: s.fund, actor, now: NOW, documents: DOCS })
      return { claim: { next: claim, expectedVersion: null }, movements, expect: { closed: false } }
    }
    case 'decide': {
      const claim = pick(s.claims, cmd.pick)
      if (!claim) return undefined
      const body =
        cmd.decision === 'partial'
          ? { decision: 'approve', approvedCents: Math.max(1, Math.floor((claim.amountCents * cmd.part) / 100)) }
          : cmd.decision === 'approve'
            ? { decision: 'approve' }
            : { decision: cmd.decision, reason: 'Because of the rules' }
      const out = decideClaim(claim, DecisionInput.parse(body), { actor: decider(claim), now: NOW, fundClosed: isClosed(s.fund) })
      return { claim: { next: out.claim, expectedVersion: claim.version }, movements: out.movements, expect: open }
    }
    case 'resubmit': {
      const claim = pick(s.claims, cmd.pick)
      if (!claim) return undefined
      const input = ClaimInput.parse(claimBody({ amountCents: cmd.amount }))
      const out = resubmitClaim(claim, input, { fund: s.fund, actor: filer(claim), now: NOW, documents: DOCS })
      return { claim: { next: out.claim, expectedVersion: claim.version }, movements: out.movements, expect: open }
    }
    case 'pay': {
      const claim = pick(s.claims, cmd.pick)
      if (!claim) return undefined
      const out = recordPayment(claim, { reference: 'ACH-1', paidOn: '2026-12-02' }, { actor: decider(claim), now: NOW })
      return { claim: { next: out.claim, expectedVersion: claim.version }, movements: out.movements, expect: {} }
    }
    case 'adjust': {
      const movements = adjustAllocation(s.fund, { allocatedCents: cmd.allocation, reason: 'Rebalanced' })
      return { movements, expect: { closed: false, version: s.fund.version }, set: { version: s.fund.version + 1 } }
    }
    case 'close':
      if (isClosed(s.fund)) return undefined
      return {
        movements: lapseMovements(s.fund),
        expect: { closed: false, availableCents: s.fund.availableCents },
        set: { closedAt: NOW.toISOString() },
      }
  }
}

/** The conditional write: all of it when every condition holds on the current state, else nothing. */
function apply(c: State, p: Plan): State {
  const current = p.claim && c.claims.find((x) => x.id === p.claim!.next.id)
  if (p.claim && (current?.version ?? null) !== p.claim.expectedVersion) return c
  const { closed, version, availableCents } = p.expect
  if (availableNeeded(p.movements) > c.fund.availableCents) return c
  if (closed !== undefined && closed !== isClosed(c.fund)) return c
  if (version !== undefined && version !== c.fund.version) return c
  if (availableCents !== undefined && availableCents !== c.fund.availableCents) return c
  const delta = deltaOf(p.movements)
  const fund = { ...c.fund, ...p.set }
  for (const field of BALANCE_FIELDS) fund[field] += delta[field]
  const claims = p.claim ? [...c.claims.filter((x) => x.id !== p.claim!.next.id), p.claim.next] : c.claims
  return { fund, claims, ledger: [...c.ledger, ...p.movements] }
}

const balancesOf = (f: Balances): Balances => Object.fromEntries(BALANCE_FIELDS.map((k) => [k, f[k]])) as unknown as Balances
const sum = (claims: Claim[], of: (c: Claim) => number) => claims.reduce((total, c) => total + of(c), 0)

function assertBooksAgree(s: State) {
  expect(brokenInvariant(s.fund)).toBeUndefined()
  expect(balancesOf(s.fund)).toEqual(foldLedger(s.ledger))
  expect(s.fund.approvedCents + s.fund.pendingCents).toBeLessThanOrEqual(s.fund.allocatedCents)
  if (isClosed(s.fund)) expect(s.fund.availableCents).toBe(0) // after close, released money lapses too
  expect(s.fund.pendingCents).toBe(sum(s.claims, (c) => (holdsReservation(c.status) ? c.amountCents : 0)))
  expect(s.fund.approvedCents).toBe(sum(s.claims, (c) => c.approvedCents ?? 0))
  expect(s.fund.paidCents).toBe(sum(s.claims, (c) => (c.status === 'paid' ? c.approvedCents! : 0)))
}

describe('the MDF ledger under any sequence of operations', () => {
  it('keeps the fund equal to its ledger, consistent with its claims, and within its allocation', () => {
    fc.assert(
      fc.property(fc.array(Step, { minLength: 1, maxLength: 60 }), (steps) => {
        const fund = fundOf()
        const start: State = { fund, claims: [], ledger: [{ kind: 'allocate', amountCents: fund.allocatedCents }] }
        const history = [start]
        steps.forEach(({ cmd, stale }, i) => {
          const read = history[Math.max(0, history.length - 1 - stale)]!
          let p: Plan | undefined
          try {
            p = plan(read, cmd, `C${i}`)
          } catch (error) {
            if (!(error instanceof DomainError)) throw error // the rules refused: nothing is written
          }
          const next = p ? apply(history.at(-1)!, p) : history.at(-1)!
          assertBooksAgree(next)
          history.push(next)
        })
      }),
      { numRuns: 400 },
    )
  })

  it('sums any split of a ledger the same as the whole (balances can be folded incrementally)', () => {
    const movement = fc.record({
      kind: fc.constantFrom('allocate', 'adjust', 'reserve', 'release', 'approve', 'pay', 'lapse' as const),
      amountCents: fc.integer({ min: -1_000_00, max: 1_000_00 }),
    }) as fc.Arbitrary<Movement>
    fc.assert(
      fc.property(fc.array(movement), fc.array(movement), (a, b) => {
        expect(foldLedger(b, foldLedger(a))).toEqual(foldLedger([...a, ...b]))
      }),
    )
  })
})
