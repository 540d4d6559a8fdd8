/** The arithmetic behind `npm run bench`'s figures and budgets. */
import { describe, expect, it } from 'vitest'
import { check } from '../../bench/budgets'
import { requestUnits, roundTrips, type DynamoCall } from '../../bench/local'
import { costPerMillion, PRICES } from '../../bench/prices'
import { percentile, spread } from '../../bench/stats'

const call = (op: string, at: number, end: number, capacity = 0.5): DynamoCall => ({
  op,
  at,
  end,
  capacity,
  request: { headers: {}, body: '' },
})

describe('spread', () => {
  it('is the median with min and max, the middle pair averaged for an even count', () => {
    expect(spread([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 })
    expect(spread([4, 1, 3, 2]).median).toBe(2.5)
  })
})

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1)
    expect(percentile(xs, 50)).toBe(50)
    expect(percentile(xs, 99)).toBe(99)
    expect(percentile([7], 99)).toBe(7)
  })
})

describe('roundTrips', () => {
  it('counts calls made in parallel once and calls made one after another each', () => {
    expect(roundTrips([])).toBe(0)
    expect(roundTrips([call('GetItem', 0, 10), call('Query', 2, 12)])).toBe(1)
    expect(roundTrips([call('GetItem', 0, 10), call('GetItem', 11, 20), call('Query', 21, 30)])).toBe(3)
  })
})

describe('requestUnits', () => {
  it('splits what the table reported into reads and writes', () => {
    expect(requestUnits([call('Query', 0, 1, 1.5), call('TransactWriteItems', 1, 2, 4), call('GetItem', 2, 3)])).toEqual({
      read: 2,
      write: 4,
    })
  })
})

describe('costPerMillion', () => {
  it('adds the Lambda request and duration, the HTTP API request and the DynamoDB units', () => {
    const cost = costPerMillion({ durationMs: 100, memoryMb: 1024, readUnits: 1, writeUnits: 0, http: true })
    const lambda = (PRICES.lambdaPerRequest + 0.1 * PRICES.lambdaArmPerGbSecond) * 1e6
    expect(cost.lambda).toBeCloseTo(lambda, 2)
    expect(cost.api).toBe(1)
    expect(cost.dynamo).toBeCloseTo(PRICES.dynamoPerReadUnit * 1e6, 1)
    expect(cost.total).toBeCloseTo(lambda + 1 + PRICES.dynamoPerReadUnit * 1e6, 1)
  })

  it('bills whole milliseconds and no API for event functions', () => {
    const cost = costPerMillion({ durationMs: 0.2, memoryMb: 512, readUnits: 0, writeUnits: 2, http: false })
    expect(cost.api).toBe(0)
    expect(cost.dynamo).toBeCloseTo(2 * PRICES.dynamoPerWriteUnit * 1e6, 2)
  })
})

describe('check', () => {
  it('passes at the limit and fails above it', () => {
    expect(check('b', 's', 1.25, 1.25).ok).toBe(true)
    expect(check('b', 's', 1.26, 1.25).ok).toBe(false)
  })
})
