import { useState } from 'preact/hooks'
import { CERTIFICATION_LIMITS, EVIDENCE_LABELS, SCOPE_LABELS } from '../../../../shared/certifications/vocabulary'
import { describeError, isNotFound } from '../../api/client'
import { api } from '../../api/contracts'
import type { CertificationApplication, CertificationProgram, Me } from '../../api/types'
import { useAuth } from '../../auth/context'
import { ApplicationStatusBadge, StatusTimeline } from '../../components/certification'
import { Breadcrumbs, Field, FormActions, parseLines } from '../../components/form'
import { FileIcon } from '../../components/icons'
import { FlashNotice, LoadFailure, Loading, Notice } from '../../components/states'
import { FilePicker, UploadList } from '../../components/upload'
import { PARTNER_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { setFlash, takeFlash } from '../../lib/flash'
import { fileSize, formatDate } from '../../lib/format'
import { useResource, useTitle } from '../../lib/hooks'
import { useSaveForm } from '../../lib/save'
import { openDownload, UPLOAD_LIMITS, uploadsProblem, useUploadList } from '../../lib/upload'
import { Link, navigate } from '../../router'

const FIELD_IDS = { evidenceDocumentIds: 'cert-evidence', notes: 'cert-notes', skus: 'cert-skus' }
const LIMITS = UPLOAD_LIMITS['certification-evidence']!

function useMe() {
  const { state } = useAuth()
  return (state.status === 'signed-in' ? state.me : undefined) as Me
}

/** Apply for a program, or edit a draft / an application sent back for changes; submit it or keep it as a draft. */
function ApplicationForm({
  partnerId,
  program,
  current,
}: {
  partnerId: string
  program: CertificationProgram
  current?: { application: CertificationApplication; etag: string }
}) {
  const app = current?.application
  const uploads = useUploadList(partnerId, 'certification-evidence', {
    max: CERTIFICATION_LIMITS.evidenceMax,
    noun: 'evidence files',
    ...(app ? { initial: app.evidence } : {}),
  })
  const [notes, setNotes] = useState(app?.notes ?? '')
  const [skus, setSkus] = useState(app?.skus.join('\n') ?? '')
  const [key] = useState(() => crypto.randomUUID())
  const { form, statusRef, errors, setErrors, status, setStatus, saving, refuse, submit } = useSaveForm(FIELD_IDS)
  const needsSkus = program.scope === 'skus'

  function check(draft: boolean): Record<string, string> {
    const found: Record<string, string> = {}
    const pending = uploadsProblem(uploads.items, 'evidence file')
    if (pending) found['cert-evidence'] = pending
    else if (!draft && uploads.readyIds.length === 0) found['cert-evidence'] = 'Attach at least one evidence document.'
    if (!draft && needsSkus && parseLines(skus).length === 0)
      found['cert-skus'] = 'Name at least one SKU of your catalog to certify.'
    return found
  }

  async function save(draft: boolean) {
    const found = check(draft)
    if (Object.keys(found).length) return refuse(found)
    const fields = {
      evidenceDocumentIds: uploads.readyIds,
      notes: notes.trim(),
      skus: needsSkus ? parseLines(skus).map((s) => s.toUpperCase()) : [],
    }
    await submit(async () => {
      const { data } = current
        ? await api.certifications.update({
            params: { partnerId, id: current.application.id },
            body: { ...fields, submit: !draft },
            etag: current.etag,
          })
        : await api.certifications.apply({
            params: { partnerId },
            body: { ...fields, programId: program.id, draft },
            idempotencyKey: key,
          })
      setFlash(
        draft
          ? 'Draft saved. Submit it when your evidence is complete.'
          : 'Application submitted. The HomeAIQ partnership team reviews it; you will see each step here.',
      )
      navigate(`/workspace/certifications/${data.id}`)
    })
  }

  return (
    <form
      ref={form}
      class="form"
      noValidate
      aria-labelledby="cert-form-title"
      onSubmit={(event) => {
        event.preventDefault()
        void save(false)
      }}
    >
      <h2 id="cert-form-title">{app ? 'Edit and resubmit' : 'Your application'}</h2>
      <fieldset class="fieldset">
        <legend>Evidence</legend>
        <p class="field__hint">
          Send what the program asks for: {program.evidenceKinds.map((k) => EVIDENCE_LABELS[k]).join('; ')}. Each file is checked
          before it can be attached.
        </p>
        <UploadList files={uploads.items} label="Evidence" onRemove={(k) => uploads.remove(k)} />
        <FilePicker
          id="cert-evidence"
          compact
          multiple
          buttonLabel={
            <>
              Add files<span class="visually-hidden"> as evidence</span>
            </>
          }
          prompt="Drag files here, or"
          accept={LIMITS.accept}
          hint={`${LIMITS.describe}; at most ${CERTIFICATION_LIMITS.evidenceMax} files.`}
          error={errors['cert-evidence']}
          disabled={uploads.items.length >= CERTIFICATION_LIMITS.evidenceMax}
          onFiles={(files) => {
            uploads.add(files)
            // the evidence error goes with new files; so does the form's failure notice when nothing else is wrong
            const { 'cert-evidence': _drop, ...rest } = errors
            setErrors(rest)
            if (Object.keys(rest).length === 0) setStatus({ kind: 'idle' })
          }}
        />
        <p class="visually-hidden" aria-live="polite">
          {uploads.announcement}
        </p>
      </fieldset>
      {needsSkus && (
        <Field id="cert-skus" label="SKUs to certify" hint="One SKU of your catalog per line." error={errors['cert-skus']}>
          {(props) => <textarea {...props} rows={3} value={skus} onInput={(e) => setSkus(e.currentTarget.value)} />}
        </Field>
      )}
      <Field id="cert-notes" label="Notes for the reviewer" optional error={errors['cert-notes']}>
        {(props) => (
          <textarea
            {...props}
            rows={4}
            maxLength={CERTIFICATION_LIMITS.notesMax}
            value={notes}
            onInput={(e) => setNotes(e.currentTarget.value)}
          />
        )}
      </Field>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="application"
        failedTitle="Not sent"
        submitLabel={app?.status === 'changes-requested' ? 'Resubmit for review' : 'Submit for review'}
        busy={saving}
        busyLabel="Sending…"
      >
        {(!app || app.status === 'draft') && (
          <button type="button" class="button button--secondary" disabled={saving} onClick={() => void save(true)}>
            Save as draft
          </button>
        )}
      </FormActions>
    </form>
  )
}

function ProgramSummary({ program }: { program: CertificationProgram }) {
  return (
    <details class="card section cert-program__details">
      <summary>
        What {program.name} requires (valid {program.validityMonths} months; scope: {SCOPE_LABELS[program.scope]})
      </summary>
      <ul>
        {program.requirements.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </details>
  )
}

export function CertificationApplyPage({ programId }: { programId: string }) {
  const me = useMe()
  const { resource, reload } = useResource(
    (signal) => api.certifications.program({ params: { programId }, signal }).then((r) => r.data),
    [programId],
  )
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const program = resource.status === 'ready' ? resource.data : undefined
  useTitle(program ? `Apply: ${program.name}` : 'Apply for a certification')
  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs
        items={[{ href: '/workspace/certifications', label: 'Certifications' }, { label: program?.name ?? 'Apply' }]}
      />
      {resource.status === 'loading' && <Loading label="Loading the program…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="program"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="No certification program has this address."
          back={{ href: '/workspace/certifications', label: 'Back to certifications' }}
        />
      )}
      {program && (
        <>
          <div class="content-header">
            <div>
              <h1>Apply: {program.name}</h1>
              <p class="lede">{program.description}</p>
            </div>
          </div>
          <ProgramSummary program={program} />
          <ApplicationForm partnerId={me.partnerId ?? ''} program={program} />
        </>
      )}
    </WorkspaceShell>
  )
}

