import { useState } from 'preact/hooks'
import {
  CERTIFICATION_LIMITS,
  EVIDENCE_KINDS,
  EVIDENCE_LABELS,
  LEVEL_LABELS,
  PROGRAM_LEVELS,
  PROGRAM_SCOPES,
  PROGRAM_TRACKS,
  SCOPE_LABELS,
  TRACK_LABELS,
  type EvidenceKind,
  type ProgramLevel,
  type ProgramScope,
  type ProgramTrack,
} from '../../../../shared/certifications/vocabulary'
import { api } from '../../api/contracts'
import type { CertificationProgram } from '../../api/types'
import { Breadcrumbs, Field, FormActions, Options } from '../../components/form'
import { ErrorState, Loading, Notice } from '../../components/states'
import { STAFF_NAV, WorkspaceShell } from '../../components/WorkspaceShell'
import { useResource, useTitle } from '../../lib/hooks'
import { useSaveForm } from '../../lib/save'

interface Values {
  id: string
  name: string
  track: ProgramTrack
  level: ProgramLevel
  scope: ProgramScope
  description: string
  requirements: string
  evidenceKinds: EvidenceKind[]
  validityMonths: string
}

const blank: Values = {
  id: '',
  name: '',
  track: 'integration',
  level: 'standard',
  scope: 'partner',
  description: '',
  requirements: '',
  evidenceKinds: [],
  validityMonths: '12',
}

const valuesOf = (p: CertificationProgram): Values => ({
  ...p,
  requirements: p.requirements.join('\n'),
  validityMonths: String(p.validityMonths),
})

