import type { Briefing, Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { Breadcrumbs } from '../../components/form'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { useTitle } from '../../lib/hooks'
import { ComposerForm } from './briefing-composer/ComposerForm'
import { CorrectionNote, NoteField } from './briefing-composer/fields'
import { useBriefingComposer } from './briefing-composer/useBriefingComposer'
import { usePartnerBriefing } from './briefing-resource'

/** Correcting a published briefing: the composer, filled in with it, plus a note on what changed. */
export function BriefingCorrectionPage({ id }: { id: string }) {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  const { briefing, etag, state } = usePartnerBriefing(partnerId, id)
  useTitle(briefing ? `Correct: ${briefing.title}` : 'Correct briefing')
  const detail = `/workspace/briefings/${encodeURIComponent(id)}`

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs
        items={[
          { href: '/workspace/briefings', label: 'Briefings' },
          { href: detail, label: briefing?.title ?? 'Briefing' },
          { label: 'Correct' },
        ]}
      />
      {state}
      {briefing && <CorrectionForm partnerId={partnerId} briefing={briefing} etag={etag} cancelHref={detail} />}
    </WorkspaceShell>
  )
}

/** Mounted once the briefing is loaded: the composer starts from it. */
function CorrectionForm({
  partnerId,
  briefing,
  etag,
  cancelHref,
}: {
  partnerId: string
  briefing: Briefing
  etag: string
  cancelHref: string
}) {
  const c = useBriefingComposer(partnerId, { briefing, etag })
  return (
    <>
      <div class="content-header">
        <div>
          <h1>Correct briefing</h1>
          <p class="lede">
            Readers see the corrected briefing with your note on what changed; the version it replaces stays in the history.
          </p>
        </div>
      </div>
      <ComposerForm
        c={c}
        heading="Correction"
        noun="correction"
        failedTitle="Correction not published"
        submitLabel="Publish correction"
        cancelHref={cancelHref}
      >
        <CorrectionNote c={c} />
        <NoteField c={c} />
      </ComposerForm>
    </>
  )
}
