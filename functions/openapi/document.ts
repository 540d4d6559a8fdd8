import * as z from 'zod'
import { problemSchema, routeDocs, type RouteDoc } from './routes'

const ACCESS_TEXT: Record<RouteDoc['access'], string> = {
  public: 'Public: no sign-in.',
  'signed-in': 'Any signed-in user.',
  staff: 'HomeAIQ staff only.',
  'partner-member': "Staff, or a user of this partner (another partner's user gets 404).",
  'partner-admin': "Staff, or this partner's partner-admin.",
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' })

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: jsonSchema(problemSchema, 'output') } },
})

function operation(route: RouteDoc) {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  const queryParams = route.query
    ? Object.entries(route.query.shape).map(([name, schema]) => ({
        name,
        in: 'query',
        required: !(schema as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(schema as z.ZodType, 'input'),
      }))
    : []
  const ifMatch = route.ifMatch
    ? [{ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'The ETag last read' }]
    : []
  const idempotency = route.idempotent
    ? [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          schema: { type: 'string' },
          description: 'Retries with the same key and body return the first result',
        },
      ]
    : []
  const responses: Record<string, unknown> = {
    [String(route.status ?? 200)]: {
      description: 'Success',
      ...(route.response ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } } : {}),
      ...(route.responseType ? { content: { [route.responseType]: { schema: { type: 'string' } } } } : {}),
    },
    '400': problemResponse('Invalid input: the fields are listed in `errors`'),
  }
  if (route.access !== 'public') responses['401'] = problemResponse('No or invalid token')
  if (route.access !== 'public' && route.access !== 'signed-in') responses['403'] = problemResponse('Role not permitted')
  if (route.path.includes('{')) responses['404'] = problemResponse('Not found (or not yours)')
  if (route.ifMatch) {
    responses['412'] = problemResponse('Changed since read')
    responses['428'] = problemResponse('If-Match missing')
  }
  return {
    summary: route.summary,
    description: ACCESS_TEXT[route.access],
    tags: [route.tag],
    ...(route.access === 'public' ? { security: [] } : {}),
    parameters: [...pathParams, ...queryParams, ...ifMatch, ...idempotency],
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }
      : {}),
    ...(route.bodyType ? { requestBody: { required: true, content: { [route.bodyType]: { schema: { type: 'string' } } } } } : {}),
    responses,
  }
}

let cached: unknown
/** The OpenAPI 3.1 document, generated from the zod schemas the handlers validate with. */
export function openApiDocument() {
  cached ??= {
    openapi: '3.1.0',
    info: { title: 'HomeAIQ Partner Portal API', version: '1.0.0' },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths: routeDocs.reduce<Record<string, Record<string, unknown>>>((paths, route) => {
      ;(paths[route.path] ??= {})[route.method] = operation(route)
      return paths
    }, {}),
  }
  return cached
}
