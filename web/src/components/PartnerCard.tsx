import { useState } from 'preact/hooks'
import type { PublicPartner } from '../api/types'
import { regionLabel } from '../lib/format'
import { Link } from '../router'
import { CategoryTag, TierBadge } from './badges'
import { PinIcon } from './icons'

export function Monogram({ name, category, large }: { name: string; category: string; large?: boolean }) {
  const words = name.replace(/\(.*?\)/g, ' ').match(/[A-Za-z0-9]+/g) ?? [name]
  const letters =
    words.length > 1
      ? words
          .slice(0, 2)
          .map((word) => word[0]!.toUpperCase())
          .join('')
      : /^[A-Z0-9]{2,3}$/.test(words[0]!)
        ? words[0]!
        : words[0]!.slice(0, 1).toUpperCase()
  return (
    <span class={`monogram monogram--${category}${large ? ' monogram--large' : ''}`} aria-hidden="true">
      {letters}
    </span>
  )
}

/**
 * A partner's logo, or its monogram when it has none or the image does not load. The image
 * is content (alt "<name> logo"); the monogram is decoration beside the name.
 */
export function PartnerLogo({
  name,
  category,
  src,
  alt = `${name} logo`,
  large,
}: {
  name: string
  category: string
  src?: string | undefined
  alt?: string
  large?: boolean
}) {
  const [failed, setFailed] = useState<string>()
  if (!src || failed === src) return <Monogram name={name} category={category} large={large} />
  return (
    <img
      class={`partner-logo${large ? ' partner-logo--large' : ''}`}
      src={src}
      alt={alt}
      decoding="async"
      onError={() => setFailed(src)}
    />
  )
}

export function RegionList({ regions, max }: { regions: string[]; max?: number }) {
  if (regions.length === 0) return <span class="muted">Not listed</span>
  const shown = max ? regions.slice(0, max) : regions
  const rest = regions.length - shown.length
  return (
    <span class="regions">
      {shown.map((code) => regionLabel(code)).join(', ')}
      {rest > 0 && <span class="muted"> +{rest} more</span>}
    </span>
  )
}

export function PartnerCard({ partner }: { partner: PublicPartner }) {
  return (
    <li class="card partner-card">
      <div class="partner-card__top">
        <PartnerLogo name={partner.name} category={partner.category} src={partner.logoUrl} />
        <TierBadge tier={partner.tier} />
      </div>
      <h2 class="partner-card__name">
        <Link href={`/partners/${encodeURIComponent(partner.id)}`} class="partner-card__link">
          {partner.name}
        </Link>
      </h2>
      <CategoryTag category={partner.category} />
      <p class="partner-card__description">{partner.description || 'No description yet.'}</p>
      <p class="partner-card__regions">
        <PinIcon />
        <span class="visually-hidden">Regions served: </span>
        <RegionList regions={partner.regions} max={3} />
      </p>
    </li>
  )
}

export function PartnerCardSkeleton() {
  return (
    <li class="card partner-card partner-card--skeleton" aria-hidden="true">
      <div class="partner-card__top">
        <span class="skeleton skeleton--circle" />
        <span class="skeleton skeleton--pill" />
      </div>
      <span class="skeleton skeleton--title" />
      <span class="skeleton skeleton--line" />
      <span class="skeleton skeleton--line" />
      <span class="skeleton skeleton--line skeleton--short" />
    </li>
  )
}
