import { auditEntry } from '../../shared/audit/entry'
import { newApplication, newProgram } from '../../shared/certifications/rules'
import { newProduct } from '../../shared/catalog/rules'
import { anonymous } from '../../shared/roles'
import type { ApplicationInput, ProgramCreate } from '../../shared/schemas/certification-input'
import type { ProductInput } from '../../shared/schemas/product'
import { applicationRepository, programRepository } from '../data/certifications'
import { partnerRepository } from '../data/partners'
import { productRepository } from '../data/products'
import type { Deps } from '../http/deps'
import { certificationWorkflow } from '../certifications/workflow'
import { seedUpload } from './seed-upload'
import { DEMO_STAFF, demoAdmin } from './seed-data'

/**
 * The certification programs of the strategy: integration certification by depth (section
 * 6.1: Tier 3's basic certification process, Tier 2's structured testing program, Tier 1's
 * comprehensive testing program) and installer certification (7.2's professional channel).
 */
export const DEMO_PROGRAMS: ProgramCreate[] = [
  {
    id: 'integration-standard',
    name: 'Integration Certified — Standard',
    track: 'integration',
    level: 'standard',
    scope: 'skus',
    validityMonths: 12,
    description:
      'The basic certification process: named products integrate with HomeAIQ through the standard published API, with reliability optimization.',
    requirements: [
      'The integration uses the standard published API.',
      'Standard features are implemented and pass HomeAIQ’s reliability tests.',
      'Installers can follow the standard published documentation.',
      'Support runs through the standard support channels.',
    ],
    evidenceKinds: ['integration-test-report', 'api-documentation'],
  },
  {
    id: 'integration-enhanced',
    name: 'Integration Certified — Enhanced',
    track: 'integration',
    level: 'enhanced',
    scope: 'skus',
    validityMonths: 12,
    description:
      'The structured testing program: named products go beyond standard capabilities, with the complete published API and selected advanced features.',
    requirements: [
      'The complete published API is integrated, with selected advanced features.',
      'Standard features and the selected enhancements pass HomeAIQ’s structured test program.',
      'Enhanced documentation with implementation guides is available to installers.',
      'Priority support gives HomeAIQ access to a technical specialist.',
    ],
    evidenceKinds: ['integration-test-report', 'api-documentation', 'installation-guide', 'support-escalation-plan'],
  },
  {
    id: 'integration-deep',
    name: 'Integration Certified — Deep',
    track: 'integration',
    level: 'deep',
    scope: 'partner',
    validityMonths: 24,
    description:
      'The comprehensive testing and certification program of strategic partners: deep integration with proprietary capabilities across the partner’s ecosystem.',
    requirements: [
      'Full API access, including non-published endpoints, is integrated.',
      'Premium features beyond the standard API are enabled for HomeAIQ installations.',
      'The comprehensive test program passes, with a joint test plan agreed with HomeAIQ engineering.',
      'Custom integration documentation and best practices are maintained with HomeAIQ.',
      'Direct engineering support with an escalation path is in place.',
    ],
    evidenceKinds: [
      'integration-test-report',
      'joint-test-plan',
      'api-documentation',
      'support-escalation-plan',
      'firmware-release-notes',
    ],
  },
  {
    id: 'installation-certified',
    name: 'Installation Certified',
    track: 'installation',
    level: 'standard',
    scope: 'partner',
    validityMonths: 24,
    description:
      'The installer certification program developed with the partner: professional training, implementation guides and quality assurance standards for HomeAIQ installers.',
    requirements: [
      'A professional training program for HomeAIQ installers is delivered and kept current.',
      'Implementation guides and technical documentation are written with HomeAIQ.',
      'Installations meet the jointly agreed quality assurance standards.',
      'At least one showcase installation is documented.',
    ],
    evidenceKinds: [
      'installer-training-records',
      'installation-guide',
      'quality-assurance-checklist',
      'showcase-installation-report',
    ],
  },
]

const UBIQUITI_PRODUCTS: ProductInput[] = [
  {
    sku: 'UDM-PRO-MAX',
    name: 'UniFi Dream Machine Pro Max',
    category: 'networking-infrastructure',
    description: 'Gateway and network controller for whole-home UniFi deployments.',
    msrpCents: 59900,
    mapCents: 59900,
    lifecycle: 'active',
    protocols: ['poe', 'proprietary-api'],
    leadTimeDays: 7,
  },
  {
    sku: 'U7-PRO',
    name: 'UniFi U7 Pro access point',
    category: 'networking-infrastructure',
    description: 'Wi-Fi 7 ceiling access point, PoE powered.',
    msrpCents: 18900,
    mapCents: 18900,
    lifecycle: 'active',
    protocols: ['wi-fi', 'poe'],
    leadTimeDays: 5,
  },
]

