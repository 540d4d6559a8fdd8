import { describe, expect, it } from 'vitest'
import { UnavailableError } from '../../shared/errors'
import { tokenTimeProblem } from '../../functions/auth/token-rules'
import { batchGet, type Db, type ItemKey } from '../../functions/data/db'
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

// DynamoDB Local never leaves keys unprocessed; throttled DynamoDB does: the client is stood in for here
describe('batch reads left unprocessed', () => {
  const key = (n: number): ItemKey => ({ PK: `P#${n}`, SK: 'A' })
  type Asked = { Keys: ItemKey[] }
  /** A table that answers at most `perCall` of the keys it is asked for, the rest unprocessed; every key exists. */
  function busyTable(perCall: number) {
    const asked: ItemKey[][] = []
    const send = async (command: { input: { RequestItems: Record<string, Asked> } }) => {
      const keys = command.input.RequestItems.t!.Keys
      asked.push(keys)
      const rest = keys.slice(perCall)
      return { Responses: { t: keys.slice(0, perCall) }, UnprocessedKeys: rest.length ? { t: { Keys: rest } } : {} }
    }
    return { db: { doc: { send }, table: 't', cursorKey: new Uint8Array() } as unknown as Db, asked }
  }

  it('asks again for what was left, after growing waits, until every key is read', async () => {
    const { db, asked } = busyTable(2)
    const waits: number[] = []
    const items = await batchGet(db, [key(1), key(2), key(3), key(1), key(4), key(5)], undefined, {
      sleep: async (ms) => void waits.push(ms),
    })
    expect(items.map((i) => i.PK).sort()).toEqual(['P#1', 'P#2', 'P#3', 'P#4', 'P#5'])
    expect(asked.map((keys) => keys.length)).toEqual([5, 3, 1])
    expect(waits).toHaveLength(2)
  })

  it('reads 100 keys a call', async () => {
    const { db, asked } = busyTable(100)
    const items = await batchGet(
      db,
      Array.from({ length: 250 }, (_, n) => key(n)),
    )
    expect(items).toHaveLength(250)
    expect(asked.map((keys) => keys.length)).toEqual([100, 100, 50])
  })

  it('gives up with a 503 after a few tries rather than answer part of the records', async () => {
    const { db, asked } = busyTable(0)
    await expect(batchGet(db, [key(1)], undefined, { sleep: async () => {} })).rejects.toBeInstanceOf(UnavailableError)
    expect(asked).toHaveLength(5)
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
