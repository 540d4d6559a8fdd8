import { useEffect, useState } from 'preact/hooks'
import { ApiError, describeError, isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import type { Lead, Partner } from '../../api/types'
import { Breadcrumbs } from '../../components/form'
import { ContactCard, LeadHistory, LeadStatusBadge, OfferHistory, ProjectFacts, leadTitle } from '../../components/leads'
import { FlashNotice, LoadFailure, Loading } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { takeFlash } from '../../lib/flash'
import { formatMoney } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { useNow, whenWords, durationWords } from '../../lib/leads'
import { Link } from '../../router'

/** The problem's words and each field's, for a form with a single control. */
export const explain = (err: unknown) =>
  err instanceof ApiError ? [describeError(err), ...err.fieldErrors.map((e) => e.message)].join(' ') : describeError(err)

function Reoffer({ lead, onOffered }: { lead: Lead; onOffered: (lead: Lead) => void }) {
  const [partners, setPartners] = useState<Partner[]>([])
  const [offerTo, setOfferTo] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    api.partners
      .list({ query: { status: 'active', limit: 100 } })
      .then((r) => setPartners(r.data.items))
      .catch(() => undefined)
  }, [])
  async function offer(event: Event) {
    event.preventDefault()
    setBusy(true)
    setError(undefined)
    try {
      onOffered((await api.leads.reoffer({ params: { id: lead.id }, body: offerTo ? { offerTo } : {} })).data)
    } catch (err) {
      setError(explain(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="reoffer" onSubmit={offer}>
      <label for="reoffer-to" class="field__label">
        Offer again to
      </label>
      <select id="reoffer-to" value={offerTo} onChange={(e) => setOfferTo(e.currentTarget.value)}>
        <option value="">The next eligible partner</option>
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button type="submit" class="button button--primary" disabled={busy}>
        {busy ? 'Offering…' : 'Offer lead'}
      </button>
      <div role="alert">{error && <p class="field__error">{error}</p>}</div>
    </form>
  )
}

export function StaffLeadPage({ id }: { id: string }) {
  const [flash, setFlashMessage] = useState(takeFlash)
  const now = useNow()
  const { resource, reload, replace } = useResource(
    (signal) => api.leads.detail({ params: { id }, signal }).then((r) => r.data),
    [id],
  )
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const lead = resource.status === 'ready' ? resource.data : undefined
  useTitle(lead ? `${leadTitle(lead)} · Staff` : 'Lead · Staff')

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <Breadcrumbs items={[{ href: '/staff/leads', label: 'Leads' }, { label: lead ? leadTitle(lead) : 'Lead' }]} />
      {resource.status === 'loading' && <Loading label="Loading the lead…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="lead"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="There is no lead with this id."
          back={{ href: '/staff/leads', label: 'Back to leads' }}
        />
      )}
      {lead && (
        <>
          <div class="content-header">
            <div>
              <div class="content-header__tags content-header__tags--above">
                <LeadStatusBadge status={lead.status!} />
              </div>
              <h1>{leadTitle(lead)}</h1>
              <p class="muted">
                Shared {whenWords(lead.createdAt!)} by {lead.sharedBy}
                {lead.referredBy && (
                  <>
                    {' '}
                    · referred by <Link href={`/staff/partners/${lead.referredBy}`}>{lead.referrerName}</Link>
                  </>
                )}
              </p>
            </div>
          </div>
          <FlashNotice message={flash} />
          <div class="lead-layout">
            <section class="card section" aria-labelledby="project-heading">
              <h2 id="project-heading">Project</h2>
              <ProjectFacts lead={lead} />
              {lead.status === 'offered' && lead.offerExpiresAt && (
                <p>
                  Offered to <strong>{lead.offeredToName}</strong>:{' '}
                  {new Date(lead.offerExpiresAt).getTime() > now
                    ? `${durationWords(new Date(lead.offerExpiresAt).getTime() - now)} left to answer`
                    : 'the offer has lapsed and moves on at the next expiry run'}{' '}
                  (until {whenWords(lead.offerExpiresAt)}).
                </p>
              )}
              {lead.assignedToName && (
                <p>
                  Accepted by <strong>{lead.assignedToName}</strong>.
                </p>
              )}
              {lead.valueCents !== undefined && <p>Deal value: {formatMoney(lead.valueCents)}</p>}
              {lead.status === 'unassigned' && (
                <Reoffer
                  lead={lead}
                  onOffered={(next) => {
                    replace(next)
                    setFlashMessage(`Offered to ${next.offeredToName} until ${whenWords(next.offerExpiresAt!)}.`)
                  }}
                />
              )}
            </section>
            <section class="card section" aria-labelledby="contact-heading">
              <h2 id="contact-heading">Homeowner</h2>
              {lead.contact && <ContactCard contact={lead.contact} />}
            </section>
            <section class="card section lead-layout__wide" aria-labelledby="offers-heading">
              <h2 id="offers-heading">Offer history</h2>
              <OfferHistory offers={lead.offers ?? []} caption="Partners offered this lead, oldest first" />
            </section>
            <section class="card section lead-layout__wide" aria-labelledby="history-heading">
              <h2 id="history-heading">Status history</h2>
              <LeadHistory history={lead.history ?? []} />
            </section>
          </div>
        </>
      )}
    </WorkspaceShell>
  )
}
