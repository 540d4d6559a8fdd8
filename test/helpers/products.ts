/** A valid product body; override what a test is about. */
export const productBody = (overrides: Record<string, unknown> = {}) => ({
  sku: 'RRD-6NA',
  name: 'RadioRA 3 6A Dimmer',
  category: 'lighting-control',
  msrpCents: 12_995,
  mapCents: 11_995,
  lifecycle: 'active',
  protocols: ['proprietary-api'],
  leadTimeDays: 5,
  ...overrides,
})

export const CSV_HEADER = 'sku,name,category,msrpCents,mapCents,lifecycle,protocols,leadTimeDays,endOfLifeDate,description'
