import type { Partner } from '../api/types'
import { Field } from './form'

/** The partnership contact as a form holds it. */
export interface ContactValues {
  contactName: string
  contactEmail: string
  contactPhone: string
}

export const contactValues = (contact: Partner['contact']): ContactValues => ({
  contactName: contact.name,
  contactEmail: contact.email,
  contactPhone: contact.phone ?? '',
})

/** The contact in the API's shape: trimmed, the phone only when given. */
export function contactOf(values: ContactValues): Partner['contact'] {
  const phone = values.contactPhone.trim()
  return { name: values.contactName.trim(), email: values.contactEmail.trim(), ...(phone ? { phone } : {}) }
}

/** The API's field paths of the contact mapped onto the fieldset's ids (`<prefix>-contact-…`). */
export const contactFieldIds = (prefix: string): Record<string, string> => ({
  contact: `${prefix}-contact-name`,
  'contact.name': `${prefix}-contact-name`,
  'contact.email': `${prefix}-contact-email`,
  'contact.phone': `${prefix}-contact-phone`,
})

/** The error summary's labels of the contact's fields. */
export const contactLabels = (prefix: string): Record<string, string> => ({
  [`${prefix}-contact-name`]: 'Contact name',
  [`${prefix}-contact-email`]: 'Contact email',
  [`${prefix}-contact-phone`]: 'Contact phone',
})

/**
 * The partnership contact: name, email and an optional phone. `autofill` offers the browser's
 * own details (a partner admin often is the contact; staff adding a partner is not).
 */
export function ContactFieldset({
  prefix,
  values,
  errors,
  onInput,
  hint,
  autofill,
  columns = 2,
}: {
  prefix: string
  values: ContactValues
  errors: Record<string, string>
  onInput: (name: keyof ContactValues) => (event: { currentTarget: { value: string } }) => void
  hint?: string
  autofill?: boolean
  columns?: 2 | 3
}) {
  const id = (field: string) => `${prefix}-contact-${field}`
  const auto = (token: string) => (autofill ? token : undefined)
  return (
    <fieldset class="fieldset">
      <legend>Partnership contact</legend>
      {hint && <p class="field__hint">{hint}</p>}
      <div class={columns === 3 ? 'form-grid form-grid--3' : 'form-grid'}>
        <Field id={id('name')} label="Name" error={errors[id('name')]}>
          {(props) => (
            <input
              {...props}
              type="text"
              autocomplete={auto('name')}
              value={values.contactName}
              onInput={onInput('contactName')}
            />
          )}
        </Field>
        <Field id={id('email')} label="Email" error={errors[id('email')]}>
          {(props) => (
            <input
              {...props}
              type="email"
              autocomplete={auto('email')}
              value={values.contactEmail}
              onInput={onInput('contactEmail')}
            />
          )}
        </Field>
        <Field id={id('phone')} label="Phone" optional error={errors[id('phone')]}>
          {(props) => (
            <input
              {...props}
              type="tel"
              autocomplete={auto('tel')}
              value={values.contactPhone}
              onInput={onInput('contactPhone')}
            />
          )}
        </Field>
      </div>
    </fieldset>
  )
}