const DAY = 24 * 60 * 60 * 1000
type SeedDeps = Pick<Deps, 'db' | 'clock' | 'newId' | 'storage'>

/**
 * Demo certifications: the four programs; Lutron's Deep and Ubiquiti's Enhanced badges
 * (Ubiquiti's for two UniFi SKUs, expiring within two months, so the reminder shows), Sonos's
 * Installation application waiting in the review queue, and Philips Hue's revoked badge. Built
 * through the same rules and writes as the API, with real evidence files in the bucket.
 */
export async function seedCertifications(deps: SeedDeps): Promise<void> {
  const { db, newId } = deps
  const programs = programRepository(db)
  const applications = applicationRepository(db)
  const partners = partnerRepository(db)
  const products = productRepository(db)

  const start = deps.clock.now()
  for (const input of DEMO_PROGRAMS) {
    if (await programs.get(input.id)) continue
    const program = newProgram(input, start)
    await programs.write(
      program,
      null,
      auditEntry({
        id: newId(),
        now: start,
        actor: anonymous,
        partnerId: 'homeaiq',
        entity: { type: 'certification-program', id: program.id },
        action: 'program.created',
        before: null,
        after: program,
      }),
    )
  }
  for (const input of UBIQUITI_PRODUCTS) {
    if (await products.get('ubiquiti', input.sku)) continue
    const product = newProduct(input, start)
    await products.write(
      'ubiquiti',
      { product, expectedVersion: null },
      auditEntry({
        id: newId(),
        now: start,
        actor: anonymous,
        partnerId: 'ubiquiti',
        entity: { type: 'product', id: `ubiquiti/${product.sku}` },
        action: 'product.created',
        before: null,
        after: product,
      }),
    )
  }

  /** An application made `daysAgo` days ago, and what staff did with it then. */
  async function certify(
    pid: string,
    input: Omit<ApplicationInput, 'draft' | 'evidenceDocumentIds'>,
    files: string[],
    daysAgo: number,
    then?: (
      workflow: ReturnType<typeof certificationWorkflow>,
      app: Awaited<ReturnType<typeof applications.require>>,
    ) => Promise<void>,
  ) {
    const at = new Date(start.getTime() - daysAgo * DAY)
    const clock = { now: () => at }
    const workflow = certificationWorkflow({ db, clock, newId })
    const [partner, program] = await Promise.all([partners.require(pid), programs.require(input.programId)])
    const docs = await Promise.all(
      files.map((filename) =>
        seedUpload(deps, {
          partnerId: pid,
          by: demoAdmin(pid),
          purpose: 'certification-evidence',
          filename,
          lines: [`Evidence for ${input.programId}, submitted by ${pid}.`],
          now: at,
        }),
      ),
    )
    const actor = demoAdmin(pid)
    const app = newApplication(
      { ...input, draft: false, evidenceDocumentIds: docs.map((d) => d.id) },
      {
        id: newId(),
        partnerId: pid,
        partnerName: partner.name,
        program,
        evidence: docs.map((d) => ({ ...d, status: 'ready' })),
        actor,
        now: at,
      },
    )
    await applications.create(app, workflow.appAudit(actor, 'certification.submitted', null, app))
    await then?.(workflow, app)
  }

  await certify(
    'lutron',
    { programId: 'integration-deep', notes: 'RadioRA 3 and HomeWorks QSX, including the LEAP integration endpoints.', skus: [] },
    ['Lutron LEAP integration test report.pdf', 'Lutron joint test plan.pdf', 'Lutron escalation plan.pdf'],
    200,
    async (workflow, app) => {
      await workflow.decide(app, { decision: 'approve' }, DEMO_STAFF)
    },
  )
  await certify(
    'ubiquiti',
    { programId: 'integration-enhanced', notes: 'UniFi OS 4 with the site-manager API.', skus: ['UDM-PRO-MAX', 'U7-PRO'] },
    ['UniFi integration test report.pdf', 'UniFi deployment guide.pdf'],
    320,
    async (workflow, app) => {
      await workflow.decide(app, { decision: 'approve' }, DEMO_STAFF)
    },
  )
  await certify(
    'philips-hue',
    { programId: 'installation-certified', notes: 'Hue Pro installer training, cohort 2025.', skus: [] },
    ['Hue installer training records.pdf'],
    150,
    async (workflow, app) => {
      const { badge } = await workflow.decide(app, { decision: 'approve' }, DEMO_STAFF)
      await workflow.revoke(
        badge!,
        'Fewer than two certified installers remained on staff after the quarterly audit; apply again once training records are current.',
        DEMO_STAFF,
      )
    },
  )
  await certify(
    'sonos',
    { programId: 'installation-certified', notes: 'Sonos Pro installer curriculum and two showcase homes.', skus: [] },
    ['Sonos installer training records.pdf', 'Sonos showcase installation report.pdf'],
    3,
  )
}
