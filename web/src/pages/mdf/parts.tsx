import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { describeError } from '../../api/client'
import type { MdfClaim, MdfFund, MdfLedgerEntry } from '../../api/types'
import { formatDate, formatDateTime, formatDay, formatMoney } from '../../lib/format'
import { openDownload } from '../../lib/upload'
import { Link } from '../../router'
import { AlertIcon, CheckIcon, FileIcon } from '../../components/icons'
import {
  ACTIVITY_LABELS,
  CLAIM_STATUS_LABELS,
  LEDGER_LABELS,
  PROOF_LABELS,
  REQUIRED_PROOF,
  type ActivityType,
  type ClaimStatus,
  type LedgerKind,
  type ProofKind,
  type Side,
} from '../../../../shared/mdf/vocabulary'

/** "Oct 13 – Nov 3, 2026"; one day: "Nov 3, 2026" */
export function dayRange(start: string, end: string): string {
  if (start === end) return formatDay(start)
  const sameYear = start.slice(0, 4) === end.slice(0, 4)
  return `${sameYear ? formatDay(start).replace(/, \d{4}$/, '') : formatDay(start)} – ${formatDay(end)}`
}

export const activityLabel = (type: string) => ACTIVITY_LABELS[type as ActivityType] ?? type
export const proofLabel = (kind: string) => PROOF_LABELS[kind as ProofKind] ?? kind
export const sideLabel = (side: Side, partnerName = 'Partner') => (side === 'homeaiq' ? 'HomeAIQ' : partnerName)

/** A table that may scroll sideways on a phone: a focusable region, so the keyboard can scroll it too. */
function ScrollableTable({ caption, children }: { caption: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      {children}
    </div>
  )
}

export function ClaimStatusBadge({ status }: { status: string }) {
  return <span class={`badge badge--claim badge--claim-${status}`}>{CLAIM_STATUS_LABELS[status as ClaimStatus] ?? status}</span>
}

/** The parts of an allocation, in the order the bar stacks them (paid is the part of approved that was paid). */
function partsOf(fund: MdfFund) {
  return [
    { key: 'paid', label: 'Paid', cents: fund.paidCents },
    { key: 'approved', label: 'Approved, not yet paid', cents: fund.approvedCents - fund.paidCents },
    { key: 'pending', label: 'Pending decision', cents: fund.pendingCents },
    { key: 'lapsed', label: 'Lapsed', cents: fund.lapsedCents },
    { key: 'available', label: 'Available', cents: fund.availableCents },
  ]
}

/**
 * The fund as one stacked bar of its allocation (an SVG with a title and a description), and
 * beside it the same figures as text: the chart's text alternative, visible to everyone.
 */
export function FundChart({ fund }: { fund: MdfFund }) {
  const parts = partsOf(fund)
  const total = Math.max(fund.allocatedCents, 1)
  let x = 0
  const id = `fund-chart-${fund.period}`
  const description = parts
    .filter((p) => p.cents > 0 || p.key === 'available')
    .map((p) => `${p.label}: ${formatMoney(p.cents)}`)
    .join('; ')
  return (
    <div class="fund-chart">
      <svg
        class="fund-chart__bar"
        viewBox="0 0 1000 40"
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{`${fund.period} fund: ${formatMoney(fund.allocatedCents)} allocated`}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect class="fund-chart__track" x="0" y="0" width="1000" height="40" rx="6" />
        {parts.map((p) => {
          const width = (p.cents / total) * 1000
          const rect = width > 0 && (
            <rect key={p.key} class={`fund-chart__part fund-chart__part--${p.key}`} x={x} y="0" width={width} height="40" />
          )
          x += width
          return rect
        })}
      </svg>
      <dl class="fund-figures">
        <div class="fund-figures__total">
          <dt>Allocated</dt>
          <dd>{formatMoney(fund.allocatedCents)}</dd>
        </div>
        <div>
          <dt>
            <span class="swatch swatch--approved" aria-hidden="true" />
            Approved
          </dt>
          <dd>{formatMoney(fund.approvedCents)}</dd>
        </div>
        <div>
          <dt>
            <span class="swatch swatch--paid" aria-hidden="true" />
            Paid
          </dt>
          <dd>{formatMoney(fund.paidCents)}</dd>
        </div>
        <div>
          <dt>
            <span class="swatch swatch--pending" aria-hidden="true" />
            Pending
          </dt>
          <dd>{formatMoney(fund.pendingCents)}</dd>
        </div>
        {fund.lapsedCents > 0 && (
          <div>
            <dt>
              <span class="swatch swatch--lapsed" aria-hidden="true" />
              Lapsed
            </dt>
            <dd>{formatMoney(fund.lapsedCents)}</dd>
          </div>
        )}
        <div>
          <dt>
            <span class="swatch swatch--available" aria-hidden="true" />
            Available
          </dt>
          <dd>{formatMoney(fund.availableCents)}</dd>
        </div>
      </dl>
    </div>
  )
}