/** A program's fields, to define a new program or change one (If-Match with the ETag it was read with). */
function ProgramForm({
  program,
  etag,
  onSaved,
}: {
  program?: CertificationProgram
  etag?: string
  onSaved: (program: CertificationProgram, etag: string) => void
}) {
  const prefix = program ? `program-${program.id}` : 'program-new'
  const ids = {
    id: `${prefix}-id`,
    name: `${prefix}-name`,
    description: `${prefix}-description`,
    requirements: `${prefix}-requirements`,
    evidenceKinds: `${prefix}-evidence`,
    validityMonths: `${prefix}-validity`,
  }
  const [values, setValues] = useState<Values>(program ? valuesOf(program) : blank)
  const { form, statusRef, errors, status, saving, refuse, submit } = useSaveForm(ids)
  const set = <K extends keyof Values>(name: K, value: Values[K]) => setValues((v) => ({ ...v, [name]: value }))

  /** The form's own checks, in words for people (the API checks the same and more). */
  function check(): Record<string, string> {
    const found: Record<string, string> = {}
    if (!program && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.id.trim()))
      found[ids.id] = 'Enter an id of lowercase letters, digits and single hyphens.'
    if (values.name.trim().length < 3) found[ids.name] = 'Enter a name of at least 3 characters.'
    if (!values.description.trim()) found[ids.description] = 'Describe the program.'
    if (!values.requirements.trim()) found[ids.requirements] = 'List at least one requirement.'
    if (values.evidenceKinds.length === 0) found[ids.evidenceKinds] = 'Name at least one kind of evidence.'
    const months = Number(values.validityMonths)
    if (!Number.isInteger(months) || months < 1 || months > CERTIFICATION_LIMITS.validityMonthsMax)
      found[ids.validityMonths] = `Enter whole months from 1 to ${CERTIFICATION_LIMITS.validityMonthsMax}.`
    return found
  }

  async function save(event: Event) {
    event.preventDefault()
    const found = check()
    if (Object.keys(found).length) return refuse(found)
    const fields = {
      name: values.name.trim(),
      track: values.track,
      level: values.level,
      scope: values.scope,
      description: values.description.trim(),
      // one per line (a requirement may well contain commas)
      requirements: values.requirements
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean),
      evidenceKinds: values.evidenceKinds,
      validityMonths: Number(values.validityMonths),
    }
    await submit(async () => {
      const saved = program
        ? await api.certifications.updateProgram({ params: { programId: program.id }, body: fields, etag: etag! })
        : await api.certifications.createProgram({ body: { ...fields, id: values.id.trim() } })
      onSaved(saved.data, saved.etag ?? '')
      if (!program) setValues(blank)
    })
  }

  return (
    <form ref={form} class="form" noValidate onSubmit={save} aria-label={program ? `Edit ${program.name}` : 'New program'}>
      {!program && (
        <Field
          id={ids.id}
          label="Program id"
          hint="Lowercase letters, digits and hyphens, e.g. integration-matter."
          error={errors[ids.id]}
        >
          {(props) => <input {...props} value={values.id} onInput={(e) => set('id', e.currentTarget.value)} />}
        </Field>
      )}
      <Field id={ids.name} label="Name" error={errors[ids.name]}>
        {(props) => (
          <input
            {...props}
            maxLength={CERTIFICATION_LIMITS.nameMax}
            value={values.name}
            onInput={(e) => set('name', e.currentTarget.value)}
          />
        )}
      </Field>
      <div class="form-grid form-grid--3">
        <Field id={`${prefix}-track`} label="Track">
          {(props) => (
            <select {...props} value={values.track} onChange={(e) => set('track', e.currentTarget.value as ProgramTrack)}>
              <Options values={PROGRAM_TRACKS} label={(t) => TRACK_LABELS[t]} />
            </select>
          )}
        </Field>
        <Field id={`${prefix}-level`} label="Level">
          {(props) => (
            <select {...props} value={values.level} onChange={(e) => set('level', e.currentTarget.value as ProgramLevel)}>
              <Options values={PROGRAM_LEVELS} label={(l) => LEVEL_LABELS[l]} />
            </select>
          )}
        </Field>
        <Field id={`${prefix}-scope`} label="Scope">
          {(props) => (
            <select {...props} value={values.scope} onChange={(e) => set('scope', e.currentTarget.value as ProgramScope)}>
              <Options values={PROGRAM_SCOPES} label={(s) => SCOPE_LABELS[s]} />
            </select>
          )}
        </Field>
      </div>
      <Field id={ids.validityMonths} label="Validity (months)" error={errors[ids.validityMonths]}>
        {(props) => (
          <input
            {...props}
            type="number"
            min={1}
            max={CERTIFICATION_LIMITS.validityMonthsMax}
            value={values.validityMonths}
            onInput={(e) => set('validityMonths', e.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={ids.description} label="Description" error={errors[ids.description]}>
        {(props) => (
          <textarea {...props} rows={3} value={values.description} onInput={(e) => set('description', e.currentTarget.value)} />
        )}
      </Field>
      <Field id={ids.requirements} label="Requirements" hint="One requirement per line." error={errors[ids.requirements]}>
        {(props) => (
          <textarea {...props} rows={5} value={values.requirements} onInput={(e) => set('requirements', e.currentTarget.value)} />
        )}
      </Field>
      <fieldset
        class="fieldset"
        id={ids.evidenceKinds}
        tabIndex={-1}
        aria-describedby={errors[ids.evidenceKinds] ? `${ids.evidenceKinds}-error` : undefined}
      >
        <legend>Evidence required</legend>
        <ul class="checkbox-grid cert-evidence-grid">
          {EVIDENCE_KINDS.map((k) => (
            <li key={k}>
              <input
                id={`${prefix}-evidence-${k}`}
                type="checkbox"
                checked={values.evidenceKinds.includes(k)}
                onChange={(e) =>
                  set(
                    'evidenceKinds',
                    e.currentTarget.checked ? [...values.evidenceKinds, k] : values.evidenceKinds.filter((x) => x !== k),
                  )
                }
              />
              <label for={`${prefix}-evidence-${k}`}>{EVIDENCE_LABELS[k]}</label>
            </li>
          ))}
        </ul>
        {errors[ids.evidenceKinds] && (
          <p class="field__error" id={`${ids.evidenceKinds}-error`}>
            {errors[ids.evidenceKinds]}
          </p>
        )}
      </fieldset>
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="program"
        saved={<Notice tone="success">Program saved. New applications and renewals use it from now on.</Notice>}
        submitLabel={program ? 'Save program' : 'Add program'}
        busy={saving}
      />
    </form>
  )
}

/** Staff define the certification programs partners apply for, and change them. */
export function StaffCertificationProgramsPage() {
  useTitle('Certification programs · Staff')
  const { resource, reload, replace } = useResource(
    (signal) =>
      api.certifications.programs({ signal }).then(async ({ data }) =>
        Promise.all(
          data.items.map(async (p) => {
            const { data: program, etag } = await api.certifications.program({ params: { programId: p.id }, signal })
            return { program, etag: etag ?? '' }
          }),
        ),
      ),
    [],
  )
  const list = resource.status === 'ready' ? resource.data : []

  return (
    <WorkspaceShell kind="Staff workspace" organisation="HomeAIQ partnership team" nav={STAFF_NAV}>
      <Breadcrumbs items={[{ href: '/staff/certifications', label: 'Certification reviews' }, { label: 'Programs' }]} />
      <div class="content-header">
        <div>
          <h1>Certification programs</h1>
          <p class="lede">
            What partners can be certified for. A change applies to new applications and renewals; issued badges keep their dates.
          </p>
        </div>
      </div>
      {resource.status === 'loading' && <Loading label="Loading programs…" />}
      {resource.status === 'error' && (
        <ErrorState title="We couldn't load the programs" error={resource.error} onRetry={reload} />
      )}
      {resource.status === 'ready' && (
        <>
          {list.map(({ program, etag }) => (
            <details key={program.id} class="card section cert-program__details">
              <summary>
                {program.name} · {LEVEL_LABELS[program.level]} · {program.validityMonths} months
              </summary>
              <ProgramForm
                program={program}
                etag={etag}
                onSaved={(saved, nextEtag) =>
                  replace(list.map((x) => (x.program.id === saved.id ? { program: saved, etag: nextEtag } : x)))
                }
              />
            </details>
          ))}
          <section class="card section" aria-labelledby="new-program-heading">
            <h2 id="new-program-heading">New program</h2>
            <ProgramForm onSaved={(saved, etag) => replace([...list, { program: saved, etag }])} />
          </section>
        </>
      )}
    </WorkspaceShell>
  )
}
