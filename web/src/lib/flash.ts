/** A one-shot message carried across an in-app navigation (e.g. "Partner created"). */
let pending: string | undefined

export function setFlash(message: string) {
  pending = message
}

export function takeFlash(): string | undefined {
  const message = pending
  pending = undefined
  return message
}