/** A claim's proof of performance: each document with what it proves and a download, and what is still missing. */
export function ProofList({ claim }: { claim: MdfClaim }) {
  const [error, setError] = useState<string>()
  const required = REQUIRED_PROOF[claim.activityType as ActivityType] ?? []
  return (
    <div>
      <ul class="file-list" aria-label="Proof of performance">
        {claim.documents.map((doc) => (
          <li key={doc.documentId} class="file-row">
            <span class="file-row__icon">
              <FileIcon />
            </span>
            <span class="file-row__name">
              {doc.filename}
              <span class="table__sub table__sub--plain">{proofLabel(doc.kind)}</span>
            </span>
            <span class="file-row__actions">
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() => {
                  setError(undefined)
                  openDownload(claim.partnerId, doc.documentId).catch((e: unknown) => setError(describeError(e)))
                }}
              >
                Download<span class="visually-hidden"> {doc.filename}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div role="alert">{error && <p class="field__error">{error}</p>}</div>
      <ul class="proof-checklist" aria-label={`Proof a ${activityLabel(claim.activityType).toLowerCase()} needs`}>
        {required.map((kind) => {
          const missing = claim.missingProof.includes(kind)
          return (
            <li key={kind} class={missing ? 'proof-checklist__missing' : 'proof-checklist__ok'}>
              {missing ? <AlertIcon /> : <CheckIcon />}
              {proofLabel(kind)}
              <span class="visually-hidden">{missing ? ': missing' : ': attached'}</span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

/**
 * Claims with their activity, amounts and status: a fund's (who filed each, and when it took
 * place) or, for the staff queue, across partners (whose, submitted when, and who decides).
 */
export function ClaimsTable({
  claims,
  claimHref,
  partnerName,
  caption,
  queue,
}: {
  claims: MdfClaim[]
  claimHref: (claim: MdfClaim) => string
  partnerName?: string | undefined
  caption: string
  queue?: boolean
}) {
  return (
    <ScrollableTable caption={caption}>
      <table class={`table ${queue ? 'table--queue' : 'table--claims'}`}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{queue ? 'Claim' : 'Activity'}</th>
            <th scope="col">{queue ? 'Partner' : 'Filed by'}</th>
            <th scope="col">{queue ? 'Submitted' : 'Dates'}</th>
            <th scope="col" class="numeric">
              Claimed
            </th>
            <th scope="col" class="numeric">
              Approved
            </th>
            {queue && <th scope="col">Decides</th>}
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.id}>
              <th scope="row">
                <Link href={claimHref(claim)}>{activityLabel(claim.activityType)}</Link>
                <span class="table__sub table__sub--plain clamp-1">
                  {queue ? `${claim.period}${claim.missingProof.length ? ' · proof missing' : ''}` : claim.description}
                </span>
              </th>
              <td>{queue ? claim.partnerName : sideLabel(claim.filedBy, partnerName)}</td>
              <td class="nowrap">{queue ? formatDate(claim.submittedAt) : dayRange(claim.activityStart, claim.activityEnd)}</td>
              <td class="numeric">{formatMoney(claim.amountCents)}</td>
              <td class="numeric">{claim.approvedCents === undefined ? '—' : formatMoney(claim.approvedCents)}</td>
              {queue && <td>{claim.decidedBySide === 'homeaiq' ? 'HomeAIQ' : `${claim.partnerName} admin`}</td>}
              <td>
                <ClaimStatusBadge status={claim.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  )
}

/** What an entry does to the money that is still free to claim: + back into it, − out of it. */
function effectOn(entry: MdfLedgerEntry): string {
  const sign: Partial<Record<LedgerKind, 1 | -1>> = { allocate: 1, adjust: 1, release: 1, reserve: -1, lapse: -1 }
  const s = sign[entry.kind]
  if (!s) return ''
  const cents = s * entry.amountCents
  return cents >= 0 ? `+${formatMoney(cents)}` : `−${formatMoney(-cents)}`
}

/** Every movement of the fund's money, oldest first, with its effect on what is available. */
export function LedgerTable({
  entries,
  claimHref,
  caption,
}: {
  entries: MdfLedgerEntry[]
  claimHref: (id: string) => string
  caption: string
}) {
  return (
    <ScrollableTable caption={caption}>
      <table class="table table--compact table--ledger">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Movement</th>
            <th scope="col" class="numeric">
              Amount
            </th>
            <th scope="col" class="numeric">
              Available
            </th>
            <th scope="col">By</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td class="nowrap">{formatDateTime(entry.at)}</td>
              <th scope="row">
                {LEDGER_LABELS[entry.kind]}
                {entry.claimId && (
                  <span class="table__sub table__sub--plain">
                    <Link href={claimHref(entry.claimId)}>Claim {entry.claimId.slice(-6)}</Link>
                  </span>
                )}
              </th>
              <td class="numeric">{formatMoney(entry.amountCents)}</td>
              <td class="numeric">{effectOn(entry)}</td>
              <td>{entry.by === 'system' ? 'Portal (automatic)' : entry.by}</td>
              <td>{entry.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  )
}
