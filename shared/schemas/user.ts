import * as z from 'zod'
import { ROLES } from '../roles'
import { Slug } from './common'

export const PortalUser = z.object({
  userId: z.string(),
  email: z.email(),
  name: z.string(),
  role: z.enum(ROLES),
  /** absent for staff */
  partnerId: Slug.optional(),
})
export type PortalUser = z.infer<typeof PortalUser>

/** GET /me */
export const Me = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  partnerId: z.string().optional(),
  partnerName: z.string().optional(),
})
export type Me = z.infer<typeof Me>
