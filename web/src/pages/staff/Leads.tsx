import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { Lead, Referral } from '../../api/types'
import { LeadStatusBadge, leadTitle } from '../../components/leads'
import { ErrorState, FlashNotice, Loading } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { PlusIcon } from '../../components/icons'
import { takeFlash } from '../../lib/flash'
import { categoryLabel } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { budgetLabel, durationWords, useNow, whenWords } from '../../lib/leads'
import { MATCH_FIELD_LABELS, type MatchField } from '../../../../shared/leads/vocabulary'
import { Link } from '../../router'

function Column({
  id,
  title,
  hint,
  count,
  children,
}: {
  id: string
  title: string
  hint: string
  count: number
  children: ComponentChildren
}) {
  return (
    <section class="lead-board__column" aria-labelledby={`board-${id}`}>
      <h2 id={`board-${id}`} class="lead-board__title">
        {title} <span class="count-chip">{count}</span>
      </h2>
      <p class="small muted">{hint}</p>
      {count === 0 ? <p class="muted small">Nothing here.</p> : <ul class="lead-board__list">{children}</ul>}
    </section>
  )
}

const line = (x: Pick<Lead, 'categories' | 'budgetRange'>) =>
  `${x.categories.map(categoryLabel).join(', ')} · ${budgetLabel(x.budgetRange)}`

/** The staff distribution board: new referrals, live offers, unassigned leads and conflicts. */
export function StaffLeadsPage() {
  useTitle('Leads · Staff')
  const [flash] = useState(takeFlash)
  const now = useNow()
  const { resource, reload } = useResource(async (signal) => {
    const [pending, offered, unassigned, conflicts] = await Promise.all([
      api.leads.referralQueue({ query: { status: 'pending', limit: 100 }, signal }),
      api.leads.review({ query: { status: 'offered', limit: 100 }, signal }),
      api.leads.review({ query: { status: 'unassigned', limit: 100 }, signal }),
      api.leads.referralQueue({ query: { status: 'conflict', limit: 100 }, signal }),
    ])
    return {
      pending: pending.data.items,
      offered: offered.data.items,
      unassigned: unassigned.data.items,
      conflicts: conflicts.data.items,
    }
  }, [])
  const referralCard = (r: Referral) => (
    <li key={r.id} class="card lead-card">
      <p class="lead-card__title">
        <Link href={`/staff/referrals/${r.id}`}>{leadTitle(r)}</Link>
      </p>
      <p class="small muted">{line(r)}</p>
      <p class="small">
        Referred by {r.referrerName}
        {r.conflict && <> · matches lead on {r.conflict.matchedOn.map((f) => MATCH_FIELD_LABELS[f as MatchField]).join(', ')}</>}
      </p>
    </li>
  )
  const leadCard = (l: Lead) => (
    <li key={l.id} class="card lead-card">
      <p class="lead-card__title">
        <Link href={`/staff/leads/${l.id}`}>{leadTitle(l)}</Link>
      </p>
      <p class="small muted">{line(l)}</p>
      {l.status === 'offered' && l.offerExpiresAt ? (
        <p class="small">
          With {l.offeredToName}:{' '}
          {new Date(l.offerExpiresAt).getTime() > now
            ? `${durationWords(new Date(l.offerExpiresAt).getTime() - now)} left`
            : 'lapsed, moving on'}{' '}
          <span class="muted">(until {whenWords(l.offerExpiresAt)})</span>
        </p>
      ) : (
        <p class="small">
          <LeadStatusBadge status={l.status!} /> offered to {l.offers?.length ?? 0}{' '}
          {l.offers?.length === 1 ? 'partner' : 'partners'}
        </p>
      )}
    </li>
  )

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <div class="content-header">
        <div>
          <h1>Lead distribution</h1>
          <p class="lede">
            Shared leads go to one eligible partner at a time, strategic partners first. Watch the offers, pick up leads nobody
            could take, and review referrals and possible duplicates.
          </p>
        </div>
        <Link href="/staff/leads/new" class="button button--primary">
          <PlusIcon />
          Share a lead
        </Link>
      </div>
      <FlashNotice message={flash} />
      {resource.status === 'loading' && <Loading label="Loading the distribution board…" />}
      {resource.status === 'error' && <ErrorState title="We couldn't load the board" error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <div class="lead-board lead-board--staff">
          <Column
            id="new"
            title="New referrals"
            hint="Partners’ referrals waiting for a decision."
            count={resource.data.pending.length}
          >
            {resource.data.pending.map(referralCard)}
          </Column>
          <Column
            id="offered"
            title="Offered"
            hint="Waiting for the offered partner to answer."
            count={resource.data.offered.length}
          >
            {resource.data.offered.map(leadCard)}
          </Column>
          <Column
            id="unassigned"
            title="Unassigned"
            hint="No eligible partner was left: offer them again."
            count={resource.data.unassigned.length}
          >
            {resource.data.unassigned.map(leadCard)}
          </Column>
          <Column
            id="conflicts"
            title="Conflicts"
            hint="Referrals matching an open lead or referral."
            count={resource.data.conflicts.length}
          >
            {resource.data.conflicts.map(referralCard)}
          </Column>
        </div>
      )}
    </WorkspaceShell>
  )
}
