import { useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { MdfFund } from '../../api/types'
import { ErrorSummary, Field, FormActions, MoneyInput } from '../../components/form'
import { Notice } from '../../components/states'
import { centsToInput, formatMoney, parseMoney, percent, percentRange, tierShortLabel, today, TIER_TERMS } from '../../lib/format'
import { useResource } from '../../lib/hooks'
import { recheck, useSaveForm } from '../../lib/save'
import { addDays, periodRange, quarterOf, recentPeriods } from '../../../../shared/mdf/periods'
import { suggestAllocation } from '../../../../shared/mdf/rules'
import type { PartnerTier } from '../../../../shared/partners/vocabulary'
import type { MdfScope } from './scope'

/** Next quarter, this quarter and the one before, then this year: the periods staff open funds for. */
function openablePeriods(): string[] {
  const current = quarterOf(today())
  const next = quarterOf(addDays(periodRange(current).end, 1))
  return [next, ...recentPeriods(today(), 2)]
}

/** Staff open a partner's fund: an allocation, or the revenue to suggest one from the tier's MDF rate. */
export function OpenFundForm({
  scope,
  opened,
  onOpened,
}: {
  scope: MdfScope
  /** the periods that have a fund already */
  opened: string[]
  onOpened: (fund: MdfFund) => void
}) {
  const periods = openablePeriods()
  const [values, setValues] = useState({
    period: periods.find((p) => !opened.includes(p)) ?? periods[0]!,
    revenue: '',
    allocation: '',
  })
  const { form, statusRef, errors, setErrors, status, saving, refuse, submit } = useSaveForm({
    period: 'fund-period',
    revenueCents: 'fund-revenue',
    allocatedCents: 'fund-allocation',
  })
  const { resource } = useResource(
    (signal) => api.partners.get({ params: { partnerId: scope.partnerId }, signal }).then((r) => r.data.tier as PartnerTier),
    [scope.partnerId],
  )
  const tier = resource.status === 'ready' ? resource.data : undefined
  const revenue = parseMoney(values.revenue)
  const suggestion = tier && revenue ? suggestAllocation(revenue, tier) : undefined
  const rate = tier ? TIER_TERMS[tier].mdfRate : undefined

  function validate(v: typeof values) {
    const e: Record<string, string> = {}
    if (v.revenue && parseMoney(v.revenue) === undefined) e['fund-revenue'] = 'Enter the revenue in dollars, e.g. 500000.'
    if (v.allocation && !parseMoney(v.allocation)) e['fund-allocation'] = 'Enter the allocation in dollars, e.g. 20000.'
    if (!v.allocation && !v.revenue) e['fund-allocation'] = 'Enter the allocation, or the revenue to suggest one.'
    else if (!v.allocation && tier && !TIER_TERMS[tier].mdfRate)
      e['fund-allocation'] = 'Standard-tier MDF is decided case by case: enter the allocation.'
    return e
  }
  const update = (name: keyof typeof values, value: string) => {
    const next = { ...values, [name]: value }
    setValues(next)
    setErrors((current) => recheck(current, validate(next), ['fund-revenue', 'fund-allocation']))
  }

  async function save(event: Event) {
    event.preventDefault()
    const clientErrors = validate(values)
    if (Object.keys(clientErrors).length) return refuse(clientErrors)
    await submit(async () => {
      const { data } = await api.mdf.openFund({
        params: { partnerId: scope.partnerId },
        body: {
          period: values.period,
          ...(values.allocation ? { allocatedCents: parseMoney(values.allocation)! } : {}),
          ...(revenue ? { revenueCents: revenue } : {}),
        },
      })
      onOpened(data)
    })
  }

  return (
    <form ref={form} class="card section form section-block" noValidate onSubmit={save} aria-labelledby="open-fund-heading">
      <h2 id="open-fund-heading">Open a fund</h2>
      <p class="form__intro">
        {tier && rate
          ? `${tierShortLabel(tier)} partners get ${percentRange(rate)} of their revenue through HomeAIQ as joint-marketing funds.`
          : tier
            ? 'Standard-tier MDF is decided case by case.'
            : 'One fund per period.'}
      </p>
      <ErrorSummary
        title="Please correct these fields"
        errors={errors}
        labels={{ 'fund-period': 'Period', 'fund-revenue': 'Revenue', 'fund-allocation': 'Allocation' }}
      />
      <div class="form-grid form-grid--3">
        <Field id="fund-period" label="Period" error={errors['fund-period']}>
          {(props) => (
            <select {...props} value={values.period} onChange={(e) => update('period', e.currentTarget.value)}>
              {periods.map((p) => (
                <option key={p} value={p}>
                  {p}
                  {opened.includes(p) ? ' (open already)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="fund-revenue"
          label="Revenue through HomeAIQ (USD)"
          optional
          hint="HomeAIQ-internal."
          error={errors['fund-revenue']}
        >
          {(props) => <MoneyInput {...props} value={values.revenue} onInput={(text) => update('revenue', text)} />}
        </Field>
        <Field
          id="fund-allocation"
          label="Allocation (USD)"
          optional={!!suggestion}
          hint={
            suggestion
              ? `Suggested: ${formatMoney(suggestion.allocatedCents)} (${percent(suggestion.mdfRateBps)} of revenue). Leave empty to use it.`
              : undefined
          }
          error={errors['fund-allocation']}
        >
          {(props) => <MoneyInput {...props} value={values.allocation} onInput={(text) => update('allocation', text)} />}
        </Field>
      </div>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="fund"
        failedTitle="Not opened"
        submitLabel="Open fund"
        busy={saving}
        busyLabel="Opening…"
      />
    </form>
  )
}

/** Staff raise or lower an allocation (If-Match), never below what claims hold. */
export function AdjustAllocationForm({
  scope,
  fund,
  etag,
  onSaved,
}: {
  scope: MdfScope
  fund: MdfFund
  etag: string
  onSaved: (fund: MdfFund, etag: string) => void
}) {
  const [values, setValues] = useState({ allocation: centsToInput(fund.allocatedCents), reason: '' })
  const { form, statusRef, errors, status, saving, refuse, submit } = useSaveForm({
    allocatedCents: 'adjust-allocation',
    reason: 'adjust-reason',
  })
  const held = fund.allocatedCents - fund.availableCents

  async function save(event: Event) {
    event.preventDefault()
    const cents = parseMoney(values.allocation)
    const e: Record<string, string> = {}
    if (!cents) e['adjust-allocation'] = 'Enter the new allocation in dollars.'
    else if (cents < held) e['adjust-allocation'] = `Claims hold ${formatMoney(held)}: the allocation cannot go below that.`
    if (values.reason.trim().length < 5)
      e['adjust-reason'] = 'Say why the allocation changes; the partner reads it in the ledger.'
    if (Object.keys(e).length) return refuse(e)
    await submit(async () => {
      const saved = await api.mdf.adjustFund({
        params: { partnerId: scope.partnerId, period: fund.period },
        body: { allocatedCents: cents!, reason: values.reason.trim() },
        etag,
      })
      onSaved(saved.data, saved.etag ?? etag)
      setValues({ allocation: centsToInput(saved.data.allocatedCents), reason: '' })
    })
  }

  return (
    <form ref={form} class="form adjust-form" noValidate onSubmit={save} aria-labelledby="adjust-heading">
      <h3 id="adjust-heading">Change the allocation</h3>
      <div class="form-grid">
        <Field
          id="adjust-allocation"
          label="Allocation (USD)"
          hint={`Approved and pending claims hold ${formatMoney(held)}.`}
          error={errors['adjust-allocation']}
        >
          {(props) => (
            <MoneyInput {...props} value={values.allocation} onInput={(text) => setValues({ ...values, allocation: text })} />
          )}
        </Field>
        <Field id="adjust-reason" label="Reason" error={errors['adjust-reason']}>
          {(props) => (
            <input
              {...props}
              type="text"
              maxLength={1000}
              value={values.reason}
              onInput={(e) => setValues({ ...values, reason: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="fund"
        saved={<Notice tone="success">Allocation saved.</Notice>}
        submitLabel="Save allocation"
        busy={saving}
      />
    </form>
  )
}
