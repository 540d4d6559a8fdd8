import type { ComponentChildren } from 'preact'
import { useState } from 'preact/hooks'
import type { LeadBody } from '../api/types'
import { BUDGET_RANGES, BUDGET_LABELS, PROJECT_TYPES, PROJECT_TYPE_LABELS } from '../../../shared/leads/vocabulary'
import { CATEGORIES, categoryLabel } from '../lib/format'
import { recheck, useSaveForm } from '../lib/save'
import { ErrorSummary, Field, FormActions, Options } from './form'

/** The homeowner project both forms send: staff sharing a lead, a partner referring one. */
export type ProjectBody = Omit<LeadBody, 'slaHours' | 'offerTo'>

export const PROJECT_FIELD_IDS: Record<string, string> = {
  projectType: 'lead-project-type',
  region: 'lead-region',
  categories: 'lead-category-lighting-control',
  budgetRange: 'lead-budget',
  'contact.name': 'lead-contact-name',
  'contact.email': 'lead-contact-email',
  'contact.phone': 'lead-contact-phone',
  'contact.address': 'lead-contact-address',
}
const LABELS: Record<string, string> = {
  'lead-project-type': 'Project type',
  'lead-region': 'Region',
  'lead-category-lighting-control': 'Categories needed',
  'lead-budget': 'Budget',
  'lead-contact-name': 'Homeowner’s name',
  'lead-contact-email': 'E-mail',
  'lead-contact-phone': 'Phone',
  'lead-contact-address': 'Street address',
}

interface Values {
  projectType: string
  region: string
  categories: string[]
  budgetRange: string
  name: string
  email: string
  phone: string
  address: string
}

function validate(v: Values): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!v.projectType) errors['lead-project-type'] = 'Choose the kind of project.'
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(v.region.trim().toUpperCase()))
    errors['lead-region'] = 'Use an ISO 3166 code such as US-CA (or US for the whole country).'
  if (!v.categories.length) errors['lead-category-lighting-control'] = 'Choose at least one category.'
  if (!v.budgetRange) errors['lead-budget'] = 'Choose the budget range.'
  if (!v.name.trim()) errors['lead-contact-name'] = 'Enter the homeowner’s name.'
  if (!/^\S+@\S+\.\S+$/.test(v.email.trim())) errors['lead-contact-email'] = 'Enter an e-mail address such as name@example.com.'
  if (v.phone.trim() && !/^\+?[0-9 ().-]{7,25}$/.test(v.phone.trim()))
    errors['lead-contact-phone'] = 'Use a phone number such as +1 555 010 0199.'
  if (v.address.trim().length < 5) errors['lead-contact-address'] = 'Enter the street address of the project.'
  return errors
}

/**
 * The homeowner-project form: project, region, categories, budget and contact, with the
 * form's own extra fields (`children`) before the buttons. `onSubmit` sends the body; its
 * failure's field errors land next to their fields.
 */
