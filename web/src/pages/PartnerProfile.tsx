import { isNotFound } from '../api/client'
import { api } from '../api/contracts'
import { useAuth } from '../auth/context'
import { CategoryTag, TierBadge } from '../components/badges'
import { Breadcrumbs } from '../components/form'
import { PartnerLogo } from '../components/PartnerCard'
import { LoadFailure, Loading } from '../components/states'
import { categoryLabel, formatDate, hostOf, regionLabel, tierLabel } from '../lib/format'
import { useResource, useTitle } from '../lib/hooks'
import { Link } from '../router'
import { ExternalLinkIcon } from '../components/icons'

export function Paragraphs({ text, empty }: { text: string; empty: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  if (paragraphs.length === 0) return <p class="muted">{empty}</p>
  return (
    <>
      {paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </>
  )
}

export function ExternalLink({ href, children }: { href: string; children: string }) {
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" class="external">
      {children}
      <ExternalLinkIcon />
      <span class="visually-hidden"> (opens in a new tab)</span>
    </a>
  )
}

export function PartnerProfilePage({ id }: { id: string }) {
  const { resource, reload } = useResource(
    (signal) => api.directory.profile({ params: { partnerId: id }, signal }).then((r) => r.data),
    [id],
  )
  const { state } = useAuth()
  const notFound = resource.status === 'error' && isNotFound(resource.error)
  useTitle(resource.status === 'ready' ? resource.data.name : notFound ? 'Partner not found' : 'Partner profile')

  if (resource.status === 'loading') {
    return (
      <div class="container page">
        <Loading label="Loading partner profile…" />
      </div>
    )
  }
  if (resource.status === 'error') {
    return (
      <div class="container page">
        <Breadcrumbs items={[{ href: '/', label: 'Directory' }, { label: notFound ? 'Not found' : 'Partner' }]} />
        <LoadFailure
          noun="partner"
          heading="Partner profile"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="No partner is listed at this address. It may have been renamed or have left the directory."
          back={{ href: '/', label: 'Browse the directory' }}
        />
      </div>
    )
  }

  const partner = resource.data
  const me = state.status === 'signed-in' ? state.me : undefined
  const editHref =
    me?.role === 'staff'
      ? `/staff/partners/${encodeURIComponent(partner.id)}`
      : me?.role === 'partner-admin' && me.partnerId === partner.id
        ? '/workspace/listing'
        : undefined

  return (
    <div class="container page">
      <Breadcrumbs items={[{ href: '/', label: 'Directory' }, { label: partner.name }]} />
      <header class="profile-header card">
        <PartnerLogo name={partner.name} category={partner.category} src={partner.logoUrl} large />
        <div class="profile-header__main">
          <h1>{partner.name}</h1>
          <div class="profile-header__tags">
            <TierBadge tier={partner.tier} />
            <CategoryTag category={partner.category} />
          </div>
        </div>
        <div class="profile-header__actions">
          {partner.website && (
            <a href={partner.website} target="_blank" rel="noopener noreferrer" class="button button--primary">
              Visit website<span class="visually-hidden"> of {partner.name} (opens in a new tab)</span>
            </a>
          )}
          {editHref && (
            <Link href={editHref} class="button button--secondary">
              Edit listing
            </Link>
          )}
        </div>
      </header>

      <div class="profile-layout">
        <div class="profile-main">
          <section class="card section" aria-labelledby="about-heading">
            <h2 id="about-heading">About {partner.name}</h2>
            <div class="prose">
              <Paragraphs text={partner.description} empty="This partner has not added a description yet." />
            </div>
          </section>
          {partner.badges.length > 0 && (
            <section class="card section" aria-labelledby="certifications-heading">
              <h2 id="certifications-heading">HomeAIQ certifications</h2>
              <ul class="profile-badges">
                {partner.badges.map((b) => (
                  <li key={b.id}>
                    <Link href={`/badges/${encodeURIComponent(b.id)}`}>{b.programName}</Link>
                    <span class="small muted">
                      {' '}
                      · valid until {formatDate(b.expiresAt)}
                      {b.skus.length > 0 && ` · ${b.skus.join(', ')}`}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section class="card section" aria-labelledby="products-heading">
            <h2 id="products-heading">Product lines</h2>
            {partner.productLines.length ? (
              <ul class="chip-list">
                {partner.productLines.map((line) => (
                  <li key={line} class="chip">
                    {line}
                  </li>
                ))}
              </ul>
            ) : (
              <p class="muted">No product lines listed yet.</p>
            )}
          </section>
        </div>
        <aside class="profile-aside card section" aria-labelledby="glance-heading">
          <h2 id="glance-heading">At a glance</h2>
          <dl class="facts">
            <div>
              <dt>Program tier</dt>
              <dd>{tierLabel(partner.tier)}</dd>
            </div>
            <div>
              <dt>Category</dt>
              <dd>{categoryLabel(partner.category)}</dd>
            </div>
            <div>
              <dt>Website</dt>
              <dd>{partner.website ? <ExternalLink href={partner.website}>{hostOf(partner.website)}</ExternalLink> : '—'}</dd>
            </div>
            <div>
              <dt>Regions served</dt>
              <dd>
                {partner.regions.length ? (
                  <ul class="plain-list">
                    {partner.regions.map((code) => (
                      <li key={code}>
                        {regionLabel(code)}
                        {regionLabel(code) !== code && <span class="muted"> ({code})</span>}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span class="muted">Not listed</span>
                )}
              </dd>
            </div>
          </dl>
        </aside>
      </div>
    </div>
  )
}
