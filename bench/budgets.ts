/** The performance budgets `npm run bench -- --check` enforces (the README states the same). */
export const BUDGETS = {
  /** every function's cold init (median) at most this times the floor's */
  coldInitRatio: 1.25,
  /** every bundle (minified) at most this times the floor's */
  bundleRatio: 1.4,
  /**
   * sequential DynamoDB round trips of a warm read request: the identity's and the tenant
   * guard's reads come from the container's cache; calls made in parallel count once
   */
  readRouteRoundTrips: 1,
  /** list and search latency at the large data set, times that at the small one */
  scaleRatio: 1.2,
  /** JavaScript of the web's first page, gzip */
  firstPageJsGzipBytes: 60 * 1024,
} as const

export interface BudgetCheck {
  budget: string
  subject: string
  value: number | string
  limit: number | string
  ok: boolean
}

export const check = (budget: string, subject: string, value: number, limit: number): BudgetCheck => ({
  budget,
  subject,
  value,
  limit,
  ok: value <= limit,
})
