import { openFund } from '../../shared/mdf/rules'
import type { SignedInActor } from '../../shared/roles'
import type { PortalDocument } from '../../shared/schemas/document'
import type { Fund } from '../../shared/schemas/mdf'

/** MDF fixtures: who acts, when, a fund of Lutron's 2026-Q4 and a valid claim body. */
export const NOW = new Date('2026-12-02T15:00:00Z')

export const ACTORS: Record<'staff' | 'rep' | 'admin', SignedInActor> = {
  staff: { kind: 'staff', role: 'staff', userId: 'dev-staff', email: 'staff@homeaiq.example' },
  rep: { kind: 'partner', role: 'partner-rep', userId: 'dev-rep-lutron', email: 'rep@lutron.example', partnerId: 'lutron' },
  admin: {
    kind: 'partner',
    role: 'partner-admin',
    userId: 'dev-admin-lutron',
    email: 'admin@lutron.example',
    partnerId: 'lutron',
  },
}

const doc = (id: string, filename: string): PortalDocument => ({
  id,
  partnerId: 'lutron',
  purpose: 'mdf-proof',
  contentType: 'application/pdf',
  filename,
  size: 100,
  status: 'ready',
  key: `partners/lutron/mdf-proof/${id}`,
  uploadedBy: 'rep@lutron.example',
  createdAt: NOW.toISOString(),
})

export const DOCS = [doc('01JDQ7Z8X9Y0ABCDEFGHJKMNP1', 'invoice.pdf'), doc('01JDQ7Z8X9Y0ABCDEFGHJKMNP2', 'booth.pdf')]

/** Lutron's 2026-Q4 fund with $20,000 allocated, then `overrides`. */
export const fundOf = (overrides: Partial<Fund> = {}): Fund => ({
  ...openFund(
    { period: '2026-Q4', allocatedCents: 20_000_00 },
    { partnerId: 'lutron', tier: 'strategic', actor: ACTORS.staff, now: new Date('2026-10-01T09:00:00Z') },
  ).fund,
  ...overrides,
})

/** A trade show of November with its invoice and photos; `documents` ids to attach, kinds in order. */
export function claimBody(overrides: Record<string, unknown> = {}, documents: string[] = DOCS.map((d) => d.id)) {
  const kinds = ['invoice', 'photo']
  return {
    period: '2026-Q4',
    activityType: 'trade-show',
    activityStart: '2026-11-01',
    activityEnd: '2026-11-02',
    amountCents: 4_500_00,
    description: 'CEDIA Expo booth with the RadioRA 3 showcase wall',
    documentIds: documents,
    proofKinds: Object.fromEntries(documents.map((id, i) => [id, kinds[i % kinds.length]])),
    ...overrides,
  }
}
