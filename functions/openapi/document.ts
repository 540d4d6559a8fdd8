import * as z from 'zod/mini'
import { allContracts } from '../../shared/contracts'
import {
  isRawBody,
  pathParamNames,
  responseOf,
  statusesOf,
  successStatus,
  whoMay,
  type RawBody,
  type RouteContract,
} from '../../shared/contracts/contract'
import { Problem } from '../../shared/schemas/common'

/**
 * The OpenAPI 3.1 document, generated from the route contracts and their zod schemas. Only
 * GET /openapi.json loads this module (a dynamic import), so no Lambda pays for it at cold start.
 */
const jsonSchema = (schema: z.ZodMiniType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' })

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input: the fields are listed in `errors`',
  401: 'No token, or an invalid or expired one',
  403: 'Signed in, but this role (or a suspended partnership) may not do this',
  404: 'Not found (a partner that is not yours is not found either)',
  409: 'Conflicts with the current state (a duplicate, or changed meanwhile)',
  412: 'Changed since it was read: reload and retry',
  413: 'The body is too large',
  415: 'The body is not of the media type this route takes',
  422: 'Refused by a program rule: the fields are listed in `errors`',
  428: 'If-Match is missing',
  500: 'Something went wrong on our side (quote the requestId)',
  503: 'A dependency did not answer in time: retry after Retry-After seconds',
}

const problemResponse = (status: number) => ({
  description: STATUS_TEXT[status] ?? 'Error',
  content: { 'application/problem+json': { schema: jsonSchema(Problem, 'output') } },
})

function content(body: z.ZodMiniType | RawBody, io: 'input' | 'output') {
  return isRawBody(body)
    ? { [body.contentType]: { schema: { type: 'string' } } }
    : { 'application/json': { schema: jsonSchema(body, io) } }
}

function operation(route: RouteContract & { id: string }, response: z.ZodMiniType | RawBody | undefined) {
  const paramSchemas = route.params?.shape ?? {}
  const pathParams = pathParamNames(route.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: paramSchemas[name] ? jsonSchema(paramSchemas[name] as z.ZodMiniType, 'input') : { type: 'string' },
  }))
  const queryParams = Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !(schema as z.ZodMiniType).safeParse(undefined).success,
    schema: jsonSchema(schema as z.ZodMiniType, 'input'),
  }))
  const headers = [
    ...(route.ifMatch
      ? [
          {
            name: 'If-Match',
            in: 'header',
            required: route.ifMatch === true,
            schema: { type: 'string' },
            description: 'The strong ETag last read',
          },
        ]
      : []),
    ...(route.idempotent
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' },
            description: 'Retries with the same key and body answer the first result',
          },
        ]
      : []),
  ]
  const success = successStatus(route)
  const responses: Record<string, unknown> = {
    [String(success)]: { description: 'Success', ...(response ? { content: content(response, 'output') } : {}) },
  }
  for (const status of statusesOf(route)) if (status !== success) responses[String(status)] = problemResponse(status)
  return {
    operationId: route.id,
    summary: route.summary,
    description: [`Who may call it: ${whoMay(route.access)}.`, route.description].filter(Boolean).join('\n\n'),
    tags: [route.domain],
    ...(route.access.kind === 'public' ? { security: [] } : {}),
    parameters: [...pathParams, ...queryParams, ...headers],
    ...(route.body ? { requestBody: { required: true, content: content(route.body, 'input') } } : {}),
    responses,
  }
}

let cached: Promise<unknown> | undefined
export const openApiDocument = () => (cached ??= build())

async function build() {
  const routes = allContracts()
  const responses = await Promise.all(routes.map(responseOf))
  return {
    openapi: '3.1.0',
    info: { title: 'HomeAIQ Partner Portal API', version: '1.0.0' },
    servers: [{ url: '/api/v1' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths: routes.reduce<Record<string, Record<string, unknown>>>((paths, route, i) => {
      ;(paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, responses[i])
      return paths
    }, {}),
  }
}
