import { useEffect, useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { Partner } from '../../api/types'
import { Breadcrumbs, Field } from '../../components/form'
import { PROJECT_FIELD_IDS, ProjectForm } from '../../components/lead-form'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { LEAD_LIMITS } from '../../../../shared/leads/vocabulary'
import { setFlash } from '../../lib/flash'
import { useTitle } from '../../lib/hooks'
import { whenWords } from '../../lib/leads'
import { navigate } from '../../router'

const FIELD_IDS = { ...PROJECT_FIELD_IDS, slaHours: 'lead-sla', offerTo: 'lead-offer-to' }

export function StaffShareLeadPage() {
  useTitle('Share a lead · Staff')
  const [sla, setSla] = useState(String(LEAD_LIMITS.defaultSlaHours))
  const [offerTo, setOfferTo] = useState('')
  const [partners, setPartners] = useState<Partner[]>([])
  const [key] = useState(() => crypto.randomUUID())
  useEffect(() => {
    const controller = new AbortController()
    api.partners
      .list({ query: { status: 'active', limit: 100 }, signal: controller.signal })
      .then((r) => setPartners([...r.data.items].sort((a, b) => a.name.localeCompare(b.name))))
      .catch(() => undefined) // then only automatic distribution is offered
    return () => controller.abort()
  }, [])

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <Breadcrumbs items={[{ href: '/staff/leads', label: 'Leads' }, { label: 'Share a lead' }]} />
      <div class="content-header">
        <div>
          <h1>Share a lead</h1>
          <p class="lede">
            The lead is offered to one eligible partner at a time: active, in a needed category and serving the region, strategic
            partners first, in turn within a tier.
          </p>
        </div>
      </div>
      <ProjectForm
        id="share-lead-form"
        intro={<h2 class="visually-hidden">Lead</h2>}
        submitLabel="Share lead"
        fieldIds={FIELD_IDS}
        onSubmit={async (body) => {
          const { data } = await api.leads.share({
            body: { ...body, slaHours: Number(sla) || LEAD_LIMITS.defaultSlaHours, ...(offerTo ? { offerTo } : {}) },
            idempotencyKey: key,
          })
          setFlash(
            data.status === 'offered'
              ? `Lead shared: offered to ${data.offeredToName} until ${whenWords(data.offerExpiresAt!)}.`
              : 'Lead shared, but no partner is eligible: it is unassigned.',
          )
          navigate(`/staff/leads/${data.id}`)
        }}
      >
        <fieldset class="fieldset">
          <legend>Offer</legend>
          <div class="form-grid">
            <Field
              id="lead-sla"
              label="Time to answer (hours)"
              hint={`${LEAD_LIMITS.minSlaHours} to ${LEAD_LIMITS.maxSlaHours}; 48 by default.`}
            >
              {(props) => (
                <input
                  {...props}
                  type="number"
                  min={LEAD_LIMITS.minSlaHours}
                  max={LEAD_LIMITS.maxSlaHours}
                  value={sla}
                  onInput={(e) => setSla(e.currentTarget.value)}
                />
              )}
            </Field>
            <Field id="lead-offer-to" label="Offer to" hint="Leave on automatic to offer it to the next partner in turn.">
              {(props) => (
                <select {...props} value={offerTo} onChange={(e) => setOfferTo(e.currentTarget.value)}>
                  <option value="">Automatic (next eligible partner)</option>
                  {partners.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
      </ProjectForm>
    </WorkspaceShell>
  )
}
