import { auditRoutes } from './audit/app'
import { badgesRoutes } from './badges/app'
import { briefingsRoutes } from './briefings/app'
import { catalogRoutes } from './catalog/app'
import { certificationsRoutes } from './certifications/app'
import { directoryRoutes } from './directory/app'
import { createApiWith, type DomainApp } from './http/app'
import type { Deps } from './http/deps'
import { identityRoutes } from './identity/app'
import { notificationsRoutes } from './notifications/app'
import { leadsRoutes } from './leads/app'
import { mdfRoutes } from './mdf/app'
import { partnersRoutes } from './partners/app'
import { programRoutes } from './program/app'
import { uploadsRoutes } from './uploads/app'
import { usersRoutes } from './users/app'
import type { Domain } from '../shared/contracts/contract'

/** Every domain's routes, by domain: a domain without its routes here does not compile. */
export const DOMAIN_APPS: Record<Domain, DomainApp> = {
  identity: identityRoutes,
  directory: directoryRoutes,
  partners: partnersRoutes,
  catalog: catalogRoutes,
  uploads: uploadsRoutes,
  briefings: briefingsRoutes,
  audit: auditRoutes,
  notifications: notificationsRoutes,
  users: usersRoutes,
  leads: leadsRoutes,
  program: programRoutes,
  mdf: mdfRoutes,
  certifications: certificationsRoutes,
  badges: badgesRoutes,
}

/** The whole API in one app: what `npm start` serves and the integration tests drive. */
export const createApi = (deps: Deps) => createApiWith(deps, Object.values(DOMAIN_APPS))
