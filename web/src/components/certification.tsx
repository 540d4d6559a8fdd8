import { useState } from 'preact/hooks'
import { embedSnippet } from '../../../shared/certifications/view'
import {
  APPLICATION_STATUS_LABELS,
  BADGE_STATUS_LABELS,
  type ApplicationStatus,
  type BadgeStatus,
} from '../../../shared/certifications/vocabulary'
import { formatDate, formatDateTime } from '../lib/format'
import { CheckIcon } from './icons'

/** Where an application stands, in words and colour. */
export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <span class={`badge badge--app badge--app-${status}`}>{APPLICATION_STATUS_LABELS[status]}</span>
}

/** A badge's live status. */
export function BadgeStatusBadge({ status }: { status: BadgeStatus }) {
  return (
    <span class={`badge badge--cert badge--cert-${status}`}>
      {status === 'active' && <CheckIcon />}
      {BADGE_STATUS_LABELS[status]}
    </span>
  )
}

/** The status timeline of an application, oldest step first. */
export function StatusTimeline({
  history,
}: {
  history: { status: ApplicationStatus; at: string; by: string; reason?: string | undefined }[]
}) {
  return (
    <ol class="timeline" aria-label="Status timeline">
      {history.map((step, i) => (
        <li key={i} class={`timeline__step timeline__step--${step.status}`}>
          <span class="timeline__dot" aria-hidden="true" />
          <div>
            <p class="timeline__title">
              <ApplicationStatusBadge status={step.status} />
              <span class="timeline__when">{formatDateTime(step.at)}</span>
            </p>
            <p class="small muted">by {step.by}</p>
            {step.reason && <p class="timeline__reason">{step.reason}</p>}
          </div>
        </li>
      ))}
    </ol>
  )
}

/** The HTML a partner pastes into its website, with a copy button that says what it did. */
export function EmbedSnippet({
  id,
  links,
  alt,
}: {
  id: string
  links: { verificationUrl: string; imageUrl: string }
  alt: string
}) {
  const snippet = embedSnippet(links, alt)
  const [copied, setCopied] = useState('')
  async function copy() {
    try {
      await navigator.clipboard.writeText(snippet)
      setCopied('Embed code copied.')
    } catch {
      const field = document.getElementById(id) as HTMLTextAreaElement | null
      field?.select()
      setCopied('Press Ctrl+C (or ⌘C) to copy the selected code.')
    }
  }
  return (
    <div class="embed">
      <label class="field__label" for={id}>
        Embed code
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        Paste it into your website: the image always shows the badge’s current status and links to its verification page.
      </p>
      <textarea id={id} class="embed__code" readOnly rows={3} aria-describedby={`${id}-hint`} value={snippet} />
      <div class="embed__actions">
        <button type="button" class="button button--secondary button--small" onClick={copy}>
          Copy embed code
        </button>
        <span role="status" class="small">
          {copied}
        </span>
      </div>
    </div>
  )
}

/** A badge's dates, certified SKUs and revocation, as rows of a `<dl class="facts">`. */
export function BadgeFactRows({
  badge,
}: {
  badge: {
    status: BadgeStatus
    issuedAt: string
    expiresAt: string
    skus: string[]
    revokedAt?: string | undefined
    revocationReason?: string | undefined
  }
}) {
  return (
    <>
      <div>
        <dt>Issued</dt>
        <dd>{formatDate(badge.issuedAt)}</dd>
      </div>
      <div>
        <dt>{badge.status === 'expired' ? 'Expired' : 'Expires'}</dt>
        <dd>{formatDate(badge.expiresAt)}</dd>
      </div>
      {badge.skus.length > 0 && (
        <div>
          <dt>Certified products</dt>
          <dd>{badge.skus.join(', ')}</dd>
        </div>
      )}
      {badge.revokedAt && (
        <div>
          <dt>Revoked</dt>
          <dd>{formatDate(badge.revokedAt)}</dd>
        </div>
      )}
      {badge.revocationReason && (
        <div>
          <dt>Revocation reason</dt>
          <dd>{badge.revocationReason}</dd>
        </div>
      )}
    </>
  )
}
