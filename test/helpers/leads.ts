import type { TestPortal } from './test-portal'

export const STAFF = 'staff@homeaiq.example'

let serial = 0

/** A lead body with a homeowner of its own (every call a new e-mail, phone and address). */
export function leadBody(overrides: Record<string, unknown> = {}) {
  serial++
  const n = String(serial).padStart(4, '0')
  return {
    projectType: 'renovation',
    region: 'US-CA',
    categories: ['lighting-control'],
    budgetRange: '50k-100k',
    contact: {
      name: `Jordan Avery ${n}`,
      email: `jordan.avery.${n}@example.com`,
      phone: `(415) 555-${n}`,
      address: `${1000 + serial} Ocean Avenue, Apt 4, San Francisco`,
    },
    ...overrides,
  }
}

/** Every string of a homeowner's contact, to look for in answers that must not hold them. */
export const contactStrings = (contact: Record<string, string>) => Object.values(contact)

export async function shareLead(portal: TestPortal, overrides: Record<string, unknown> = {}) {
  const body = leadBody(overrides)
  const res = await portal.call('POST', '/leads', { as: STAFF, body })
  if (res.status !== 201) throw new Error(`share failed: ${res.status} ${res.text}`)
  return { lead: res.json, contact: body.contact as Record<string, string>, body }
}

/** Runs `fn` with the API's clock moved `hours` ahead, then puts it back. */
export async function hoursLater<T>(portal: TestPortal, hours: number, fn: () => Promise<T>): Promise<T> {
  const clock = portal.deps.clock
  const real = clock.now
  clock.now = () => new Date(real().getTime() + hours * 3_600_000)
  try {
    return await fn()
  } finally {
    clock.now = real
  }
}

/** The expiry job as if it ran `hours` from now. */
export const jobClock = (hours: number) => ({ now: () => new Date(Date.now() + hours * 3_600_000) })
