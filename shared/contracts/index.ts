import { audit } from './audit'
import { badges } from './badges'
import { briefings } from './briefings'
import { catalog } from './catalog'
import { certifications } from './certifications'
import type { Domain, RouteContract } from './contract'
import { directory } from './directory'
import { identity } from './identity'
import { notifications } from './notifications'
import { leads } from './leads'
import { mdf } from './mdf'
import { partners } from './partners'
import { program } from './program'
import { uploads } from './uploads'
import { users } from './users'

/** Every route of the API, by domain and name: the one list everything else derives from. */
export const contracts = {
  identity,
  directory,
  partners,
  catalog,
  uploads,
  briefings,
  audit,
  notifications,
  users,
  leads,
  program,
  mdf,
  certifications,
  badges,
} satisfies Record<Domain, Record<string, RouteContract>>
export type Contracts = typeof contracts

/** All contracts with their `domain.name` ids. */
export const allContracts = (): (RouteContract & { id: string; name: string })[] =>
  Object.entries(contracts).flatMap(([domain, routes]) =>
    Object.entries(routes as Record<string, RouteContract>).map(([name, c]) => ({ ...c, id: `${domain}.${name}`, name })),
  )
