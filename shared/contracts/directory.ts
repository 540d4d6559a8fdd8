import * as z from 'zod/mini'
import { DirectoryPage, DirectoryQuery, PublicProfile } from '../schemas/partner'
import { Slug } from '../schemas/common'
import { access, defineContracts } from './contract'

const PartnerParam = z.strictObject({ partnerId: Slug })

export const directory = defineContracts('directory', {
  list: {
    method: 'GET',
    path: '/directory',
    summary: 'Active partners, by name (by partner id when filtered by certification)',
    access: access.public,
    query: DirectoryQuery,
    response: DirectoryPage,
  },
  profile: {
    method: 'GET',
    path: '/directory/{partnerId}',
    summary: 'A public partner profile, with its active certification badges',
    access: access.public,
    params: PartnerParam,
    response: PublicProfile,
  },
  logo: {
    method: 'GET',
    path: '/directory/{partnerId}/logo',
    summary: 'The partner’s logo (302 to a short-lived signed image URL)',
    access: access.public,
    params: PartnerParam,
    status: 302,
  },
})
