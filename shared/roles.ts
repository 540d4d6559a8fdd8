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

export const ROLE_LABELS: Record<Role, string> = {
  staff: 'HomeAIQ staff',
  'partner-admin': 'Partner admin',
  'partner-rep': 'Partner rep',
}

/** Partners learn that HomeAIQ did something, never which staff member: this is who they see. */
export const HOMEAIQ_ACTOR = { userId: 'homeaiq', email: 'HomeAIQ' } as const

/** The e-mail a reader is shown for a person of `role`: partners see staff as "HomeAIQ". */
export const shownEmail = (email: string, role: Role | 'system' | undefined, reader: Actor) =>
  role === 'staff' && reader.kind !== 'staff' ? HOMEAIQ_ACTOR.email : email
