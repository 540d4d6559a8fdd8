import { categoryLabel, kindLabel, lifecycleLabel, statusLabel, tierLabel } from '../lib/format'
import { CheckIcon } from './icons'

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

export function CategoryIcon({ category }: { category: string }) {
  const paths: Record<string, string> = {
    'lighting-control': 'M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.4 1 1.1 1 1.9V16h5v-.2c0-.8.4-1.5 1-1.9A6 6 0 0 0 12 3Z',
    'climate-control': 'M14 14.8V5a2 2 0 1 0-4 0v9.8a4 4 0 1 0 4 0ZM12 9v7',
    'security-access': 'M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6l-7-3Zm-2.5 9 2 2 3.5-4',
    'audio-video': 'M4 6h16v10H4zM9 20h6M12 16v4',
    'networking-infrastructure': 'M5 12.5a10 10 0 0 1 14 0M8 15.5a5.5 5.5 0 0 1 8 0M12 19h.01M2 9.5a14.5 14.5 0 0 1 20 0',
    emerging:
      'M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6Z',
  }
  return (
    <svg class="category-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path
        d={paths[category] ?? paths.emerging}
        fill="none"
        stroke="currentColor"
        stroke-width="1.7"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
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
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M10 2.5 18.5 17h-17L10 2.5Z" fill="none" stroke="currentColor" stroke-width="1.7" stroke-linejoin="round" />
          <path d="M10 8v4M10 14.3v.2" stroke="currentColor" stroke-width="1.9" stroke-linecap="round" />
        </svg>
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
