import { ApiError, describeError } from '../api/client'
import { mapFieldErrors } from '../components/form'

/** What the user should see after a failed save. */
export interface SaveFailure {
  fieldErrors: Record<string, string>
  /** a 412: someone else changed the record */
  conflict: boolean
  message: string
}

/** Turns an API error from a write into field errors and a summary message. */
export function saveFailure(error: unknown, fieldIds: Record<string, string>): SaveFailure {
  if (error instanceof ApiError) {
    if (error.status === 412) {
      return {
        fieldErrors: {},
        conflict: true,
        message:
          'Someone else changed this record since you opened it. Reload to see the latest version, then make your change again.',
      }
    }
    const { byField, unmatched } = mapFieldErrors(error.fieldErrors, fieldIds)
    const count = Object.keys(byField).length
    let message: string
    if (error.status === 403) message = error.problem.detail || 'Your role may not make this change.'
    else if (count > 0) message = count === 1 ? 'One field needs your attention.' : `${count} fields need your attention.`
    else message = describeError(error)
    if (unmatched.length) message += ` ${unmatched.join(' ')}`
    return { fieldErrors: byField, conflict: false, message }
  }
  return { fieldErrors: {}, conflict: false, message: describeError(error) }
}

export const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i])

/** Moves keyboard focus to the first invalid control inside `root`. */
export function focusFirstInvalid(root: HTMLElement | null) {
  const target = root?.querySelector<HTMLElement>('[aria-invalid="true"]')
  if (target) {
    target.focus()
    return true
  }
  return false
}
