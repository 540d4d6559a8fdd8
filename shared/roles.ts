export const ROLES = ['staff', 'partner-admin', 'partner-rep'] as const
export type Role = (typeof ROLES)[number]

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

/** Who is making a request. Partner users always carry their partner id. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'staff'; userId: string; email: string; role: 'staff' }
  | { kind: 'partner'; userId: string; email: string; role: 'partner-admin' | 'partner-rep'; partnerId: string }

export const anonymous: Actor = { kind: 'anonymous' }

export type SignedInActor = Exclude<Actor, { kind: 'anonymous' }>
