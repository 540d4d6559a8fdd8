import { useRef, useState } from 'preact/hooks'
import { isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import type { Lead, Referral } from '../../api/types'
import { Breadcrumbs } from '../../components/form'
import { ContactCard, LeadStatusBadge, ProjectFacts, leadTitle } from '../../components/leads'
import { LoadFailure, Loading, Notice } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { LEAD_LIMITS, MATCH_FIELD_LABELS, type MatchField } from '../../../../shared/leads/vocabulary'
import { setFlash } from '../../lib/flash'
import { useResource, useTitle } from '../../lib/hooks'
import { referralStatusLabel, whenWords } from '../../lib/leads'
import { Link, navigate } from '../../router'
import { explain } from './LeadDetail'

/** The record a conflict matched: an open lead, or another partner's open referral. */
async function matchedRecord(id: string, signal: AbortSignal): Promise<{ lead?: Lead; referral?: Referral }> {
  try {
    return { lead: (await api.leads.detail({ params: { id }, signal })).data }
  } catch {
    return { referral: (await api.leads.referral({ params: { id }, signal })).data }
  }
}

function Decision({ referral, onDecided }: { referral: Referral; onDecided: (r: Referral) => void }) {
  const [reason, setReason] = useState(referral.conflict ? `Duplicate of lead ${referral.conflict.leadId}.` : '')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  async function decide(decision: 'accept' | 'reject') {
    if (decision === 'reject' && reason.trim().length < LEAD_LIMITS.reasonMin) {
      setError('Enter a reason for the rejection.')
      reasonRef.current?.focus()
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      const body = decision === 'reject' ? { decision, reason: reason.trim() } : { decision }
      onDecided((await api.leads.decide({ params: { id: referral.id }, body })).data)
    } catch (err) {
      setError(explain(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="card section lead-layout__wide" aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      <p>
        Accepting makes it a lead credited to {referral.referrerName}, offered first to {referral.referrerName} when it is
        eligible, then to the next partner in turn.
      </p>
      <label class="field__label" for="referral-reason">
        Reason (needed to reject; the referrer sees it)
      </label>
      <textarea
        ref={reasonRef}
        id="referral-reason"
        rows={2}
        maxLength={LEAD_LIMITS.reasonMax}
        value={reason}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => setReason(e.currentTarget.value)}
      />
      <div class="offer-actions__buttons">
        <button type="button" class="button button--primary" disabled={busy} onClick={() => decide('accept')}>
          Accept as a lead
        </button>
        <button type="button" class="button button--danger" disabled={busy} onClick={() => decide('reject')}>
          Reject referral
        </button>
      </div>
      <div role="alert">{error && <p class="field__error">{error}</p>}</div>
    </section>
  )
}

export function StaffReferralPage({ id }: { id: string }) {
  const { resource, reload } = useResource(
    async (signal) => {
      const referral = (await api.leads.referral({ params: { id }, signal })).data
      const matched = referral.conflict ? await matchedRecord(referral.conflict.leadId, signal) : {}
      return { referral, matched }
    },
    [id],
  )
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const data = resource.status === 'ready' ? resource.data : undefined
  const referral = data?.referral
  useTitle(referral ? `Referral: ${leadTitle(referral)} · Staff` : 'Referral · Staff')
  const matched = data?.matched.lead ?? data?.matched.referral

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <Breadcrumbs items={[{ href: '/staff/leads', label: 'Leads' }, { label: 'Referral' }]} />
      {resource.status === 'loading' && <Loading label="Loading the referral…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="referral"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="There is no referral with this id."
          back={{ href: '/staff/leads', label: 'Back to leads' }}
        />
      )}
      {referral && (
        <>
          <div class="content-header">
            <div>
              <div class="content-header__tags content-header__tags--above">
                <span class={`badge badge--referral badge--referral-${referral.status}`}>
                  {referralStatusLabel(referral.status)}
                </span>
              </div>
              <h1>Referral: {leadTitle(referral)}</h1>
              <p class="muted">
                From {referral.referrerName} ({referral.submittedBy}), {whenWords(referral.createdAt)}
              </p>
            </div>
          </div>
          {referral.conflict && (
            <div class="lead-conflict">
              <Notice tone="warning" title="Possible duplicate">
                <p>
                  Its {referral.conflict.matchedOn.map((f) => MATCH_FIELD_LABELS[f as MatchField]).join(', ')} matches{' '}
                  {data?.matched.lead ? (
                    <Link href={`/staff/leads/${referral.conflict.leadId}`}>open lead {referral.conflict.leadId}</Link>
                  ) : (
                    <Link href={`/staff/referrals/${referral.conflict.leadId}`}>open referral {referral.conflict.leadId}</Link>
                  )}
                  . Compare the two, then accept it anyway or reject it as a duplicate.
                </p>
              </Notice>
            </div>
          )}
          <div class="lead-layout">
            <section class="card section" aria-labelledby="referral-heading">
              <h2 id="referral-heading">This referral</h2>
              <ProjectFacts lead={referral} />
              {referral.contact && <ContactCard contact={referral.contact} />}
            </section>
            {matched && (
              <section class="card section" aria-labelledby="matched-heading">
                <h2 id="matched-heading">
                  The match {data?.matched.lead && <LeadStatusBadge status={data.matched.lead.status!} />}
                </h2>
                <ProjectFacts lead={matched} />
                {matched.contact && <ContactCard contact={matched.contact} />}
              </section>
            )}
            {(referral.status === 'pending' || referral.status === 'conflict') && (
              <Decision
                referral={referral}
                onDecided={(decided) => {
                  setFlash(
                    decided.status === 'accepted'
                      ? 'Referral accepted: it is a lead now.'
                      : 'Referral rejected; the referrer has been told.',
                  )
                  navigate(decided.status === 'accepted' ? `/staff/leads/${decided.id}` : '/staff/leads')
                }}
              />
            )}
            {referral.decision && (
              <section class="card section lead-layout__wide" aria-labelledby="decided-heading">
                <h2 id="decided-heading">Decided</h2>
                <p>
                  {referral.decision.decision === 'accept' ? 'Accepted' : 'Rejected'} by {referral.decision.by},{' '}
                  {whenWords(referral.decision.at)}
                  {referral.decision.reason && <>: “{referral.decision.reason}”</>}
                </p>
                {referral.status === 'accepted' && <Link href={`/staff/leads/${referral.id}`}>Open the lead</Link>}
              </section>
            )}
          </div>
        </>
      )}
    </WorkspaceShell>
  )
}
