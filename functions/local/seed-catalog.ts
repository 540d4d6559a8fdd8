import { auditEntry } from '../../shared/audit/entry'
import { ackNotice } from '../../shared/briefings/notice'
import { newBriefing } from '../../shared/briefings/new-briefing'
import { reviseBriefing, revisionChange } from '../../shared/briefings/revision'
import { newProduct } from '../../shared/catalog/rules'
import { type Briefing } from '../../shared/schemas/briefing'
import { BriefingInput, BriefingRevisionInput } from '../../shared/schemas/briefing-input'
import { ProductInput } from '../../shared/schemas/product'
import { briefingRepository } from '../data/briefings'
import { partnerRepository } from '../data/partners'
import { productRepository } from '../data/products'
import type { Deps } from '../http/deps'
import { demoAdmin } from './seed-data'

type SeedDeps = Pick<Deps, 'db' | 'clock' | 'newId' | 'storage'>
type Row = [sku: string, name: string, msrp: number, map: number, protocols: string[], leadTimeDays: number, extra?: object]

/**
 * Each manufacturer's catalog: products of the key lines the strategy names (section 5), at
 * realistic MSRP / MAP in dollars, with one announced and one discontinued item here and there.
 */
const CATALOGS: Record<string, { category: string; rows: Row[] }> = {
  lutron: {
    category: 'lighting-control',
    rows: [
      ['RRST-PRO-N-WH', 'RadioRA 3 Sunnata PRO LED+ dimmer', 179.95, 169.95, ['proprietary-api'], 5],
      ['PD-5WS-DV-WH', 'Caséta smart switch', 69.95, 64.95, ['proprietary-api'], 2],
      ['HQP7-2', 'HomeWorks QSX processor', 2499, 2499, ['poe', 'proprietary-api'], 21],
      [
        'HQP6-2',
        'HomeWorks QS processor',
        1999,
        1899,
        ['poe', 'proprietary-api'],
        0,
        { lifecycle: 'discontinued', endOfLifeDate: '2026-06-30' },
      ],
    ],
  },
  leviton: {
    category: 'lighting-control',
    rows: [
      ['D26HD-2RW', 'Decora Smart Wi-Fi dimmer (2nd gen)', 49.99, 44.99, ['wi-fi'], 3],
      ['DZ6HD-1BZ', 'Decora Smart Z-Wave 800 dimmer', 54.99, 49.99, ['z-wave'], 3],
      ['D23LP-2RW', 'Decora Smart Matter plug-in dimmer', 39.99, 34.99, ['matter', 'wi-fi'], 14, { lifecycle: 'announced' }],
    ],
  },
  'philips-hue': {
    category: 'lighting-control',
    rows: [
      ['BSB003', 'Hue Bridge Pro', 99.99, 89.99, ['zigbee', 'matter', 'wi-fi'], 4],
      ['563072', 'Hue White and Color Ambiance A19, 4 pack', 199.99, 179.99, ['zigbee'], 3],
      ['555243', 'Hue Play HDMI Sync Box 8K', 349.99, 329.99, ['wi-fi'], 5],
    ],
  },
  ecobee: {
    category: 'climate-control',
    rows: [
      ['EB-STATE6P-01', 'ecobee Smart Thermostat Premium', 249.99, 229.99, ['wi-fi', 'matter'], 3],
      ['EB-STATE6L-01', 'ecobee Smart Thermostat Enhanced', 189.99, 169.99, ['wi-fi', 'matter'], 3],
      ['EB-RSHM2PK-01', 'ecobee SmartSensor, 2 pack', 99.99, 89.99, ['proprietary-api'], 3],
    ],
  },
  'honeywell-home': {
    category: 'climate-control',
    rows: [
      ['RCHT9610WFSW', 'T9 smart thermostat with room sensor', 199.99, 179.99, ['wi-fi'], 4],
      ['TH6320ZW2003', 'T6 Pro Z-Wave programmable thermostat', 189, 169, ['z-wave'], 5],
      ['THM6000R7001', 'RedLINK 3.0 equipment interface module', 149, 139, ['proprietary-api'], 7],
    ],
  },
  yale: {
    category: 'security-access',
    rows: [
      ['YRD450-F-WF1-BSP', 'Yale Assure Lock 2 Touch with Wi-Fi', 289.99, 269.99, ['wi-fi'], 4],
      ['YRD420-ZW3-BSP', 'Yale Assure Lock 2 with Z-Wave', 249.99, 229.99, ['z-wave'], 4],
      ['ASL-05', 'August Wi-Fi Smart Lock', 229.99, 199.99, ['wi-fi', 'matter'], 3],
    ],
  },
  dsc: {
    category: 'security-access',
    rows: [
      ['HS2032', 'PowerSeries Neo 32-zone control panel', 249, 229, ['proprietary-api'], 7],
      ['HS2LCDWF9', 'PowerSeries Neo wireless LCD keypad', 199, 185, ['proprietary-api'], 7],
      ['QS9201-1208', 'IQ Panel 4 (Qolsys)', 549, 499, ['z-wave', 'wi-fi', 'poe'], 10],
      [
        'PC1864',
        'PowerSeries 1864 control panel',
        189,
        179,
        ['proprietary-api'],
        0,
        { lifecycle: 'discontinued', endOfLifeDate: '2026-03-31' },
      ],
    ],
  },
  sonos: {
    category: 'audio-video',
    rows: [
      ['AMPG2US1', 'Sonos Amp', 699, 699, ['wi-fi'], 5],
      ['ARCG2US1BLK', 'Sonos Arc Ultra soundbar', 999, 999, ['wi-fi'], 5],
      ['E10G1US1BLK', 'Sonos Era 100', 249, 249, ['wi-fi'], 3],
    ],
  },
  control4: {
    category: 'audio-video',
    rows: [
      ['C4-CORE5', 'Control4 CORE 5 controller', 1650, 1650, ['zigbee', 'z-wave', 'poe'], 10],
      ['C4-TRIAD-ONE', 'Triad One streaming amplifier', 899, 849, ['wi-fi', 'poe'], 7],
      ['C4-HALO-BL', 'Halo touch remote', 349, 329, ['zigbee', 'wi-fi'], 5],
    ],
  },
  ubiquiti: {
    category: 'networking-infrastructure',
    rows: [
      ['USW-PRO-MAX-24-POE', 'UniFi Switch Pro Max 24 PoE', 799, 799, ['poe'], 7],
      ['U7-OUTDOOR', 'UniFi U7 Outdoor access point', 279, 279, ['wi-fi', 'poe'], 10, { lifecycle: 'announced' }],
    ],
  },
  ruckus: {
    category: 'networking-infrastructure',
    rows: [
      ['901-R770-US00', 'RUCKUS R770 Wi-Fi 7 access point', 1695, 1595, ['wi-fi', 'poe'], 14],
      ['ICX7150-C12P', 'RUCKUS ICX 7150 12-port PoE switch', 1295, 1195, ['poe'], 10],
      [
        '901-R650-US00',
        'RUCKUS R650 Wi-Fi 6 access point',
        995,
        895,
        ['wi-fi', 'poe'],
        0,
        { lifecycle: 'discontinued', endOfLifeDate: '2026-09-30' },
      ],
    ],
  },
}

