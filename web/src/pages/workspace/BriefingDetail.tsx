import { useState } from 'preact/hooks'
import { ApiError } from '../../api/client'
import { api } from '../../api/endpoints'
import type { Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { AckMarker, KindBadge } from '../../components/badges'
import { BriefingContent } from '../../components/briefing'
import { Breadcrumbs } from '../../components/form'
import { ErrorState, Loading, Notice } from '../../components/states'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { takeFlash } from '../../lib/flash'
import { formatDateTime, formatDay } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { Link } from '../../router'
import { SkuChips } from './Briefings'

export function WorkspaceBriefingPage({ id }: { id: string }) {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  const { resource, reload } = useResource((signal) => api.briefing(partnerId, id, signal), [partnerId, id])
  const [flash] = useState(takeFlash)
  const notFound =
    resource.status === 'error' &&
    resource.error instanceof ApiError &&
    (resource.error.status === 404 || resource.error.status === 400)
  const briefing = resource.status === 'ready' ? resource.data : undefined
  useTitle(briefing ? briefing.title : notFound ? 'Briefing not found' : 'Briefing')

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs
        items={[
          { href: '/workspace/briefings', label: 'Briefings' },
          { label: briefing?.title ?? (notFound ? 'Not found' : 'Briefing') },
        ]}
      />
      {resource.status === 'loading' && <Loading label="Loading briefing…" />}
      {resource.status === 'error' &&
        (notFound ? (
          <div class="state state--empty">
            <h1 class="state__title">Briefing not found</h1>
            <p class="state__text">This briefing does not exist in your workspace.</p>
            <Link href="/workspace/briefings" class="button button--primary">
              Back to briefings
            </Link>
          </div>
        ) : (
          <>
            <h1 class="visually-hidden">Briefing</h1>
            <ErrorState title="We couldn't load this briefing" error={resource.error} onRetry={reload} />
          </>
        ))}
      {briefing && (
        <>
          <div class="content-header">
            <div>
              <div class="content-header__tags content-header__tags--above">
                <KindBadge kind={briefing.kind} />
                <AckMarker briefing={briefing} />
              </div>
              <h1>{briefing.title}</h1>
            </div>
          </div>
          {flash && (
            <div class="flash" role="status">
              <Notice tone="success">{flash}</Notice>
            </div>
          )}
          <div class="content-layout">
            <article class="card section briefing-body" aria-labelledby="briefing-body-heading">
              <h2 id="briefing-body-heading" class="visually-hidden">
                Briefing text
              </h2>
              <BriefingContent briefing={briefing} />
            </article>
            <aside class="card section" aria-labelledby="briefing-facts-heading">
              <h2 id="briefing-facts-heading">Details</h2>
              <dl class="facts">
                <div>
                  <dt>Effective</dt>
                  <dd>{formatDay(briefing.effectiveDate)}</dd>
                </div>
                <div>
                  <dt>Published</dt>
                  <dd>
                    {formatDateTime(briefing.publishedAt)}
                    <br />
                    <span class="muted small">by {briefing.publishedBy}</span>
                  </dd>
                </div>
                <div>
                  <dt>Affected SKUs</dt>
                  <dd>{briefing.skus.length ? <SkuChips skus={briefing.skus} /> : <span class="muted">None named</span>}</dd>
                </div>
                <div>
                  <dt>HomeAIQ acknowledgement</dt>
                  <dd>
                    {briefing.acknowledgements.length > 0 ? (
                      <ul class="plain-list">
                        {briefing.acknowledgements.map((a) => (
                          <li key={a.userId}>
                            {a.email} <span class="muted small">· {formatDateTime(a.at)}</span>
                          </li>
                        ))}
                      </ul>
                    ) : briefing.requiresAck ? (
                      <span>Awaiting acknowledgement</span>
                    ) : (
                      <span class="muted">Not required for this kind</span>
                    )}
                  </dd>
                </div>
                {briefing.kind === 'end-of-life' && (
                  <div>
                    <dt>Catalog</dt>
                    <dd>
                      {briefing.eolAppliedAt
                        ? `Products marked discontinued on ${formatDateTime(briefing.eolAppliedAt)}.`
                        : `Products will be marked discontinued on ${formatDay(briefing.effectiveDate)}.`}
                    </dd>
                  </div>
                )}
              </dl>
            </aside>
          </div>
        </>
      )}
    </WorkspaceShell>
  )
}
