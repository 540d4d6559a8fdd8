import { auditEntry } from '../../shared/audit/entry'
import { anonymous } from '../../shared/roles'
import { newPartner } from '../../shared/partners/rules'
import { markerRepository } from '../data/markers'
import { partnerRepository } from '../data/partners'
import { userRepository } from '../data/users'
import type { Deps } from '../http/deps'
import { seedCatalog } from './seed-catalog'
import { seedCertifications } from './seed-certifications'
import { DEMO_PARTNERS, demoUsers } from './seed-data'
import { seedLeads } from './seed-leads'
import { seedMdf } from './seed-mdf'
import { seedProgram } from './seed-program'

type SeedDeps = Pick<Deps, 'db' | 'clock' | 'newId' | 'storage'>

/**
 * Demo data sets, in order, each seeded once under its own marker: a DATA_DIR seeded before a
 * capability arrived gets that capability's demo data at the next start, and later starts
 * keep every change. Each capability adds its set here (a `seed-<domain>.ts` beside this file).
 */
const DEMO_SETS: { marker: string; seed: (deps: SeedDeps) => Promise<void> }[] = [
  { marker: 'demo-v1', seed: seedBase },
  { marker: 'demo-leads-v1', seed: seedLeads },
  { marker: 'demo-mdf-v1', seed: seedMdf },
  { marker: 'demo-certifications-v1', seed: seedCertifications },
  { marker: 'demo-catalog-v1', seed: seedCatalog },
  { marker: 'demo-program-v1', seed: seedProgram },
]

/** Everything `npm start` shows: the partners and users, then each capability's demo data. */
export async function seedDemoData(deps: SeedDeps): Promise<void> {
  const markers = markerRepository(deps.db)
  for (const set of DEMO_SETS) {
    if (await markers.has(set.marker)) continue
    await set.seed(deps)
    await markers.set(set.marker, deps.clock.now())
  }
}

/** The demo partners of the strategy and their users (the integration tests start from this alone). */
export async function seedBase({ db, clock, newId }: SeedDeps): Promise<void> {
  const partners = partnerRepository(db)
  const users = userRepository(db)
  const now = clock.now()
  for (const input of DEMO_PARTNERS) {
    if (await partners.get(input.id)) continue
    const partner = newPartner(input, now)
    await partners.create(
      partner,
      auditEntry({
        id: newId(),
        now,
        actor: anonymous,
        partnerId: partner.id,
        entity: { type: 'partner', id: partner.id },
        action: 'partner.created',
        before: null,
        after: partner,
      }),
    )
  }
  for (const user of demoUsers()) await users.put(user)
}