export function ProjectForm({
  id,
  intro,
  submitLabel,
  fieldIds = PROJECT_FIELD_IDS,
  onSubmit,
  children,
}: {
  id: string
  intro: ComponentChildren
  submitLabel: string
  fieldIds?: Record<string, string>
  onSubmit: (body: ProjectBody) => Promise<void>
  children?: ComponentChildren
}) {
  const [values, setValues] = useState<Values>({
    projectType: '',
    region: '',
    categories: [],
    budgetRange: '',
    name: '',
    email: '',
    phone: '',
    address: '',
  })
  const { form, statusRef, errors, setErrors, status, saving, refuse, submit } = useSaveForm(fieldIds)
  const update = <K extends keyof Values>(name: K, value: Values[K], ids: string[]) => {
    const next = { ...values, [name]: value }
    setValues(next)
    setErrors((current) => recheck(current, validate(next), ids))
  }
  const categoryError = errors['lead-category-lighting-control']

  async function send(event: Event) {
    event.preventDefault()
    const clientErrors = validate(values)
    if (Object.keys(clientErrors).length) return refuse(clientErrors)
    await submit(() =>
      onSubmit({
        projectType: values.projectType as ProjectBody['projectType'],
        region: values.region.trim().toUpperCase(),
        categories: values.categories as ProjectBody['categories'],
        budgetRange: values.budgetRange as ProjectBody['budgetRange'],
        contact: {
          name: values.name.trim(),
          email: values.email.trim(),
          ...(values.phone.trim() ? { phone: values.phone.trim() } : {}),
          address: values.address.trim(),
        },
      }),
    )
  }

  return (
    <form ref={form} id={id} class="card section form" noValidate onSubmit={send}>
      <div class="form__intro">{intro}</div>
      <ErrorSummary title="Please correct these fields" errors={errors} labels={{ ...LABELS, 'lead-offer-to': 'Offer to' }} />
      <fieldset class="fieldset">
        <legend>Project</legend>
        <div class="form-grid">
          <Field id="lead-project-type" label="Project type" error={errors['lead-project-type']}>
            {(props) => (
              <select
                {...props}
                value={values.projectType}
                onChange={(e) => update('projectType', e.currentTarget.value, [props.id])}
              >
                <option value="" disabled>
                  Choose a project type
                </option>
                <Options values={PROJECT_TYPES} label={(t) => PROJECT_TYPE_LABELS[t]} />
              </select>
            )}
          </Field>
          <Field
            id="lead-region"
            label="Region"
            hint="ISO 3166 code of the project’s state or province, e.g. US-CA."
            error={errors['lead-region']}
          >
            {(props) => (
              <input
                {...props}
                autocomplete="off"
                value={values.region}
                onInput={(e) => update('region', e.currentTarget.value, [props.id])}
              />
            )}
          </Field>
          <Field id="lead-budget" label="Budget" error={errors['lead-budget']}>
            {(props) => (
              <select
                {...props}
                value={values.budgetRange}
                onChange={(e) => update('budgetRange', e.currentTarget.value, [props.id])}
              >
                <option value="" disabled>
                  Choose a budget range
                </option>
                <Options values={BUDGET_RANGES} label={(b) => BUDGET_LABELS[b]} />
              </select>
            )}
          </Field>
        </div>
      </fieldset>
      <fieldset class="fieldset" aria-describedby={categoryError ? 'lead-categories-error' : undefined}>
        <legend>Categories needed</legend>
        <ul class="checkbox-grid">
          {CATEGORIES.map((c) => {
            const cid = `lead-category-${c}`
            return (
              <li key={c}>
                <input
                  id={cid}
                  type="checkbox"
                  checked={values.categories.includes(c)}
                  aria-invalid={categoryError ? 'true' : undefined}
                  onChange={(e) =>
                    update(
                      'categories',
                      e.currentTarget.checked ? [...values.categories, c] : values.categories.filter((x) => x !== c),
                      ['lead-category-lighting-control'],
                    )
                  }
                />
                <label for={cid}>{categoryLabel(c)}</label>
              </li>
            )
          })}
        </ul>
        {categoryError && (
          <p class="field__error" id="lead-categories-error">
            {categoryError}
          </p>
        )}
      </fieldset>
      <fieldset class="fieldset">
        <legend>Homeowner</legend>
        <p class="field__hint">Only HomeAIQ and the partner that accepts the lead ever see these details.</p>
        <div class="form-grid">
          <Field id="lead-contact-name" label="Homeowner’s name" error={errors['lead-contact-name']}>
            {(props) => (
              <input
                {...props}
                autocomplete="off"
                value={values.name}
                onInput={(e) => update('name', e.currentTarget.value, [props.id])}
              />
            )}
          </Field>
          <Field id="lead-contact-email" label="E-mail" error={errors['lead-contact-email']}>
            {(props) => (
              <input
                {...props}
                type="email"
                autocomplete="off"
                value={values.email}
                onInput={(e) => update('email', e.currentTarget.value, [props.id])}
              />
            )}
          </Field>
          <Field id="lead-contact-phone" label="Phone" optional error={errors['lead-contact-phone']}>
            {(props) => (
              <input
                {...props}
                type="tel"
                autocomplete="off"
                value={values.phone}
                onInput={(e) => update('phone', e.currentTarget.value, [props.id])}
              />
            )}
          </Field>
          <Field id="lead-contact-address" label="Street address" error={errors['lead-contact-address']}>
            {(props) => (
              <input
                {...props}
                autocomplete="off"
                value={values.address}
                onInput={(e) => update('address', e.currentTarget.value, [props.id])}
              />
            )}
          </Field>
        </div>
      </fieldset>
      {children}
      <FormActions
        status={status}
        statusRef={statusRef}
        noun="lead"
        submitLabel={submitLabel}
        busyLabel="Sending…"
        busy={saving}
      />
    </form>
  )
}
