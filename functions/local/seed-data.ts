import type { SignedInActor } from '../../shared/roles'
import type { PartnerCreate } from '../../shared/schemas/partner'
import type { PortalUser } from '../../shared/schemas/user'

/**
 * Demo data for `npm start`: the manufacturers of the partnership strategy (section 3) with
 * the tiers and categories it gives them, and negotiated discounts inside the tier ranges
 * of section 5.1. Descriptions paraphrase the strategy's market positioning.
 */
type SeedPartner = Omit<PartnerCreate, 'status'> & { status: 'active' }

const partner = (p: Omit<SeedPartner, 'status'>): SeedPartner => ({ ...p, status: 'active' })

export const DEMO_PARTNERS: SeedPartner[] = [
  partner({
    id: 'lutron',
    name: 'Lutron Electronics',
    category: 'lighting-control',
    tier: 'strategic',
    baseDiscountBps: 3200,
    website: 'https://www.lutron.com',
    regions: ['US', 'CA', 'GB'],
    productLines: ['RadioRA', 'Caséta', 'HomeWorks QS'],
    description:
      'The premium lighting-control leader, present in over 70% of luxury integrations. Industry-leading reliability and design across a comprehensive ecosystem, from Caséta retrofits to whole-home HomeWorks QS.',
    contact: { name: 'Dana Whitfield', email: 'partners@lutron.example', phone: '+1 610 555 0142' },
  }),
  partner({
    id: 'leviton',
    name: 'Leviton Manufacturing',
    category: 'lighting-control',
    tier: 'preferred',
    baseDiscountBps: 2500,
    website: 'https://www.leviton.com',
    regions: ['US', 'CA', 'MX'],
    productLines: ['Decora Smart', 'Vive', 'Z-Wave controls'],
    description:
      'Broad, reliable lighting controls for the mid-market with strong contractor relationships. Decora Smart and Z-Wave lines make cost-effective whole-home projects simple to specify.',
    contact: { name: 'Marcus Ortega', email: 'channel@leviton.example', phone: '+1 631 555 0117' },
  }),
  partner({
    id: 'philips-hue',
    name: 'Philips Hue (Signify)',
    category: 'lighting-control',
    tier: 'preferred',
    baseDiscountBps: 2300,
    website: 'https://www.philips-hue.com',
    regions: ['US', 'CA', 'GB', 'NL', 'DE'],
    productLines: ['Hue ecosystem', 'Entertainment lighting', 'Outdoor'],
    description:
      'The consumer smart-lighting leader growing its professional channel, with entertainment integration and an ecosystem homeowners already know and ask for.',
    contact: { name: 'Sanne de Vries', email: 'pro@philips-hue.example' },
  }),
  partner({
    id: 'ecobee',
    name: 'Ecobee',
    category: 'climate-control',
    tier: 'strategic',
    baseDiscountBps: 3000,
    website: 'https://www.ecobee.com',
    regions: ['US', 'CA'],
    productLines: ['Smart thermostats', 'Room sensors', 'Home monitoring'],
    description:
      'Premium smart thermostats with an API-first approach and a sensor ecosystem beyond the thermostat, the basis of HomeAIQ’s energy-management packages.',
    contact: { name: 'Priya Raman', email: 'partners@ecobee.example', phone: '+1 416 555 0190' },
  }),
  partner({
    id: 'honeywell-home',
    name: 'Honeywell Home (Resideo)',
    category: 'climate-control',
    tier: 'preferred',
    baseDiscountBps: 2400,
    website: 'https://www.resideo.com',
    regions: ['US', 'CA', 'GB'],
    productLines: ['T-series thermostats', 'Total Connect Comfort', 'RedLINK'],
    description:
      'An industry leader with a broad line and installed base, professional contractor relationships and security-system integration.',
    contact: { name: 'Greg Holloway', email: 'channel@honeywell-home.example' },
  }),
  partner({
    id: 'yale',
    name: 'Yale / August (ASSA ABLOY)',
    category: 'security-access',
    tier: 'preferred',
    baseDiscountBps: 2500,
    website: 'https://www.shopyalehome.com',
    regions: ['US', 'CA', 'GB', 'SE'],
    productLines: ['Yale smart locks', 'August locks', 'Yale Access'],
    description:
      'The leader in smart access control, with consumer and professional lines and a brand homeowners trust at the front door.',
    contact: { name: 'Erik Lindqvist', email: 'pro@yale.example' },
  }),
  partner({
    id: 'dsc',
    name: 'DSC (Johnson Controls)',
    category: 'security-access',
    tier: 'preferred',
    baseDiscountBps: 2200,
    website: 'https://www.dsc.com',
    regions: ['US', 'CA'],
    productLines: ['PowerSeries', 'Alexor', 'IQ Panel'],
    description:
      'Professional-grade security systems with deep integration potential and a strong reliability reputation in the monitored-security channel.',
    contact: { name: 'Laura Chen', email: 'integrations@dsc.example' },
  }),
  partner({
    id: 'sonos',
    name: 'Sonos',
    category: 'audio-video',
    tier: 'preferred',
    baseDiscountBps: 2500,
    website: 'https://www.sonos.com',
    regions: ['US', 'CA', 'GB', 'DE', 'FR', 'AU'],
    productLines: ['Speakers', 'Soundbars', 'Amplifiers'],
    description:
      'The premium wireless-audio leader: an excellent multi-room platform with strong consumer demand and a growing professional program.',
    contact: { name: 'Jordan Blake', email: 'pro@sonos.example', phone: '+1 805 555 0133' },
  }),
  partner({
    id: 'control4',
    name: 'Control4 / Snap One',
    category: 'audio-video',
    tier: 'preferred',
    baseDiscountBps: 2000,
    website: 'https://www.control4.com',
    regions: ['US', 'CA'],
    productLines: ['Control systems', 'Networking', 'Audio', 'Video distribution'],
    description:
      'A comprehensive professional AV and control line through a strong certified-dealer channel; our partnership focuses on component-level integration.',
    contact: { name: 'Ryan McAllister', email: 'dealers@control4.example' },
  }),
  partner({
    id: 'ubiquiti',
    name: 'Ubiquiti',
    category: 'networking-infrastructure',
    tier: 'strategic',
    baseDiscountBps: 3300,
    website: 'https://www.ui.com',
    regions: ['US', 'CA', 'GB', 'DE', 'AU'],
    productLines: ['UniFi', 'Access points', 'Security gateways'],
    description:
      'Enterprise-grade networking at prosumer pricing. The UniFi ecosystem is the critical infrastructure beneath every HomeAIQ installation.',
    contact: { name: 'Alex Novak', email: 'partners@ubiquiti.example' },
  }),
  partner({
    id: 'ruckus',
    name: 'Ruckus Networks (CommScope)',
    category: 'networking-infrastructure',
    tier: 'preferred',
    baseDiscountBps: 2500,
    website: 'https://www.ruckusnetworks.com',
    regions: ['US', 'GB', 'AE'],
    productLines: ['Access points', 'Switches', 'Controllers'],
    description: 'Ultra-high-performance, enterprise-reliable Wi-Fi for the largest luxury residences and estates.',
    contact: { name: 'Helen Park', email: 'channel@ruckus.example' },
  }),
]

