import { useEffect, useRef, useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { Lead, Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { Countdown, LeadStatusBadge, PipelineControls, ProjectFacts, leadTitle } from '../../components/leads'
import { OfferActions } from '../../components/offer-actions'
import { EmptyState, ErrorState, FlashNotice, LoadMore, Loading } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { setFlash, takeFlash } from '../../lib/flash'
import { formatMoney } from '../../lib/format'
import { usePagedList, useTitle } from '../../lib/hooks'
import { leadStatusLabel, useNow } from '../../lib/leads'
import { Link, navigate } from '../../router'

const BOARD = ['accepted', 'contacted', 'quoted', 'won', 'lost'] as const

export function usePartner() {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  return { me, partnerId: me.partnerId ?? '' }
}

export function WorkspaceLeadsPage() {
  const { me, partnerId } = usePartner()
  useTitle('Leads')
  const [flash] = useState(takeFlash)
  const now = useNow()
  const [announcement, setAnnouncement] = useState('')
  const heading = useRef<HTMLHeadingElement>(null)
  const list = usePagedList<Lead>(
    (cursor, signal) => api.leads.list({ params: { partnerId }, query: { limit: 100, cursor }, signal }).then((r) => r.data),
    [partnerId],
  )
  const { items, setItems, state } = list
  const isLive = (l: Lead) => l.status === 'offered' && !!l.offerExpiresAt && new Date(l.offerExpiresAt).getTime() > now
  const offers = items.filter(isLive)

  // say so when an offer lapses while the page is open (the countdown itself is not announced)
  const live = useRef(new Set<string>())
  useEffect(() => {
    const current = new Set(offers.map((l) => l.id))
    const lapsed = items.filter((l) => live.current.has(l.id) && !current.has(l.id) && l.status === 'offered')
    if (lapsed.length) setAnnouncement(lapsed.map((l) => `The offer of ${leadTitle(l)} has lapsed.`).join(' '))
    live.current = current
  }, [now, items])

  const replace = (next: Lead, message: string) => {
    setItems((all) => all.map((l) => (l.id === next.id ? next : l)))
    setAnnouncement(message)
  }

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <div class="content-header">
        <div>
          <h1>Leads</h1>
          <p class="lede">
            Homeowner projects HomeAIQ offers you. Accept or decline each offer before it lapses; the homeowner’s contact details
            are shown once you accept.
          </p>
        </div>
        <Link href="/workspace/referrals" class="button button--secondary">
          Refer a project
        </Link>
      </div>
      <FlashNotice message={flash} />
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      {state === 'loading' && <Loading label="Loading your leads…" />}
      {state === 'error' && <ErrorState title="We couldn't load your leads" error={list.error} onRetry={list.reload} />}
      {state === 'ready' && (
        <>
          <section class="section-block" aria-labelledby="offers-heading">
            <h2 id="offers-heading" ref={heading} tabIndex={-1}>
              Offers waiting for you <span class="count-chip">{offers.length}</span>
            </h2>
            {offers.length === 0 ? (
              <EmptyState title="No open offers">
                <p class="state__text">When HomeAIQ offers you a lead it appears here, with the time you have to answer.</p>
              </EmptyState>
            ) : (
              <ul class="lead-offers">
                {offers.map((lead) => (
                  <li key={lead.id} class="card lead-card lead-card--offer">
                    <h3 class="lead-card__title">
                      <Link href={`/workspace/leads/${lead.id}`}>{leadTitle(lead)}</Link>
                    </h3>
                    <ProjectFacts lead={lead} />
                    <Countdown expiresAt={lead.offerExpiresAt!} now={now} />
                    <OfferActions
                      lead={lead}
                      partnerId={partnerId}
                      onAccepted={(accepted) => {
                        setFlash(`You accepted ${leadTitle(accepted)}. Here is the homeowner’s contact.`)
                        navigate(`/workspace/leads/${accepted.id}`)
                      }}
                      onDeclined={(message) => {
                        setItems((all) => all.filter((l) => l.id !== lead.id))
                        setAnnouncement(message)
                        heading.current?.focus()
                      }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section class="section-block" aria-labelledby="pipeline-heading">
            <h2 id="pipeline-heading">Your pipeline</h2>
            <div class="lead-board">
              {BOARD.map((status) => {
                const column = items.filter((l) => l.status === status)
                return (
                  <section key={status} class="lead-board__column" aria-labelledby={`column-${status}`}>
                    <h3 id={`column-${status}`} class="lead-board__title">
                      {leadStatusLabel(status)} <span class="count-chip">{column.length}</span>
                    </h3>
                    {column.length === 0 ? (
                      <p class="muted small">No leads here.</p>
                    ) : (
                      <ul class="lead-board__list">
                        {column.map((lead) => (
                          <li key={lead.id} class="card lead-card">
                            <p class="lead-card__title">
                              <Link href={`/workspace/leads/${lead.id}`}>{leadTitle(lead)}</Link>
                            </p>
                            <p class="small muted">
                              <LeadStatusBadge status={lead.status!} />
                              {lead.valueCents !== undefined && <> · {formatMoney(lead.valueCents)}</>}
                            </p>
                            <PipelineControls lead={lead} partnerId={partnerId} onMoved={replace} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </section>
                )
              })}
            </div>
          </section>
          <LoadMore {...list} label="Load more leads" />
        </>
      )}
    </WorkspaceShell>
  )
}