/** A few briefings of different kinds; Yale's is not here: the safety notice awaiting acknowledgement is DSC's. */
interface DemoBriefing {
  partnerId: string
  daysAgo: number
  input: Omit<BriefingInput, 'attachmentDocumentIds'>
  /** corrected a day after publishing: the body as corrected and the note saying why */
  correction?: { body: string; note: string }
}

const BRIEFINGS: DemoBriefing[] = [
  {
    partnerId: 'dsc',
    daysAgo: 1,
    input: {
      kind: 'safety-notice',
      title: 'IQ Panel 4: replace the backup battery of units built in week 14',
      body: 'Some **IQ Panel 4** units built in week 14 ship with a backup battery that can swell.\n\n## What to do\n\n- Check the build week on the label inside the back plate.\n- Replace the battery with part QS-BAT-4 before handing the system over.',
      skus: ['QS9201-1208'],
      effectiveDate: '',
    },
  },
  {
    partnerId: 'ecobee',
    daysAgo: 6,
    input: {
      kind: 'new-product',
      title: 'ecobee Smart Thermostat Premium joins the HomeAIQ catalog',
      body: 'The **Smart Thermostat Premium** adds an air-quality monitor and a built-in speaker; it works with the SmartSensor 2 pack.',
      skus: ['EB-STATE6P-01', 'EB-RSHM2PK-01'],
      effectiveDate: '',
    },
  },
  {
    partnerId: 'lutron',
    daysAgo: 10,
    input: {
      kind: 'firmware',
      title: 'HomeWorks QSX processor firmware 24.2',
      body: 'Firmware **24.2** improves scene timing on large systems. Update processors before adding Sunnata PRO devices.',
      skus: ['HQP7-2'],
      effectiveDate: '',
    },
  },
  {
    partnerId: 'sonos',
    daysAgo: 3,
    input: {
      kind: 'price-change',
      title: 'Sonos Amp price from next quarter',
      body: 'The **Sonos Amp** MSRP rises to $729.00 from the first day of next quarter; orders placed before then keep today’s price.',
      skus: ['AMPG2US1'],
      effectiveDate: '',
    },
    correction: {
      body: 'The **Sonos Amp** MSRP rises to $749.00 from the first day of next quarter; orders placed before then keep today’s price.',
      note: 'The new MSRP is $749.00, not $729.00 as first published.',
    },
  },
  {
    partnerId: 'philips-hue',
    daysAgo: 14,
    input: {
      kind: 'roadmap',
      title: 'Hue Bridge Pro: Matter controller features next year',
      body: 'The **Hue Bridge Pro** gains Matter controller features in a software update planned for next year.',
      skus: ['BSB003'],
      effectiveDate: '',
    },
  },
]

