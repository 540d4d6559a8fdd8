import { useRef, useState } from 'preact/hooks'
import { badgeLinks } from '../../../../shared/certifications/view'
import {
  DECISION_LABELS,
  DECISIONS,
  REASON_PROMPTS,
  reasonRequired,
  type Decision,
} from '../../../../shared/certifications/vocabulary'
import { describeError, isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import type { Badge, CertificationApplication } from '../../api/types'
import { ApplicationStatusBadge, BadgeFactRows, BadgeStatusBadge, StatusTimeline } from '../../components/certification'
import { ConfirmDialog } from '../../components/dialog'
import { Breadcrumbs, Field, FormActions } from '../../components/form'
import { LoadFailure, Loading, Notice } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { formatDate } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { useSaveForm } from '../../lib/save'
import { Link } from '../../router'
import { DecisionNotice, EvidenceList } from '../workspace/CertificationApplication'

const FIELD_IDS = { decision: 'decision-approve', reason: 'decision-reason' }

function DecisionForm({
  application,
  onDecided,
}: {
  application: CertificationApplication
  onDecided: (next: CertificationApplication, message: string) => void
}) {
  const [decision, setDecision] = useState<Decision>('approve')
  const [reason, setReason] = useState('')
  const { form, statusRef, errors, setErrors, status, saving, refuse, submit } = useSaveForm(FIELD_IDS)

  async function decide(event: Event) {
    event.preventDefault()
    if (decision !== 'approve' && reasonRequired(decision) && !reason.trim()) {
      return refuse({ 'decision-reason': REASON_PROMPTS[decision] })
    }
    await submit(async () => {
      const { data } = await api.certifications.decide({
        params: { partnerId: application.partnerId, id: application.id },
        body: { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      })
      onDecided(
        data.application,
        decision === 'approve'
          ? `Approved: the badge is issued until ${formatDate(data.badge!.expiresAt)}.`
          : decision === 'reject'
            ? 'Rejected. The partner sees your reason.'
            : 'Sent back for changes. The partner sees what to change.',
      )
    })
  }

  return (
    <form ref={form} class="card section form" noValidate onSubmit={decide} aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      <fieldset class="fieldset">
        <legend>What do you decide?</legend>
        {DECISIONS.map((d) => (
          <div class="radio" key={d}>
            <input
              type="radio"
              id={`decision-${d}`}
              name="decision"
              value={d}
              checked={decision === d}
              onChange={() => {
                setDecision(d)
                setErrors({})
              }}
            />
            <label for={`decision-${d}`}>{DECISION_LABELS[d]}</label>
          </div>
        ))}
      </fieldset>
      <Field
        id="decision-reason"
        label={decision === 'approve' ? 'Note for the partner' : 'Reason (the partner reads it)'}
        optional={decision === 'approve'}
        error={errors['decision-reason']}
      >
        {(props) => <textarea {...props} rows={4} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="application"
        failedTitle="Not decided"
        submitLabel="Record decision"
        busy={saving}
        busyLabel="Recording…"
      />
    </form>
  )
}

function BadgePanel({ badge, onRevoked }: { badge: Badge; onRevoked: (revoked: Badge, message: string) => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const links = badgeLinks(window.location.origin, badge.id)

  async function revoke() {
    if (!reason.trim()) {
      setError('Enter a reason for the revocation.')
      document.getElementById('revoke-reason')?.focus()
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const { data: revoked } = await api.certifications.revoke({
        params: { partnerId: badge.partnerId, badgeId: badge.id },
        body: { reason: reason.trim() },
      })
      setOpen(false)
      onRevoked(revoked, 'Badge revoked. Its public page, image and credential status say so now.')
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="card section" aria-labelledby="badge-heading">
      <div class="cert-badge__top">
        <h2 id="badge-heading">Badge</h2>
        <BadgeStatusBadge status={badge.status} />
      </div>
      <img
        class="cert-badge__image"
        src={`${links.imageUrl}?status=${badge.status}`}
        alt={`${badge.programName} badge of ${badge.partnerName}`}
        width={360}
        height={96}
      />
      <dl class="facts facts--wide">
        <BadgeFactRows badge={badge} />
      </dl>
      <p>
        <Link href={`/badges/${encodeURIComponent(badge.id)}`}>Public verification page</Link>
      </p>
      {badge.status !== 'revoked' && (
        <button type="button" class="button button--danger" onClick={() => setOpen(true)}>
          Revoke badge
        </button>
      )}
      <ConfirmDialog
        id="revoke-dialog"
        open={open}
        title={`Revoke ${badge.partnerName}’s badge?`}
        confirmLabel="Revoke badge"
        busyLabel="Revoking…"
        busy={busy}
        error={error}
        onConfirm={revoke}
        onCancel={() => {
          setOpen(false)
          setError(undefined)
        }}
      >
        <p>
          The public page, the embedded image and the credential’s status list will say it is revoked, with your reason. This
          cannot be undone; the partner can apply again.
        </p>
        <label class="field__label" for="revoke-reason">
          Reason (shown publicly)
        </label>
        <textarea id="revoke-reason" rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </ConfirmDialog>
    </section>
  )
}

/** The badge an approval issued (or renewed), as staff see it (never a browser-cached public answer). */
async function badgeOf(application: CertificationApplication, signal?: AbortSignal): Promise<Badge | undefined> {
  if (!application.badgeId) return undefined
  const { data } = await api.certifications.badges({
    params: { partnerId: application.partnerId },
    ...(signal ? { signal } : {}),
  })
  return data.items.find((b) => b.id === application.badgeId)
}

export function StaffCertificationReviewPage({ partnerId, id }: { partnerId: string; id: string }) {
  const { resource, reload, replace } = useResource(
    async (signal) => {
      const { data: application } = await api.certifications.get({ params: { partnerId, id }, signal })
      return { application, badge: await badgeOf(application, signal) }
    },
    [partnerId, id],
  )
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const heading = useRef<HTMLHeadingElement>(null)
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const data = resource.status === 'ready' ? resource.data : undefined
  const app = data?.application
  useTitle(app ? `${app.partnerName}: ${app.programName} · Staff` : 'Certification review · Staff')

  const announce = (text: string) => {
    setMessage(text)
    heading.current?.focus()
  }

  /** Shows the application as it is now, with its badge, and says what happened. */
  async function show(next: CertificationApplication, text: string, badge?: Badge) {
    replace({ application: next, badge: badge ?? (await badgeOf(next)) })
    announce(text)
  }

  async function startReview() {
    if (!app) return
    setBusy(true)
    setError(undefined)
    try {
      const { data: next } = await api.certifications.review({ params: { partnerId, id } })
      await show(next, 'Review started: the partner sees the application is in review.')
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <Breadcrumbs
        items={[{ href: '/staff/certifications', label: 'Certification reviews' }, { label: app?.partnerName ?? 'Application' }]}
      />
      {resource.status === 'loading' && <Loading label="Loading the application…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="application"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="No certification application has this address."
          back={{ href: '/staff/certifications', label: 'Back to the review queue' }}
        />
      )}
      {app && (
        <>
          <div class="content-header">
            <div>
              <div class="content-header__tags content-header__tags--above">
                <ApplicationStatusBadge status={app.status} />
              </div>
              <h1 ref={heading} tabIndex={-1}>
                {app.partnerName}: {app.programName}
              </h1>
              <p class="small muted">
                {app.submittedAt ? `Submitted ${formatDate(app.submittedAt)}` : 'Not submitted yet'} ·{' '}
                <Link href={`/staff/partners/${encodeURIComponent(app.partnerId)}`}>Partner record</Link>
              </p>
            </div>
            {app.status === 'submitted' && (
              <div class="content-header__actions">
                <button type="button" class="button button--secondary" onClick={startReview} disabled={busy}>
                  {busy ? 'Starting…' : 'Start review'}
                </button>
              </div>
            )}
          </div>
          <div role="status">{message && <Notice tone="success">{message}</Notice>}</div>
          <div role="alert">{error && <Notice tone="error">{error}</Notice>}</div>
          <DecisionNotice application={app} staff />
          <div class="cert-detail">
            <section class="card section" aria-labelledby="evidence-heading">
              <h2 id="evidence-heading">Evidence</h2>
              <EvidenceList partnerId={app.partnerId} evidence={app.evidence} />
              {app.skus.length > 0 && <p>SKUs to certify: {app.skus.join(', ')}</p>}
              <h3>Partner’s notes</h3>
              <p class="cert-notes">{app.notes || <span class="muted">None.</span>}</p>
            </section>
            <section class="card section" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Status</h2>
              <StatusTimeline history={app.history} />
            </section>
          </div>
          {(app.status === 'submitted' || app.status === 'in-review') && (
            <DecisionForm application={app} onDecided={(next, text) => void show(next, text)} />
          )}
          {data?.badge && <BadgePanel badge={data.badge} onRevoked={(revoked, text) => void show(app, text, revoked)} />}
        </>
      )}
    </WorkspaceShell>
  )
}
