import { useState } from 'preact/hooks'
import { api } from '../../api/contracts'
import type { MdfClaim, MdfFund, MdfLedgerEntry } from '../../api/types'
import { FilterSelect } from '../../components/filters'
import { PlusIcon } from '../../components/icons'
import { EmptyState, ErrorState, FlashNotice, LoadMore, Loading } from '../../components/states'
import { takeFlash } from '../../lib/flash'
import { formatDateTime, formatDay, formatMoney, percent } from '../../lib/format'
import { usePagedList, useResource, useTitle } from '../../lib/hooks'
import { Link, navigate, useLocation, withQuery } from '../../router'
import { AdjustAllocationForm, OpenFundForm } from './FundForms'
import { ClaimsTable, FundChart, LedgerTable } from './parts'
import { MdfFrame, useMdfScope, type MdfScope } from './scope'

/**
 * A partner's MDF, one period at a time: the fund as a chart and in figures, its claims (both
 * sides'), and its ledger. Staff also open funds, change allocations and file HomeAIQ's claims.
 */
export function MdfFundPage({ staffPartnerId }: { staffPartnerId?: string }) {
  const scope = useMdfScope(staffPartnerId)
  const location = useLocation()
  const asked = location.search.get('period') ?? undefined
  const [flash, setFlashMessage] = useState(takeFlash)
  useTitle(scope.staff ? `MDF · ${scope.partnerName ?? scope.partnerId}` : 'Market development funds')
  const funds = useResource(
    (signal) => api.mdf.listFunds({ params: { partnerId: scope.partnerId }, signal }).then((r) => r.data.items),
    [scope.partnerId],
  )
  const list = funds.resource.status === 'ready' ? funds.resource.data : []
  const period = list.find((f) => f.period === asked)?.period ?? list[0]?.period

  return (
    <MdfFrame scope={scope} crumbs={[]}>
      <div class="content-header">
        <div>
          <h1>{scope.staff ? `MDF · ${scope.partnerName ?? scope.partnerId}` : 'Market development funds'}</h1>
          <p class="lede">
            {scope.staff
              ? 'The partner’s joint-marketing funds. HomeAIQ decides the partner’s claims; the partner’s admin decides HomeAIQ’s.'
              : 'Your joint-marketing funds with HomeAIQ. Claim for activities you ran; your admin decides the claims HomeAIQ files.'}
          </p>
        </div>
        {period && list.find((f) => f.period === period)?.status === 'open' && (
          <Link href={scope.newClaimHref(period)} class="button button--primary">
            <PlusIcon />
            {scope.staff ? 'New HomeAIQ claim' : 'New claim'}
          </Link>
        )}
      </div>
      <FlashNotice message={flash} />

      {funds.resource.status === 'loading' && <Loading label="Loading funds…" />}
      {funds.resource.status === 'error' && (
        <ErrorState title="We couldn't load the funds" error={funds.resource.error} onRetry={funds.reload} />
      )}
      {funds.resource.status === 'ready' && list.length === 0 && !scope.staff && (
        <EmptyState title="No MDF fund yet">
          <p class="state__text">
            HomeAIQ opens a fund for each period from your tier’s MDF rate. Once it is open, you can claim for joint-marketing
            activities here.
          </p>
        </EmptyState>
      )}
      {funds.resource.status === 'ready' && list.length > 1 && (
        <div class="toolbar">
          <FilterSelect
            id="mdf-period"
            label="Period"
            class="toolbar__field"
            all="Latest"
            value={asked}
            onChange={(value) => navigate(withQuery(location, { period: value }))}
          >
            {list.map((f) => (
              <option key={f.period} value={f.period}>
                {f.period}
                {f.status === 'closed' ? ' (closed)' : ''}
              </option>
            ))}
          </FilterSelect>
        </div>
      )}
      {period && <FundView key={period} scope={scope} period={period} />}
      {scope.staff && funds.resource.status === 'ready' && (
        <OpenFundForm
          scope={scope}
          opened={list.map((f) => f.period)}
          onOpened={(fund) => {
            setFlashMessage(`The ${fund.period} fund is open with ${formatMoney(fund.allocatedCents)}.`)
            funds.reload()
            navigate(scope.fundsHref(fund.period))
          }}
        />
      )}
    </MdfFrame>
  )
}

