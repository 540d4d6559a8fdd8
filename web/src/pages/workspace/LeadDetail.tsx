import { useState } from 'preact/hooks'
import { isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import type { Lead } from '../../api/types'
import { Breadcrumbs } from '../../components/form'
import {
  ContactCard,
  Countdown,
  LeadHistory,
  LeadStatusBadge,
  PipelineControls,
  ProjectFacts,
  leadTitle,
} from '../../components/leads'
import { OfferActions } from '../../components/offer-actions'
import { FlashNotice, LoadFailure, Loading, Notice } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { setFlash, takeFlash } from '../../lib/flash'
import { formatMoney } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { useNow } from '../../lib/leads'
import { navigate } from '../../router'
import { usePartner } from './Leads'

export function WorkspaceLeadPage({ id }: { id: string }) {
  const { me, partnerId } = usePartner()
  const now = useNow()
  const [flash, setFlashMessage] = useState(takeFlash)
  const { resource, reload, replace } = useResource(
    (signal) => api.leads.get({ params: { partnerId, id }, signal }).then((r) => r.data),
    [partnerId, id],
  )
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const lead = resource.status === 'ready' ? resource.data : undefined
  useTitle(lead ? leadTitle(lead) : notFound ? 'Lead not found' : 'Lead')
  const moved = (next: Lead, message: string) => {
    replace(next)
    setFlashMessage(message)
  }

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs items={[{ href: '/workspace/leads', label: 'Leads' }, { label: lead ? leadTitle(lead) : 'Lead' }]} />
      {resource.status === 'loading' && <Loading label="Loading the lead…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="lead"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="This lead is not in your workspace: it may have lapsed, been declined, or been offered to another partner."
          back={{ href: '/workspace/leads', label: 'Back to leads' }}
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
            </div>
          </div>
          <FlashNotice message={flash} />
          <div class="lead-layout">
            <section class="card section" aria-labelledby="project-heading">
              <h2 id="project-heading">Project</h2>
              <ProjectFacts lead={lead} />
              {lead.valueCents !== undefined && <p>Deal value: {formatMoney(lead.valueCents)}</p>}
              {lead.status === 'offered' && lead.offerExpiresAt && (
                <>
                  <Countdown expiresAt={lead.offerExpiresAt} now={now} />
                  <OfferActions
                    lead={lead}
                    partnerId={partnerId}
                    onAccepted={(accepted) => moved(accepted, 'You accepted this lead. Here is the homeowner’s contact.')}
                    onDeclined={(message) => {
                      setFlash(message)
                      navigate('/workspace/leads')
                    }}
                  />
                </>
              )}
            </section>
            <section class="card section" aria-labelledby="contact-heading">
              <h2 id="contact-heading">Homeowner</h2>
              {lead.contact ? (
                <ContactCard contact={lead.contact} />
              ) : (
                <Notice tone="info" title="Shown once you accept">
                  <p>The homeowner’s name, e-mail, phone and address appear here when you accept the lead.</p>
                </Notice>
              )}
            </section>
            {lead.assignedTo && (
              <section class="card section lead-layout__wide" aria-labelledby="pipeline-heading">
                <h2 id="pipeline-heading">Pipeline</h2>
                <PipelineControls lead={lead} partnerId={partnerId} onMoved={moved} />
                <LeadHistory history={lead.history ?? []} />
              </section>
            )}
          </div>
        </>
      )}
    </WorkspaceShell>
  )
}
