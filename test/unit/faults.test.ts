import { describe, expect, it } from 'vitest'
import { UnavailableError } from '../../shared/errors'
import { tokenTimeProblem } from '../../functions/auth/token-rules'
import { asUnavailable } from '../../functions/data/faults'
import { isTransactionConflict, retryOnTransactionConflict } from '../../functions/data/transact'

const canceled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  })

describe('transaction conflicts', () => {
  it('tells a conflict with another transaction from a failed condition', () => {
    expect(isTransactionConflict(canceled('None', 'TransactionConflict'))).toBe(true)
    expect(isTransactionConflict(Object.assign(new Error('x'), { name: 'TransactionConflictException' }))).toBe(true)
    expect(isTransactionConflict(canceled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false)
    expect(isTransactionConflict(canceled('ConditionalCheckFailed'))).toBe(false)
    expect(isTransactionConflict(new Error('other'))).toBe(false)
  })

  it('retries a conflicting transaction with growing waits, and gives up after a few tries', async () => {
    const waits: number[] = []
    const sleep = async (ms: number) => void waits.push(ms)
    let calls = 0
    const settled = await retryOnTransactionConflict(
      async () => {
        calls++
        if (calls < 3) throw canceled('TransactionConflict')
        return 'written'
      },
      { sleep },
    )
    expect(settled).toBe('written')
    expect(calls).toBe(3)
    expect(waits).toHaveLength(2)

    let always = 0
    await expect(
      retryOnTransactionConflict(
        async () => {
          always++
          throw canceled('TransactionConflict')
        },
        { sleep },
      ),
    ).rejects.toThrow('Transaction cancelled')
    expect(always).toBe(4)
  })

  it('never retries a failed condition: that is the answer', async () => {
    let calls = 0
    await expect(
      retryOnTransactionConflict(async () => {
        calls++
        throw canceled('ConditionalCheckFailed')
      }),
    ).rejects.toThrow()
    expect(calls).toBe(1)
  })
})

describe('dependency faults', () => {
  it('are 503s when the service did not answer or asks to slow down, and nothing else is', () => {
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError', code: 'ETIMEDOUT' })
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
    const throttled = Object.assign(new Error('slow down'), { name: 'ThrottlingException', $fault: 'client' })
    const server = Object.assign(new Error('boom'), {
      name: 'InternalServerError',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    })
    for (const e of [timeout, refused, throttled, server]) expect(asUnavailable(e)).toBeInstanceOf(UnavailableError)
    expect(asUnavailable(Object.assign(new Error('bad'), { name: 'ValidationException', $fault: 'client' }))).toBeUndefined()
    expect(asUnavailable(new TypeError('bug'))).toBeUndefined()
  })
})

describe('token times', () => {
  const now = 1_800_000_000
  const opts = { nowSeconds: now, maxLifetimeSeconds: 3600 }
  it('accepts a token within its lifetime, with a little clock skew', () => {
    expect(tokenTimeProblem({ iat: now - 60, exp: now + 3540 }, opts)).toBeUndefined()
    expect(tokenTimeProblem({ iat: now + 30, exp: now + 3630 }, opts)).toBeUndefined()
  })
  it.each([
    [{ iat: now }, 'the token has no expiry'],
    [{ exp: now + 60 }, 'the token has no issue time'],
    [{ iat: now + 600, exp: now + 1200 }, 'the token is issued in the future'],
    [{ iat: now, exp: now + 7 * 24 * 3600 }, 'the token lives longer than the issuer allows'],
    [{ iat: now - 7200, exp: now - 3600 }, 'the token has expired'],
  ])('refuses %j: %s', (claims, problem) => {
    expect(tokenTimeProblem(claims, opts)).toBe(problem)
  })
})
