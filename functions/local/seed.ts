import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { auditEntry } from '../../shared/audit'
import { anonymous } from '../../shared/roles'
import { newPartner } from '../../shared/partners/rules'
import type { Db } from '../data/db'
import { keys } from '../data/keys'
import { partnerRepository } from '../data/partners'
import { userRepository } from '../data/users'
import type { Deps } from '../http/deps'
import { DEMO_PARTNERS, demoUsers } from './seed-data'

const SEED_VERSION = 'demo-v1'

/** Seeds the demo partners and users once; later starts find the marker and keep every change. */
export async function seedDemoData({ db, clock, newId }: Pick<Deps, 'db' | 'clock' | 'newId'>): Promise<boolean> {
  if (await seeded(db)) return false
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
  await db.doc.send(new PutCommand({ TableName: db.table, Item: { ...keys.seedMarker(SEED_VERSION), at: now.toISOString() } }))
  return true
}

async function seeded(db: Db) {
  const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.seedMarker(SEED_VERSION) }))
  return out.Item !== undefined
}