const DAY = 24 * 60 * 60 * 1000

/**
 * Demo catalogs and briefings: every manufacturer gets products of its key lines, and a few of
 * them briefings of different kinds, DSC's safety notice still awaiting HomeAIQ's
 * acknowledgement. Built through the same rules and writes as the API; what is already there
 * (a product's SKU, a briefing's title) is kept.
 */
export async function seedCatalog({ db, clock, newId }: SeedDeps): Promise<void> {
  const products = productRepository(db)
  const briefings = briefingRepository(db)
  const partners = partnerRepository(db)
  const now = clock.now()
  await Promise.all(
    Object.entries(CATALOGS).map(async ([pid, { category, rows }]) => {
      const actor = demoAdmin(pid)
      for (const [sku, name, msrp, map, protocols, leadTimeDays, extra] of rows) {
        if (await products.get(pid, sku)) continue
        const input = ProductInput.parse({
          sku,
          name,
          category,
          msrpCents: Math.round(msrp * 100),
          mapCents: Math.round(map * 100),
          lifecycle: 'active',
          protocols,
          leadTimeDays,
          ...extra,
        })
        const product = newProduct(input, now)
        await products.write(
          pid,
          { product, expectedVersion: null },
          auditEntry({
            id: newId(),
            now,
            actor,
            partnerId: pid,
            entity: { type: 'product', id: `${pid}/${product.sku}` },
            action: 'product.created',
            before: null,
            after: product,
          }),
        )
      }
    }),
  )
  for (const { partnerId, daysAgo, input, correction } of BRIEFINGS) {
    const at = new Date(now.getTime() - daysAgo * DAY)
    const published = await briefings.listForPartner(partnerId, { kind: input.kind, limit: 100 })
    if (published.items.some((b) => b.title === input.title)) continue
    const partner = await partners.require(partnerId)
    const id = newId()
    const briefing = newBriefing(BriefingInput.parse({ ...input, effectiveDate: at.toISOString().slice(0, 10) }), {
      id,
      partnerId,
      partnerName: partner.name,
      actor: demoAdmin(partnerId),
      now: at,
      attachments: [],
    })
    const audit = auditEntry({
      id: newId(),
      now: at,
      actor: demoAdmin(partnerId),
      partnerId,
      entity: { type: 'briefing', id },
      action: 'briefing.published',
      before: null,
      after: briefing,
    })
    await briefings.create(briefing, audit, undefined, ackNotice(briefing, { id: newId(), now: at }))
    if (correction) await correct(briefing, correction, new Date(at.getTime() + DAY))
  }

  async function correct(briefing: Briefing, { body, note }: { body: string; note: string }, at: Date) {
    const { title, skus, effectiveDate } = briefing
    const input = BriefingRevisionInput.parse({ title, body, skus, effectiveDate, note })
    const actor = demoAdmin(briefing.partnerId)
    const { briefing: next, reflagged } = reviseBriefing(briefing, input, { actor, now: at, attachments: [] })
    const audit = auditEntry({
      id: newId(),
      now: at,
      actor,
      partnerId: briefing.partnerId,
      entity: { type: 'briefing', id: briefing.id },
      action: 'briefing.revised',
      ...revisionChange(briefing, next),
    })
    await briefings.revise(briefing, next, audit, { reflagged })
  }
}
