import * as z from 'zod/mini'
import { ROLES } from '../roles'
import { Slug } from './common'

export const PortalUser = z.object({
  userId: z.string(),
  email: z.email(),
  name: z.string(),
  role: z.enum(ROLES),
  /** absent for staff */
  partnerId: z.optional(Slug),
})
export type PortalUser = z.infer<typeof PortalUser>

/** GET /me */
export const Me = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  partnerId: z.optional(z.string()),
  partnerName: z.optional(z.string()),
})
export type Me = z.infer<typeof Me>

/** A member of a partner's team, as its admins and HomeAIQ staff see it. */
export const TeamMember = PortalUser
export const TeamPage = z.object({ items: z.array(TeamMember) })
/** A partner's admins as any of its users may see them: who to ask for a change. */
export const PartnerAdmins = z.object({ items: z.array(z.object({ name: z.string(), email: z.string() })) })

/** Inviting someone: they can sign in at once (in AWS Cognito e-mails them a temporary password). */
export const PartnerInvite = z.strictObject({
  email: z.email('Enter an e-mail address such as dana@lutron.com.').check(z.maxLength(254)),
  name: z.string().check(z.trim(), z.minLength(1, 'Enter the person’s name.'), z.maxLength(120)),
  role: z.enum(['partner-admin', 'partner-rep'], { error: 'Choose partner admin or partner rep.' }),
})
export type PartnerInvite = z.infer<typeof PartnerInvite>
export const StaffInvite = z.omit(PartnerInvite, { role: true })
