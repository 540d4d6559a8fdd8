import * as z from 'zod'
import { DirectoryPage, DirectoryQuery, PublicPartner } from '../schemas/partner'
import { Slug } from '../schemas/common'
import { access, defineContracts } from './contract'

const PartnerParam = z.strictObject({ partnerId: Slug })

export const directory = defineContracts('directory', {
  list: {
    method: 'GET',
    path: '/directory',
    summary: 'Active partners, by name',
    access: access.public,
    query: DirectoryQuery,
    response: DirectoryPage,
  },
  profile: {
    method: 'GET',
    path: '/directory/{partnerId}',
    summary: 'A public partner profile',
    access: access.public,
    params: PartnerParam,
    response: PublicPartner,
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
