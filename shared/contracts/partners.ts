import { PartnerCreate, PartnerPatch, PartnerRecord, PartnerRecordPage, StaffPartnerQuery } from '../schemas/partner'
import { access, defineContracts } from './contract'

export const partners = defineContracts('partners', {
  list: {
    method: 'GET',
    path: '/partners',
    summary: 'All partners, by name',
    access: access.staff,
    query: StaffPartnerQuery,
    response: PartnerRecordPage,
  },
  create: {
    method: 'POST',
    path: '/partners',
    summary: 'Add a partner',
    access: access.staff,
    body: PartnerCreate,
    response: PartnerRecord,
    status: 201,
    errors: [409, 422],
  },
  get: {
    method: 'GET',
    path: '/partners/{partnerId}',
    summary: 'A partner record (ETag); commercial terms for staff only',
    access: access.member(),
    response: PartnerRecord,
  },
  update: {
    method: 'PATCH',
    path: '/partners/{partnerId}',
    summary: 'Edit a partner: admins their listing, staff everything',
    description:
      'Field-level permissions: a partner-admin may change the listing fields; tier, category, status and discount are staff-only (403 naming the fields).',
    access: access.member('partner-admin'),
    body: PartnerPatch,
    response: PartnerRecord,
    ifMatch: true,
    errors: [422],
  },
})
