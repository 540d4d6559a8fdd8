import type { Context } from 'hono'
import type * as z from 'zod/mini'
import { UnsupportedMediaTypeError, ValidationError } from '../../shared/errors'
import { parseForPeople } from '../../shared/schemas/messages'

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i

/** Parses the path parameters or the query with a strict zod schema; failures name `params.x` / `query.x`, in words for people. */
export function parsePart<T extends z.ZodMiniType>(target: 'params' | 'query', schema: T, value: unknown): z.output<T> {
  const result = parseForPeople(schema, value)
  if (!result.success) throw toValidationError(result.error, `${target}.`)
  return result.data
}

/** Parses a JSON body with a strict zod schema: 415 for another media type, 400 naming each bad field. */
export async function parseJsonBody<T extends z.ZodMiniType>(schema: T, c: Context): Promise<z.output<T>> {
  if (!JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) {
    throw new UnsupportedMediaTypeError('Send the body as application/json.')
  }
  let value: unknown
  try {
    value = JSON.parse(await c.req.text())
  } catch {
    throw new ValidationError([{ field: 'body', message: 'The body is not valid JSON.' }])
  }
  const result = parseForPeople(schema, value)
  if (!result.success) throw toValidationError(result.error, '')
  return result.data
}

function toValidationError(error: z.core.$ZodError, prefix: string): ValidationError {
  return new ValidationError(
    error.issues.flatMap((issue) => {
      // unknown fields are reported one field each, so a form can point at them
      if (issue.code === 'unrecognized_keys') {
        return issue.keys.map((key) => ({ field: prefix + [...issue.path, key].join('.'), message: 'Unknown field.' }))
      }
      const path = issue.path.join('.')
      return [{ field: path ? prefix + path : prefix.replace(/\.$/, '') || 'body', message: issue.message }]
    }),
  )
}
