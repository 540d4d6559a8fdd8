import type { LeadInput, PipelineInput } from '../../shared/schemas/lead-input'
import type { Deps } from '../http/deps'
import { leadWorkflow } from '../leads/workflow'
import { DEMO_STAFF, demoRep } from './seed-data'

type SeedDeps = Pick<Deps, 'db' | 'clock' | 'newId'>

type Project = Omit<LeadInput, 'slaHours' | 'offerTo'>
const project = (
  projectType: Project['projectType'],
  region: string,
  categories: Project['categories'],
  budgetRange: Project['budgetRange'],
  name: string,
  phone: string,
  address: string,
): Project => ({
  projectType,
  region,
  categories,
  budgetRange,
  contact: { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, phone, address },
})

/**
 * Leads in every state across the program's partners, shared and moved exactly as the API does
 * it (distribution, SLA, pipeline), plus referrals: one waiting for staff and one conflict.
 * Homeowners are fictional (example.com, 555 numbers).
 */
export async function seedLeads(deps: SeedDeps): Promise<void> {
  const flow = leadWorkflow(deps)
  const share = (p: Project, extra: Partial<LeadInput> = {}) =>
    flow.share({ slaHours: 48, ...p, ...extra }, DEMO_STAFF, deps.newId())
  const pipeline = async (id: string, pid: string, steps: PipelineInput[]) => {
    let lead = await flow.accept(id, demoRep(pid))
    for (const step of steps) lead = await flow.advance(id, demoRep(pid), step, lead.version)
  }

  // offered, waiting within its SLA: Lutron's inbox has a live offer
  await share(
    project(
      'new-construction',
      'US-CA',
      ['lighting-control'],
      '100k-250k',
      'Avery Brooks',
      '+1 415 555 0101',
      '48 Vista Verde Way, Mill Valley',
    ),
  )
  await share(
    project(
      'retrofit',
      'US-WA',
      ['networking-infrastructure'],
      '10k-50k',
      'Riley Chen',
      '+1 206 555 0102',
      '912 Alder Street, Seattle',
    ),
    { slaHours: 24 },
  )

  // declined by Lutron (no capacity) and offered on to a preferred lighting partner
  const moved = await share(
    project(
      'renovation',
      'US-TX',
      ['lighting-control'],
      '50k-100k',
      'Jamie Ortiz',
      '+1 512 555 0103',
      '77 Barton Hills Drive, Austin',
    ),
  )
  await flow.decline(moved.id, demoRep('lutron'), 'No certified installer near Austin before March.')

  // the pipeline, one lead per step
  const accepted = await share(
    project(
      'renovation',
      'US-NY',
      ['lighting-control'],
      '50k-100k',
      'Casey Morgan',
      '+1 212 555 0104',
      '301 West 86th Street, Apt 12B, New York',
    ),
  )
  await pipeline(accepted.id, 'lutron', [])
  const contacted = await share(
    project('retrofit', 'CA-ON', ['climate-control'], '10k-50k', 'Taylor Singh', '+1 416 555 0105', '15 Maple Avenue, Toronto'),
  )
  await pipeline(contacted.id, 'ecobee', [{ status: 'contacted' }])
  const quoted = await share(
    project(
      'new-construction',
      'US-CO',
      ['networking-infrastructure'],
      '100k-250k',
      'Drew Patel',
      '+1 303 555 0106',
      '2400 Ridge Road, Boulder',
    ),
  )
  await pipeline(quoted.id, 'ubiquiti', [{ status: 'contacted' }, { status: 'quoted', valueCents: 3_850_000 }])
  const won = await share(
    project(
      'renovation',
      'US-FL',
      ['lighting-control'],
      'over-250k',
      'Morgan Lee',
      '+1 305 555 0107',
      '9 Ocean Boulevard, Miami Beach',
    ),
  )
  await pipeline(won.id, 'lutron', [
    { status: 'contacted' },
    { status: 'quoted', valueCents: 12_400_000 },
    { status: 'won', valueCents: 11_950_000 },
  ])
  const lost = await share(
    project(
      'commercial',
      'US-IL',
      ['audio-video'],
      '50k-100k',
      'Jordan Kim',
      '+1 312 555 0108',
      '600 North Lake Shore Drive, Chicago',
    ),
  )
  await pipeline(lost.id, lost.offeredTo!, [
    { status: 'contacted' },
    { status: 'lost', reason: 'The tenant chose the landlord’s existing AV vendor.' },
  ])

  // nobody eligible: no partner covers emerging technology, so staff must act
  await share(
    project(
      'new-construction',
      'US-AZ',
      ['emerging'],
      'under-10k',
      'Sam Rivera',
      '+1 602 555 0109',
      '4 Saguaro Court, Scottsdale',
    ),
  )

  // referrals: one waiting for staff, and one naming the homeowner of an open lead (a conflict)
  await flow.refer(
    'philips-hue',
    project(
      'retrofit',
      'US-OR',
      ['lighting-control'],
      '10k-50k',
      'Alex Novak',
      '+1 503 555 0110',
      '1120 Hawthorne Blvd, Portland',
    ),
    demoRep('philips-hue'),
    deps.newId(),
  )
  const same = project(
    'new-construction',
    'US-CA',
    ['audio-video'],
    '50k-100k',
    'Avery Brooks',
    '(415) 555-0101',
    '48 Vista Verde Way, Mill Valley',
  )
  await flow.refer(
    'sonos',
    { ...same, contact: { ...same.contact, email: 'AVERY.BROOKS@example.com' } },
    demoRep('sonos'),
    deps.newId(),
  )
}
