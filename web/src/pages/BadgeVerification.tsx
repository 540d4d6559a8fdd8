import { isNotFound } from '../api/client'
import { api } from '../api/contracts'
import type { PublicBadge } from '../api/types'
import { BadgeFactRows, BadgeStatusBadge, EmbedSnippet } from '../components/certification'
import { CheckIcon, AlertIcon } from '../components/icons'
import { LoadFailure, Loading } from '../components/states'
import { formatDate } from '../lib/format'
import { useResource, useTitle } from '../lib/hooks'
import { Link } from '../router'

function Verdict({ badge }: { badge: PublicBadge }) {
  if (badge.status === 'active') {
    return (
      <div class="verdict verdict--active">
        <CheckIcon class="verdict__icon" />
        <div>
          <p class="verdict__title">Valid: verified by HomeAIQ</p>
          <p>
            {badge.partnerName} holds {badge.programName}, valid until {formatDate(badge.expiresAt)}.
          </p>
        </div>
      </div>
    )
  }
  const revoked = badge.status === 'revoked'
  return (
    <div class={`verdict verdict--${badge.status}`}>
      <AlertIcon class="verdict__icon" />
      <div>
        <p class="verdict__title">
          {revoked ? 'Revoked: this badge is no longer valid' : 'Expired: this badge is no longer valid'}
        </p>
        <p>
          {revoked
            ? `HomeAIQ revoked ${badge.partnerName}’s ${badge.programName} badge${badge.revokedAt ? ` on ${formatDate(badge.revokedAt)}` : ''}.`
            : `${badge.partnerName}’s ${badge.programName} badge expired on ${formatDate(badge.expiresAt)}.`}
        </p>
        {revoked && badge.revocationReason && <p>Reason: {badge.revocationReason}</p>}
      </div>
    </div>
  )
}

/** The public verification page of a badge: no sign-in, the status said plainly. */
export function BadgeVerificationPage({ id }: { id: string }) {
  const { resource, reload } = useResource(
    (signal) => api.badges.get({ params: { badgeId: id }, signal }).then((r) => r.data),
    [id],
  )
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const badge = resource.status === 'ready' ? resource.data : undefined
  useTitle(badge ? `${badge.programName}: ${badge.partnerName}` : notFound ? 'Badge not found' : 'Badge verification')

  return (
    <div class="container page badge-page">
      {resource.status === 'loading' && <Loading label="Checking the badge…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="badge"
          heading="Badge verification"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="HomeAIQ has issued no badge with this address. Check the link you followed; a badge shown without a valid page here is not genuine."
          back={{ href: '/', label: 'Browse the partner directory' }}
        />
      )}
      {badge && (
        <>
          <p class="eyebrow">HomeAIQ badge verification</p>
          <h1>
            {badge.programName}
            <span class="badge-page__partner">{badge.partnerName}</span>
          </h1>
          <Verdict badge={badge} />
          <div class="badge-page__layout">
            <section class="card section" aria-labelledby="details-heading">
              <h2 id="details-heading">Details</h2>
              <dl class="facts">
                <div>
                  <dt>Status</dt>
                  <dd>
                    <BadgeStatusBadge status={badge.status} />
                  </dd>
                </div>
                <div>
                  <dt>Partner</dt>
                  <dd>
                    <Link href={`/partners/${encodeURIComponent(badge.partnerId)}`}>{badge.partnerName}</Link>
                  </dd>
                </div>
                <div>
                  <dt>Program</dt>
                  <dd>{badge.programName}</dd>
                </div>
                <BadgeFactRows badge={badge} />
              </dl>
              <p class="small">
                <a href={badge.credentialUrl} download={`homeaiq-badge-${badge.id}.jwt`}>
                  Download the signed credential
                </a>{' '}
                (Open Badges 3.0, verifiable with HomeAIQ’s public key at <code>/.well-known/jwks.json</code>)
              </p>
            </section>
            <section class="card section" aria-labelledby="image-heading">
              <h2 id="image-heading">Badge image</h2>
              <img
                class="cert-badge__image"
                src={`${badge.imageUrl}?status=${badge.status}`}
                alt={`${badge.programName} badge of ${badge.partnerName}: ${badge.status}`}
                width={360}
                height={96}
              />
              <EmbedSnippet
                id="badge-embed"
                links={badge}
                alt={`${badge.programName} badge of ${badge.partnerName}, verified by HomeAIQ`}
              />
            </section>
          </div>
        </>
      )}
    </div>
  )
}
