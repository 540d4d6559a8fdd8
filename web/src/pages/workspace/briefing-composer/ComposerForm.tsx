import type { ComponentChildren } from 'preact'
import { ErrorSummary, FormActions } from '../../../components/form'
import { Link } from '../../../router'
import { AttachmentsField, BodyField, KindAndDateFields, SkusField, TitleField } from './fields'
import type { ComposerState } from './useBriefingComposer'
import { LABELS } from './values'

/**
 * The briefing form, for publishing and for correcting: the field groups in writing order,
 * then what the page adds (`children`: notes on acknowledgement, a correction's note), then
 * the actions.
 */
export function ComposerForm({
  c,
  heading,
  noun,
  failedTitle,
  submitLabel,
  cancelHref,
  children,
}: {
  c: ComposerState
  heading: string
  noun: string
  failedTitle: string
  submitLabel: string
  cancelHref: string
  children?: ComponentChildren
}) {
  const { form, publish, errors, status, statusRef, publishing } = c
  return (
    <form ref={form} class="card section form" noValidate onSubmit={publish} aria-labelledby="composer-heading">
      <h2 id="composer-heading" class="visually-hidden">
        {heading}
      </h2>
      <ErrorSummary title="Please correct these fields" errors={errors} labels={LABELS} />
      <KindAndDateFields c={c} />
      <TitleField c={c} />
      <SkusField c={c} />
      <BodyField c={c} />
      <AttachmentsField c={c} />
      {children}
      <FormActions
        status={status}
        statusRef={statusRef}
        noun={noun}
        failedTitle={failedTitle}
        submitLabel={submitLabel}
        busy={publishing}
        busyLabel="Publishing…"
      >
        <Link href={cancelHref} class="button button--ghost">
          Cancel
        </Link>
      </FormActions>
    </form>
  )
}
