import {
  BUDGET_LABELS,
  LEAD_STATUS_LABELS,
  OFFER_OUTCOME_LABELS,
  PROJECT_TYPE_LABELS,
  REFERRAL_STATUS_LABELS,
  type BudgetRange,
  type LeadStatus,
  type OfferOutcome,
  type ProjectType,
  type ReferralStatus,
} from '../../../shared/leads/vocabulary'
import { useEffect, useState } from 'preact/hooks'

export const projectTypeLabel = (v: string) => PROJECT_TYPE_LABELS[v as ProjectType] ?? v
export const budgetLabel = (v: string) => BUDGET_LABELS[v as BudgetRange] ?? v
export const leadStatusLabel = (v: string) => LEAD_STATUS_LABELS[v as LeadStatus] ?? v
export const outcomeLabel = (v: string) => OFFER_OUTCOME_LABELS[v as OfferOutcome] ?? v
export const referralStatusLabel = (v: string) => REFERRAL_STATUS_LABELS[v as ReferralStatus] ?? v

/** The current time, again every `everyMs` (for countdowns). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

/** 93_600_000 -> "1 day 2 hours"; under an hour: minutes. */
export function durationWords(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`
  if (days) return hours ? `${part(days, 'day')} ${part(hours, 'hour')}` : part(days, 'day')
  if (hours) return mins ? `${part(hours, 'hour')} ${part(mins, 'minute')}` : part(hours, 'hour')
  return part(Math.max(mins, 1), 'minute')
}

/** "4 Dec 2026, 14:00" in the reader's time zone */
export function whenWords(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
}
