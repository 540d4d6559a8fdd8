import { useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { Referral } from '../../api/types'
import { ProjectForm } from '../../components/lead-form'
import { leadTitle } from '../../components/leads'
import { EmptyState, ErrorState, LoadMore, Loading, Notice } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { categoryLabel } from '../../lib/format'
import { usePagedList, useTitle } from '../../lib/hooks'
import { budgetLabel, referralStatusLabel, whenWords } from '../../lib/leads'
import { MATCH_FIELD_LABELS, type MatchField } from '../../../../shared/leads/vocabulary'
import { usePartner } from './Leads'

const matched = (fields: string[]) => fields.map((f) => MATCH_FIELD_LABELS[f as MatchField] ?? f).join(', ')

export function WorkspaceReferralsPage() {
  const { me, partnerId } = usePartner()
  useTitle('Referrals')
  const [sent, setSent] = useState<Referral>()
  const [formKey, setFormKey] = useState(() => crypto.randomUUID())
  const list = usePagedList<Referral>(
    (cursor, signal) => api.leads.referrals({ params: { partnerId }, query: { limit: 25, cursor }, signal }).then((r) => r.data),
    [partnerId, sent?.id],
  )

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <div class="content-header">
        <div>
          <h1>Referrals</h1>
          <p class="lede">
            Refer a homeowner project to HomeAIQ. The partnership team reviews each referral; an accepted one becomes a lead
            credited to you, and is offered to you first when you serve its region and category.
          </p>
        </div>
      </div>
      <div role="status" class="flash">
        {sent && (
          <Notice
            tone={sent.conflict ? 'warning' : 'success'}
            title={sent.conflict ? 'Referral sent: HomeAIQ may know this homeowner already' : 'Referral sent'}
          >
            <p>
              {sent.conflict
                ? `Its ${matched(sent.conflict.matchedOn)} matches open lead ${sent.conflict.leadId}. The partnership team will check it before anything else happens.`
                : 'The partnership team will review it; you will be notified of their decision.'}
            </p>
          </Notice>
        )}
      </div>
      <ProjectForm
        key={formKey}
        id="referral-form"
        intro={<h2>New referral</h2>}
        submitLabel="Send referral"
        onSubmit={async (body) => {
          const { data } = await api.leads.refer({ params: { partnerId }, body, idempotencyKey: formKey })
          setSent(data)
          setFormKey(crypto.randomUUID())
        }}
      />
      <section class="section-block" aria-labelledby="referrals-heading">
        <h2 id="referrals-heading">Your referrals</h2>
        {list.state === 'loading' && <Loading label="Loading your referrals…" />}
        {list.state === 'error' && (
          <ErrorState title="We couldn't load your referrals" error={list.error} onRetry={list.reload} />
        )}
        {list.state === 'ready' && list.items.length === 0 && (
          <EmptyState title="No referrals yet">
            <p class="state__text">Referrals you send appear here with HomeAIQ’s decision.</p>
          </EmptyState>
        )}
        {list.state === 'ready' && list.items.length > 0 && (
          <ul class="referral-list">
            {list.items.map((r) => (
              <li key={r.id} class="card lead-card">
                <p class="lead-card__title">
                  {leadTitle(r)}{' '}
                  <span class={`badge badge--referral badge--referral-${r.status}`}>{referralStatusLabel(r.status)}</span>
                </p>
                <p class="small muted">
                  {r.categories.map(categoryLabel).join(', ')} · {budgetLabel(r.budgetRange)} · sent {whenWords(r.createdAt)} by{' '}
                  {r.submittedBy}
                </p>
                {r.decision?.reason && <p class="small">HomeAIQ: “{r.decision.reason}”</p>}
              </li>
            ))}
          </ul>
        )}
        <LoadMore {...list} label="Load more referrals" />
      </section>
    </WorkspaceShell>
  )
}
