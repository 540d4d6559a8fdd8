/**
 * AWS list prices the cost estimate uses, in USD, region us-east-1 (eu-west-1 is within a few
 * percent). Taken from the AWS pricing pages as of the date below; check them before quoting.
 */
export const PRICES = {
  // the published list prices since DynamoDB's on-demand price cut of 2024-11-01; not re-checked online from the bench machine
  asOf: '2024-11-01',
  region: 'us-east-1',
  /** Lambda, arm64: per request and per GB-second of duration (first pricing tier) */
  lambdaPerRequest: 0.2 / 1e6,
  lambdaArmPerGbSecond: 0.0000133334,
  /** API Gateway HTTP API: per request (first 300 million a month) */
  httpApiPerRequest: 1.0 / 1e6,
  /** DynamoDB on-demand: per read request unit and per write request unit */
  dynamoPerReadUnit: 0.125 / 1e6,
  dynamoPerWriteUnit: 0.625 / 1e6,
} as const

/** Dollars per million requests of a route that runs `durationMs` on `memoryMb` and consumes the given units. */
export function costPerMillion(opts: {
  durationMs: number
  memoryMb: number
  readUnits: number
  writeUnits: number
  http: boolean
}) {
  const billedSeconds = Math.ceil(opts.durationMs) / 1000
  const lambda = PRICES.lambdaPerRequest + (opts.memoryMb / 1024) * billedSeconds * PRICES.lambdaArmPerGbSecond
  const api = opts.http ? PRICES.httpApiPerRequest : 0
  const dynamo = opts.readUnits * PRICES.dynamoPerReadUnit + opts.writeUnits * PRICES.dynamoPerWriteUnit
  const round = (x: number) => Math.round(x * 1e6 * 100) / 100
  return { lambda: round(lambda), api: round(api), dynamo: round(dynamo), total: round(lambda + api + dynamo) }
}
