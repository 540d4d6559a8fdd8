import type { Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { Breadcrumbs, ErrorSummary, FormActions } from '../../components/form'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { useTitle } from '../../lib/hooks'
import { Link } from '../../router'
import {
  AcknowledgementNote,
  AttachmentsField,
  BodyField,
  KindAndDateFields,
  SkusField,
  TitleField,
} from './briefing-composer/fields'
import { useBriefingComposer } from './briefing-composer/useBriefingComposer'
import { LABELS } from './briefing-composer/values'

/** A partner's new briefing: its field groups over one state (useBriefingComposer). */
export function BriefingComposerPage() {
  const { state: auth } = useAuth()
  const me = (auth.status === 'signed-in' ? auth.me : undefined) as Me
  const partnerId = me.partnerId ?? ''
  useTitle('New briefing')

  const c = useBriefingComposer(partnerId)
  const { form, publish, errors, status, statusRef, publishing } = c

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs items={[{ href: '/workspace/briefings', label: 'Briefings' }, { label: 'New briefing' }]} />
      <div class="content-header">
        <div>
          <h1>New briefing</h1>
          <p class="lede">Published briefings go straight to the HomeAIQ partnership team and cannot be edited afterwards.</p>
        </div>
      </div>

      <form ref={form} class="card section form" noValidate onSubmit={publish} aria-labelledby="composer-heading">
        <h2 id="composer-heading" class="visually-hidden">
          Briefing
        </h2>
        <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />

        <KindAndDateFields c={c} />
        <TitleField c={c} />
        <SkusField c={c} />
        <BodyField c={c} />
        <AttachmentsField c={c} />
        <AcknowledgementNote c={c} />

        <FormActions
          status={status}
          statusRef={statusRef}
          noun="briefing"
          failedTitle="Not published"
          submitLabel="Publish briefing"
          busy={publishing}
          busyLabel="Publishing…"
        >
          <Link href="/workspace/briefings" class="button button--ghost">
            Cancel
          </Link>
        </FormActions>
      </form>
    </WorkspaceShell>
  )
}