function FundView({ scope, period }: { scope: MdfScope; period: string }) {
  const { resource, reload, replace } = useResource(
    (signal) =>
      api.mdf
        .getFund({ params: { partnerId: scope.partnerId, period }, signal })
        .then((r) => ({ fund: r.data, etag: r.etag ?? '' })),
    [scope.partnerId, period],
  )
  if (resource.status === 'loading') return <Loading label={`Loading the ${period} fund…`} />
  if (resource.status === 'error')
    return <ErrorState title={`We couldn't load the ${period} fund`} error={resource.error} onRetry={reload} />
  const { fund, etag } = resource.data
  const closed = fund.status === 'closed'
  return (
    <>
      <section class="card section" aria-labelledby="fund-heading">
        <div class="section__header">
          <h2 id="fund-heading">{fund.period} fund</h2>
          <span class={`badge badge--fund-${fund.status}`}>{closed ? 'Closed' : 'Open'}</span>
        </div>
        <p class="muted">
          {closed
            ? `Closed ${fund.closedAt ? formatDateTime(fund.closedAt) : formatDay(fund.closesOn)}: what was not claimed lapsed.`
            : `${formatDay(fund.startsOn)} – ${formatDay(fund.endsOn)}. Claims close on ${formatDay(fund.closesOn)}; what is left then lapses.`}
          {fund.reminderSentAt && !closed && ' A reminder about the unclaimed balance went out.'}
        </p>
        <FundChart fund={fund} />
        {scope.staff && fund.revenueCents !== undefined && (
          <p class="muted small">
            Based on {formatMoney(fund.revenueCents)} revenue through HomeAIQ
            {fund.mdfRateBps !== undefined && ` at ${percent(fund.mdfRateBps)}`} (HomeAIQ-internal).
          </p>
        )}
        {scope.staff && !closed && (
          <AdjustAllocationForm
            scope={scope}
            fund={fund}
            etag={etag}
            onSaved={(saved, newEtag) => replace({ fund: saved, etag: newEtag })}
          />
        )}
      </section>

      <FundActivity scope={scope} fund={fund} />
    </>
  )
}

/** The fund's claims and ledger, loaded again whenever the fund moves. */
function FundActivity({ scope, fund }: { scope: MdfScope; fund: MdfFund }) {
  const { period, status } = fund
  const closed = status === 'closed'
  const claims = usePagedList<MdfClaim>(
    (cursor, signal) =>
      api.mdf
        .listClaims({ params: { partnerId: scope.partnerId }, query: { period, limit: 50, cursor }, signal })
        .then((r) => r.data),
    [scope.partnerId, period, fund.updatedAt],
  )
  const ledger = usePagedList<MdfLedgerEntry>(
    (cursor, signal) =>
      api.mdf
        .ledger({ params: { partnerId: scope.partnerId, period }, query: { limit: 50, cursor }, signal })
        .then((r) => r.data),
    [scope.partnerId, period, fund.updatedAt],
  )
  return (
    <>
      <section class="section-block" aria-labelledby="claims-heading">
        <h2 id="claims-heading">Claims</h2>
        {claims.state === 'loading' && <Loading label="Loading claims…" />}
        {claims.state === 'error' && (
          <ErrorState title="We couldn't load the claims" error={claims.error} onRetry={claims.reload} />
        )}
        {claims.state === 'ready' && claims.items.length === 0 && (
          <EmptyState title={`No claims on ${fund.period} yet`}>
            <p class="state__text">
              {closed
                ? 'Nobody claimed from this fund.'
                : 'Claim for a joint-marketing activity with its invoice and proof of performance.'}
            </p>
          </EmptyState>
        )}
        {claims.state === 'ready' && claims.items.length > 0 && (
          <ClaimsTable
            claims={claims.items}
            claimHref={(claim) => scope.claimHref(claim.id)}
            partnerName={scope.partnerName}
            caption={`Claims on the ${fund.period} fund`}
          />
        )}
        {claims.state === 'ready' && <LoadMore {...claims} label="Load more claims" />}
      </section>

      <section class="section-block" aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">Ledger</h2>
        <p class="muted">Every movement of the fund’s money, oldest first. The figures above are its sums.</p>
        {ledger.state === 'loading' && <Loading label="Loading the ledger…" />}
        {ledger.state === 'error' && (
          <ErrorState title="We couldn't load the ledger" error={ledger.error} onRetry={ledger.reload} />
        )}
        {ledger.state === 'ready' && (
          <LedgerTable entries={ledger.items} claimHref={scope.claimHref} caption={`Ledger of the ${fund.period} fund`} />
        )}
        {ledger.state === 'ready' && <LoadMore {...ledger} label="Load more entries" />}
      </section>
    </>
  )
}
