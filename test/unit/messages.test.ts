import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { allContracts } from '../../shared/contracts'
import { fieldLabel, parseForPeople } from '../../shared/schemas/messages'
import { parsePart } from '../../functions/http/validate'
import { ValidationError, type FieldIssue } from '../../shared/errors'
import { ProductInput } from '../../shared/schemas/product'

/** What zod says in its own words; none of it may reach a person. */
const VALIDATOR_JARGON =
  /expected|received|>=|<=|invalid (input|option|string|iso|url|email|type)|too (small|big)|unrecognized|must match pattern|nan\b|\/\^/i

const BAD_VALUES: unknown[] = [
  null,
  '',
  ' ',
  'x',
  'x'.repeat(5001),
  -1,
  0,
  1.5,
  1e15,
  true,
  [],
  {},
  ['x'],
  [-1],
  [''],
  Array.from({ length: 200 }, (_, i) => `v${i}`),
  '2026-13-45',
  'not an email',
  'http://x',
]

/** The object schema under optional / default / nullable / pipes, if there is one. */
function objectShape(schema: z.ZodMiniType): Record<string, z.ZodMiniType> | undefined {
  const def = (schema as unknown as { def: Record<string, unknown> }).def
  if (def.shape) return def.shape as Record<string, z.ZodMiniType>
  const inner = (def.innerType ?? def.in ?? def.schema) as z.ZodMiniType | undefined
  return inner ? objectShape(inner) : undefined
}

/** Bad inputs for every field of a schema, nested objects and list entries included. */
function badInputs(schema: z.ZodMiniType): unknown[] {
  const inputs: unknown[] = [undefined, null, 'text', [], {}, { unknownField: 1 }]
  const shape = objectShape(schema)
  if (!shape) return [...inputs, ...BAD_VALUES]
  for (const [key, field] of Object.entries(shape)) {
    for (const bad of BAD_VALUES) inputs.push({ [key]: bad })
    for (const nested of badInputs(field).slice(1)) inputs.push({ [key]: nested }, { [key]: [nested] })
  }
  return inputs
}

function issuesOf(schema: z.ZodMiniObject | z.ZodMiniType, value: unknown): FieldIssue[] {
  try {
    parsePart('query', schema, value)
    return []
  } catch (error) {
    if (error instanceof ValidationError) return error.issues
    throw error
  }
}

describe('the message map', () => {
  const schemas = allContracts().flatMap((c) => [
    ...(c.body && 'safeParse' in c.body ? [{ id: `${c.id} body`, schema: c.body as z.ZodMiniType }] : []),
    ...(c.query ? [{ id: `${c.id} query`, schema: c.query }] : []),
    ...(c.params ? [{ id: `${c.id} params`, schema: c.params }] : []),
  ])

  it('covers every body, query and path schema of the API', () => {
    expect(schemas.length).toBeGreaterThan(40)
  })

  it.each(schemas)('never lets validator jargon out of $id', ({ schema }) => {
    const seen = new Set<string>()
    for (const input of badInputs(schema)) for (const issue of issuesOf(schema, input)) seen.add(issue.message)
    for (const message of seen) {
      expect(message).not.toMatch(VALIDATOR_JARGON)
      expect(message).toMatch(/^[A-Z$].*[.?]$/s)
    }
  })

  it('writes sentences a person acts on', () => {
    const messages = (value: unknown) =>
      Object.fromEntries(issuesOf(ProductInput, value).map((i) => [i.field.replace(/^query\./, ''), i.message]))
    const m = messages({
      sku: 'A1',
      name: '',
      msrpCents: 0,
      mapCents: 100_000_001,
      lifecycle: 'gone',
      protocols: 'zigbee',
      leadTimeDays: 1.5,
      category: 'lighting-control',
      endOfLifeDate: '31/12/2026',
    })
    expect(m).toMatchObject({
      name: 'Enter a name.',
      msrpCents: 'The MSRP must be at least $0.01.',
      mapCents: 'The MAP can be at most $1,000,000.00.',
      lifecycle: 'Choose the lifecycle: one of active, announced, discontinued.',
      protocols: 'Give the protocols as a list.',
      leadTimeDays: 'Enter the lead time in days as a whole number.',
      endOfLifeDate: 'Enter the end-of-life date as a date such as 2026-03-31.',
    })
    expect(messages({})).toMatchObject({
      sku: 'Enter a SKU.',
      name: 'Enter a name.',
      protocols: 'Give the protocols (an empty list if none).',
    })
    // a message the schema spells itself wins
    expect(messages({ sku: '!!' }).sku).toBe('Use up to 40 letters, digits, dots, dashes, slashes or underscores.')
  })

  it('names list entries and unknown fields', () => {
    expect(fieldLabel(['skus', 2])).toBe('entry 3 of the SKUs')
    expect(fieldLabel(['contact', 'email'])).toBe('an email address')
    expect(fieldLabel(['allocatedCents'])).toBe('the allocated amount')
    const result = parseForPeople(z.strictObject({ a: z.string() }), { a: 'x', b: 1 })
    expect(result.error?.issues[0]?.message).toBe('Remove the field b: it is not one this form takes.')
  })
})
