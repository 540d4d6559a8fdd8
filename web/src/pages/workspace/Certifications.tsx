import { useState } from 'preact/hooks'
import { daysLeft } from '../../../../shared/certifications/rules'
import { badgeLinks } from '../../../../shared/certifications/view'
import {
  EVIDENCE_LABELS,
  EXPIRY_REMINDER_DAYS,
  LEVEL_LABELS,
  OPEN_STATUSES,
  SCOPE_LABELS,
  TRACK_LABELS,
} from '../../../../shared/certifications/vocabulary'
import { api } from '../../api/contracts'
import type { Badge, CertificationApplication as Application, CertificationProgram as Program, Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { ApplicationStatusBadge, BadgeFactRows, BadgeStatusBadge, EmbedSnippet } from '../../components/certification'
import { EmptyState, ErrorState, FlashNotice, Loading } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { takeFlash } from '../../lib/flash'
import { formatDate } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { Link } from '../../router'

function BadgeCard({ badge }: { badge: Badge }) {
  const links = badgeLinks(window.location.origin, badge.id)
  const alt = `${badge.programName} badge of ${badge.partnerName}, verified by HomeAIQ`
  const left = daysLeft(badge.expiresAt, new Date())
  const soon = badge.status === 'active' && left <= Math.max(...EXPIRY_REMINDER_DAYS)
  return (
    <li class={`card cert-badge cert-badge--${badge.status}`}>
      <div class="cert-badge__top">
        <h3 class="cert-badge__title">{badge.programName}</h3>
        <BadgeStatusBadge status={badge.status} />
      </div>
      {/* keyed by status: a browser's cached image (up to 5 minutes) never contradicts the status beside it */}
      <img class="cert-badge__image" src={`${links.imageUrl}?status=${badge.status}`} alt={alt} width={360} height={96} />
      <dl class="facts facts--wide">
        <BadgeFactRows badge={badge} />
      </dl>
      <p>
        <Link href={`/badges/${encodeURIComponent(badge.id)}`}>
          Public verification page<span class="visually-hidden"> of {badge.programName}</span>
        </Link>
      </p>
      {soon && (
        <p class="cert-badge__soon">
          Expires in {left} {left === 1 ? 'day' : 'days'}: apply again to renew this same badge.
        </p>
      )}
      {badge.status === 'active' && <EmbedSnippet id={`embed-${badge.id}`} links={links} alt={alt} />}
    </li>
  )
}

function ProgramCard({ program, open, badge }: { program: Program; open?: Application; badge?: Badge }) {
  const headingId = `program-${program.id}`
  return (
    <li class="card cert-program">
      <article aria-labelledby={headingId}>
        <p class="eyebrow">
          {TRACK_LABELS[program.track]} · {LEVEL_LABELS[program.level]}
        </p>
        <h3 id={headingId} class="cert-program__title">
          {program.name}
        </h3>
        <p>{program.description}</p>
        <p class="small muted">
          Valid {program.validityMonths} months · scope: {SCOPE_LABELS[program.scope]}
        </p>
        <details class="cert-program__details">
          <summary>Requirements and evidence</summary>
          <h4>Requirements</h4>
          <ul>
            {program.requirements.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <h4>Evidence to send</h4>
          <ul>
            {program.evidenceKinds.map((k) => (
              <li key={k}>{EVIDENCE_LABELS[k]}</li>
            ))}
          </ul>
        </details>
        <div class="cert-program__actions">
          {badge?.status === 'active' && <BadgeStatusBadge status="active" />}
          {open ? (
            <Link href={`/workspace/certifications/${open.id}`} class="button button--secondary button--small">
              {open.status === 'draft' || open.status === 'changes-requested' ? 'Continue application' : 'View application'}
              <span class="visually-hidden"> for {program.name}</span>
            </Link>
          ) : (
            <Link
              href={`/workspace/certifications/apply/${encodeURIComponent(program.id)}`}
              class="button button--primary button--small"
            >
              {badge?.status === 'active' ? 'Apply to renew' : 'Apply'}
              <span class="visually-hidden"> for {program.name}</span>
            </Link>
          )}
        </div>
      </article>
    </li>
  )
}

export function WorkspaceCertificationsPage() {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  useTitle('Certifications')
  const [flash] = useState(takeFlash)
  const { resource, reload } = useResource(
    (signal) =>
      Promise.all([
        api.certifications.programs({ signal }),
        api.certifications.list({ params: { partnerId }, query: { limit: 100 }, signal }),
        api.certifications.badges({ params: { partnerId }, signal }),
      ]).then(([programs, applications, badges]) => ({
        programs: programs.data.items,
        applications: applications.data.items,
        badges: badges.data.items,
      })),
    [partnerId],
  )

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <div class="content-header">
        <div>
          <h1>Certifications</h1>
          <p class="lede">
            Earn HomeAIQ certification badges for your integration and your installers. Apply with evidence; the HomeAIQ
            partnership team reviews it and issues a badge anyone can verify.
          </p>
        </div>
      </div>
      <FlashNotice message={flash} />
      {resource.status === 'loading' && <Loading label="Loading certifications…" />}
      {resource.status === 'error' && (
        <ErrorState title="We couldn't load your certifications" error={resource.error} onRetry={reload} />
      )}
      {resource.status === 'ready' && (
        <>
          <section class="cert-section" aria-labelledby="badges-heading">
            <h2 id="badges-heading">Your badges</h2>
            {resource.data.badges.length === 0 ? (
              <EmptyState title="No badges yet">
                <p class="state__text">Apply for a program below. Once HomeAIQ approves it, your badge appears here.</p>
              </EmptyState>
            ) : (
              <ul class="cert-badges" aria-label="Badges">
                {resource.data.badges.map((b) => (
                  <BadgeCard key={b.id} badge={b} />
                ))}
              </ul>
            )}
          </section>

          <section class="cert-section" aria-labelledby="programs-heading">
            <h2 id="programs-heading">Programs</h2>
            <ul class="cert-programs" aria-label="Programs">
              {resource.data.programs.map((p) => (
                <ProgramCard
                  key={p.id}
                  program={p}
                  open={resource.data.applications.find((a) => a.programId === p.id && OPEN_STATUSES.includes(a.status))}
                  badge={resource.data.badges.find((b) => b.programId === p.id && b.status === 'active')}
                />
              ))}
            </ul>
          </section>

          <section class="cert-section" aria-labelledby="applications-heading">
            <h2 id="applications-heading">Applications</h2>
            {resource.data.applications.length === 0 ? (
              <p class="muted">You have not applied for a certification yet.</p>
            ) : (
              <ul class="cert-applications" aria-label="Applications">
                {resource.data.applications.map((a) => (
                  <li key={a.id} class="cert-application">
                    <Link href={`/workspace/certifications/${a.id}`}>{a.programName}</Link>
                    <ApplicationStatusBadge status={a.status} />
                    <span class="small muted">
                      {a.submittedAt ? `submitted ${formatDate(a.submittedAt)}` : `started ${formatDate(a.createdAt)}`}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </WorkspaceShell>
  )
}
