import { auditEntry } from '../../shared/audit/entry'
import { anonymous } from '../../shared/roles'
import { newPartner } from '../../shared/partners/rules'
import { markerRepository } from '../data/markers'
import { partnerRepository } from '../data/partners'
import { userRepository } from '../data/users'
import type { Deps } from '../http/deps'
import { DEMO_PARTNERS, demoUsers } from './seed-data'

const SEED_VERSION = 'demo-v1'

/** Seeds the demo partners and users once; later starts find the marker and keep every change. */
export async function seedDemoData({ db, clock, newId }: Pick<Deps, 'db' | 'clock' | 'newId'>): Promise<boolean> {
  const markers = markerRepository(db)
  if (await markers.has(SEED_VERSION)) return false
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
  await markers.set(SEED_VERSION, now)
  return true
}