type PartnerUserActor = Extract<SignedInActor, { kind: 'partner' }>

/** The demo users as the API sees them acting: the seeds write through the same rules and repositories. */
export const DEMO_STAFF: Extract<SignedInActor, { kind: 'staff' }> = {
  kind: 'staff',
  role: 'staff',
  userId: 'dev-staff',
  email: 'staff@homeaiq.example',
}
export const demoAdmin = (pid: string): PartnerUserActor => ({
  kind: 'partner',
  role: 'partner-admin',
  userId: `dev-admin-${pid}`,
  email: `admin@${pid}.example`,
  partnerId: pid,
})
export const demoRep = (pid: string): PartnerUserActor => ({
  kind: 'partner',
  role: 'partner-rep',
  userId: `dev-rep-${pid}`,
  email: `rep@${pid}.example`,
  partnerId: pid,
})

export function demoUsers(): PortalUser[] {
  const staff: PortalUser = { userId: 'dev-staff', email: 'staff@homeaiq.example', name: 'Morgan Ellis (HomeAIQ)', role: 'staff' }
  return [
    staff,
    ...DEMO_PARTNERS.flatMap((p): PortalUser[] => [
      {
        userId: `dev-admin-${p.id}`,
        email: `admin@${p.id}.example`,
        name: `${p.name} admin`,
        role: 'partner-admin',
        partnerId: p.id,
      },
      { userId: `dev-rep-${p.id}`, email: `rep@${p.id}.example`, name: `${p.name} rep`, role: 'partner-rep', partnerId: p.id },
    ]),
  ]
}
