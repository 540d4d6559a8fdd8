import { categoryLabel, kindLabel, lifecycleLabel, statusLabel, tierLabel } from '../lib/format'
import { CategoryIcon, CheckIcon, WarningIcon } from './icons'

export function TierBadge({ tier }: { tier: string }) {
  return <span class={`badge badge--tier badge--${tier}`}>{tierLabel(tier)}</span>
}

export function StatusPill({ status }: { status: string }) {
  return (
    <span class={`pill pill--${status}`}>
      <span class="pill__dot" aria-hidden="true" />
      {statusLabel(status)}
    </span>
  )
}

export function CategoryTag({ category }: { category: string }) {
  return (
    <span class="category">
      <CategoryIcon category={category} />
      {categoryLabel(category)}
    </span>
  )
}

export function LifecycleBadge({ lifecycle }: { lifecycle: string }) {
  return <span class={`badge badge--lifecycle badge--${lifecycle}`}>{lifecycleLabel(lifecycle)}</span>
}

export function KindBadge({ kind }: { kind: string }) {
  return <span class={`badge badge--kind badge--kind-${kind}`}>{kindLabel(kind)}</span>
}

/** The acknowledgement state of a briefing, for partner and staff lists. */
export function AckMarker({
  briefing,
  staff,
}: {
  briefing: { requiresAck: boolean; flagged: boolean; acknowledgedByMe?: boolean; acknowledgements: unknown[] }
  staff?: boolean
}) {
  if (briefing.flagged) {
    return (
      <span class="marker marker--flagged">
        <WarningIcon />
        Needs acknowledgement
      </span>
    )
  }
  if (staff && briefing.acknowledgedByMe) return <AckedMarker label="Acknowledged by you" />
  if (briefing.acknowledgements.length > 0)
    return <AckedMarker label={staff ? 'Acknowledged by the team' : 'Acknowledged by HomeAIQ'} />
  return null
}

function AckedMarker({ label }: { label: string }) {
  return (
    <span class="marker marker--acked">
      <CheckIcon />
      {label}
    </span>
  )
}

/** A product certified by one of the partner's active badges. */
export function CertifiedMarker({ programs }: { programs: string[] }) {
  if (programs.length === 0) return null
  return (
    <span class="cert-marker" title={programs.join(', ')}>
      <CheckIcon />
      Certified<span class="visually-hidden">: {programs.join(', ')}</span>
    </span>
  )
}
