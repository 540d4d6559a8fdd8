import * as z from 'zod/mini'
import { Slug } from '../schemas/common'
import { PartnerAdmins, PartnerInvite, StaffInvite, TeamMember, TeamPage } from '../schemas/user'
import { access, defineContracts } from './contract'

const UserId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a user id.'))

export const users = defineContracts('users', {
  team: {
    method: 'GET',
    path: '/partners/{partnerId}/users',
    summary: 'The partner’s users, by e-mail',
    access: access.member('partner-admin'),
    params: z.strictObject({ partnerId: Slug }),
    response: TeamPage,
  },
  admins: {
    method: 'GET',
    path: '/partners/{partnerId}/users/admins',
    summary: 'Who can edit the partner’s records: its admins’ names and e-mails, for any of its users',
    access: access.member('partner-rep'),
    params: z.strictObject({ partnerId: Slug }),
    response: PartnerAdmins,
  },
  invite: {
    method: 'POST',
    path: '/partners/{partnerId}/users',
    summary: 'Invite a partner admin or rep; they can sign in at once',
    access: access.member('partner-admin'),
    params: z.strictObject({ partnerId: Slug }),
    body: PartnerInvite,
    response: TeamMember,
    status: 201,
    errors: [409],
  },
  remove: {
    method: 'DELETE',
    path: '/partners/{partnerId}/users/{userId}',
    summary: 'Remove a partner user (never the last admin); their token stops working',
    access: access.member('partner-admin'),
    params: z.strictObject({ partnerId: Slug, userId: UserId }),
    errors: [409],
  },
  staff: {
    method: 'GET',
    path: '/staff/users',
    summary: 'HomeAIQ staff users',
    access: access.staff,
    response: TeamPage,
  },
  inviteStaff: {
    method: 'POST',
    path: '/staff/users',
    summary: 'Invite a HomeAIQ staff member',
    access: access.staff,
    body: StaffInvite,
    response: TeamMember,
    status: 201,
    errors: [409],
  },
  removeStaff: {
    method: 'DELETE',
    path: '/staff/users/{userId}',
    summary: 'Remove a staff member (never yourself)',
    access: access.staff,
    params: z.strictObject({ userId: UserId }),
    errors: [409],
  },
})
