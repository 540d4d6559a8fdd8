import { MDF_LIMITS, PERIOD_PATTERN } from './vocabulary'

/**
 * Fund periods and the calendar days MDF's rules compare: `YYYY-Qn` (a quarter) or `YYYY` (a
 * year). Days are ISO `YYYY-MM-DD` strings in UTC, which compare correctly as strings.
 */
export interface PeriodRange {
  /** first day */
  start: string
  /** last day */
  end: string
}

export const isPeriod = (value: string) => PERIOD_PATTERN.test(value)

export function periodRange(period: string): PeriodRange {
  const match = PERIOD_PATTERN.exec(period)
  if (!match) throw new Error(`not a period: ${period}`)
  const year = Number(match[1])
  if (!match[2]) return { start: `${year}-01-01`, end: `${year}-12-31` }
  const quarter = Number(match[2])
  const firstMonth = (quarter - 1) * 3 // 0-based
  const start = day(new Date(Date.UTC(year, firstMonth, 1)))
  const end = day(new Date(Date.UTC(year, firstMonth + 3, 0))) // day 0 of the next quarter's month = last day of this one
  return { start, end }
}

/** The quarter a day falls in: `2026-11-30` -> `2026-Q4`. */
export function quarterOf(isoDay: string): string {
  const [year, month] = isoDay.split('-').map(Number) as [number, number]
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`
}

/** The quarter before: `2026-Q1` -> `2025-Q4`. */
export function previousQuarter(period: string): string {
  const { start } = periodRange(period)
  return quarterOf(addDays(start, -1))
}

export const day = (date: Date) => date.toISOString().slice(0, 10)

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return day(date)
}

/** The last day claims are taken and the fund's balance may be claimed: 60 days after the period. */
export const closesOn = (period: string) => addDays(periodRange(period).end, MDF_LIMITS.closeAfterDays)

/** The day partners with an unclaimed balance are reminded: 30 days before the fund closes. */
export const remindOn = (period: string) => addDays(closesOn(period), -MDF_LIMITS.remindDaysBeforeClose)

/** The last day a claim for an activity that ended on `activityEnd` may be filed. */
export const claimDueBy = (activityEnd: string) => addDays(activityEnd, MDF_LIMITS.claimDueDays)

/** The periods a screen offers: this quarter and the `count - 1` before it, then this year. */
export function recentPeriods(isoDay: string, count = 4): string[] {
  const quarters = [quarterOf(isoDay)]
  while (quarters.length < count) quarters.push(previousQuarter(quarters.at(-1)!))
  return [...quarters, isoDay.slice(0, 4)]
}