/** The evidence of an application, each file with a short-lived download (the documents route signs it). */
export function EvidenceList({ partnerId, evidence }: { partnerId: string; evidence: CertificationApplication['evidence'] }) {
  const [error, setError] = useState<string>()
  if (evidence.length === 0) return <p class="muted">No evidence attached yet.</p>
  return (
    <>
      <ul class="file-list" aria-label="Evidence">
        {evidence.map((e) => (
          <li key={e.documentId} class="file-row">
            <FileIcon />
            <span class="file-row__name">
              {e.filename} <span class="muted small">{fileSize(e.size)}</span>
            </span>
            <span class="file-row__actions">
              <button
                type="button"
                class="button button--secondary button--small"
                onClick={() => openDownload(partnerId, e.documentId).catch((err: unknown) => setError(describeError(err)))}
              >
                Download<span class="visually-hidden"> {e.filename}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div role="alert">{error && <p class="field__error">{error}</p>}</div>
    </>
  )
}

/** What the partner should know about the latest decision. */
export function DecisionNotice({ application, staff }: { application: CertificationApplication; staff?: boolean }) {
  const badgeHref = application.badgeId ? `/badges/${encodeURIComponent(application.badgeId)}` : undefined
  if (application.status === 'changes-requested')
    return (
      <Notice tone="warning" title={staff ? 'Changes requested' : 'HomeAIQ asked for changes'}>
        <p>{application.decisionReason}</p>
      </Notice>
    )
  if (application.status === 'rejected')
    return (
      <Notice tone="error" title="Rejected">
        <p>{application.decisionReason}</p>
      </Notice>
    )
  if (application.status === 'approved')
    return (
      <Notice tone="success" title="Approved: the badge is issued">
        {badgeHref && (
          <p>
            <Link href={badgeHref}>See the badge’s public verification page</Link>
          </p>
        )}
      </Notice>
    )
  if (application.status === 'in-review' && !staff)
    return (
      <Notice tone="info" title="In review">
        <p>Someone on the HomeAIQ partnership team is reviewing it.</p>
      </Notice>
    )
  return null
}

export function WorkspaceCertificationPage({ id }: { id: string }) {
  const me = useMe()
  const partnerId = me.partnerId ?? ''
  const [flash] = useState(takeFlash)
  const { resource, reload } = useResource(
    async (signal) => {
      const { data: application, etag } = await api.certifications.get({ params: { partnerId, id }, signal })
      const { data: program } = await api.certifications.program({ params: { programId: application.programId }, signal })
      return { application, etag: etag ?? '', program }
    },
    [partnerId, id],
  )
  const notFound = resource.status === 'error' && isNotFound(resource.error, [404, 400])
  const data = resource.status === 'ready' ? resource.data : undefined
  useTitle(data ? `${data.application.programName} application` : 'Certification application')
  const editable = data && (data.application.status === 'draft' || data.application.status === 'changes-requested')

  return (
    <WorkspaceShell kind="Partner workspace" organisation={me.partnerName ?? 'Your company'} nav={PARTNER_NAV}>
      <Breadcrumbs
        items={[
          { href: '/workspace/certifications', label: 'Certifications' },
          { label: data?.application.programName ?? 'Application' },
        ]}
      />
      {resource.status === 'loading' && <Loading label="Loading the application…" />}
      {resource.status === 'error' && (
        <LoadFailure
          noun="application"
          notFound={notFound}
          error={resource.error}
          onRetry={reload}
          message="This application does not exist in your workspace."
          back={{ href: '/workspace/certifications', label: 'Back to certifications' }}
        />
      )}
      {data && (
        <>
          <div class="content-header">
            <div>
              <div class="content-header__tags content-header__tags--above">
                <ApplicationStatusBadge status={data.application.status} />
              </div>
              <h1>{data.application.programName}</h1>
              <p class="small muted">
                {data.application.submittedAt
                  ? `Submitted ${formatDate(data.application.submittedAt)}`
                  : `Draft started ${formatDate(data.application.createdAt)}`}
              </p>
            </div>
          </div>
          <FlashNotice message={flash} />
          <DecisionNotice application={data.application} />
          <div class="cert-detail">
            <section class="card section" aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">Status</h2>
              <StatusTimeline history={data.application.history} />
            </section>
            <section class="card section" aria-labelledby="evidence-heading">
              <h2 id="evidence-heading">Evidence</h2>
              <EvidenceList partnerId={partnerId} evidence={data.application.evidence} />
              {data.application.skus.length > 0 && <p>SKUs: {data.application.skus.join(', ')}</p>}
              {data.application.notes && <p class="cert-notes">{data.application.notes}</p>}
            </section>
          </div>
          {editable && <ApplicationForm partnerId={partnerId} program={data.program} current={data} />}
        </>
      )}
    </WorkspaceShell>
  )
}
