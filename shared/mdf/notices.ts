import { partnerAdmins, partnerUsers, staffAudience, type OutboxMessage } from '../notifications/outbox'
import type { Claim, Fund } from '../schemas/mdf'
import { usd } from '../format'
import { ACTIVITY_LABELS, type Side } from './vocabulary'

/**
 * What MDF tells people, through the outbox. Each message goes to the side that must act or
 * that it concerns, and carries only what that side sees of the claim anyway (the claim's own
 * words and amounts; never who at HomeAIQ acted, never the revenue behind an allocation).
 */
export type Notice = Omit<OutboxMessage, 'id' | 'createdAt'>

/** Where a side reads a claim in the portal. */
export const claimLink = (claim: Pick<Claim, 'partnerId' | 'id'>, side: Side) =>
  side === 'homeaiq' ? `/staff/mdf/claims/${claim.partnerId}/${claim.id}` : `/workspace/mdf/claims/${claim.id}`

/** The side's users who hear about a claim: partner admins decide and pay; every partner user hears about their claims. */
function audienceOf(claim: Claim, side: Side, deciding: boolean) {
  if (side === 'homeaiq') return staffAudience
  return deciding ? partnerAdmins(claim.partnerId) : partnerUsers(claim.partnerId)
}

const summary = (claim: Claim) =>
  `${ACTIVITY_LABELS[claim.activityType]} · ${usd(claim.amountCents)} · ${claim.period}: ${claim.description.slice(0, 140)}`

/** A claim was filed or resubmitted: the side that decides it. */
export function claimSubmittedNotice(claim: Claim): Notice {
  const deciders: Side = claim.filedBy === 'partner' ? 'homeaiq' : 'partner'
  const again = claim.events.some((e) => e.action === 'resubmitted') ? ' (resubmitted)' : ''
  return {
    kind: 'mdf-claim-submitted',
    audience: audienceOf(claim, deciders, true),
    partnerId: claim.partnerId,
    title:
      claim.filedBy === 'partner'
        ? `${claim.partnerName}: MDF claim to decide${again}`
        : `HomeAIQ claims MDF from your ${claim.period} fund${again}`,
    body: summary(claim),
    link: claimLink(claim, deciders),
  }
}

const DECIDED_TITLES = {
  approved: (c: Claim) =>
    c.approvedCents === c.amountCents
      ? `MDF claim approved: ${usd(c.amountCents)}`
      : `MDF claim approved in part: ${usd(c.approvedCents ?? 0)} of ${usd(c.amountCents)}`,
  rejected: () => 'MDF claim rejected',
  'info-requested': () => 'MDF claim: information requested',
} as const

/** A claim was decided: the side that filed it, with the decision's reason. */
export function claimDecidedNotice(claim: Claim): Notice {
  const status = claim.status as keyof typeof DECIDED_TITLES
  const reason = claim.events.at(-1)?.reason
  return {
    kind: 'mdf-claim-decided',
    audience: audienceOf(claim, claim.filedBy, false),
    partnerId: claim.partnerId,
    title: DECIDED_TITLES[status](claim),
    body: reason ? `${summary(claim)}\n\n${reason}` : summary(claim),
    link: claimLink(claim, claim.filedBy),
  }
}

/** An approved claim was paid: the side that filed it. */
export function claimPaidNotice(claim: Claim): Notice {
  return {
    kind: 'mdf-claim-paid',
    audience: audienceOf(claim, claim.filedBy, false),
    partnerId: claim.partnerId,
    title: `MDF claim paid: ${usd(claim.approvedCents ?? 0)}`,
    body: `${summary(claim)}\n\nPaid on ${claim.payment?.paidOn}, reference ${claim.payment?.reference}.`,
    link: claimLink(claim, claim.filedBy),
  }
}

/** 30 days before a fund closes with money left: every user of the partner. */
export function fundClosingNotice(fund: Fund): Notice {
  return {
    kind: 'mdf-fund-closing',
    audience: partnerUsers(fund.partnerId),
    partnerId: fund.partnerId,
    title: `${usd(fund.availableCents)} of your ${fund.period} MDF is unclaimed`,
    body: `Claims for ${fund.period} close on ${fund.closesOn}. What is not claimed by then lapses.`,
    link: `/workspace/mdf?period=${fund.period}`,
  }
}
