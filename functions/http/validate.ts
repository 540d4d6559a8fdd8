import type { ValidationTargets } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { validator } from 'hono/validator'
import type { z } from 'zod'
import { ValidationError } from '../../shared/errors'

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i

/** Parses one part of the request with a strict zod schema; every failure becomes a ValidationError. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  validator(target, (value, c): z.output<T> => {
    if (target === 'json' && !JSON_MEDIA_TYPE.test(c.req.header('content-type') ?? '')) {
      throw new HTTPException(415, { message: 'Send the body as application/json.' })
    }
    const result = schema.safeParse(value)
    if (!result.success) throw toValidationError(result.error, target === 'json' ? '' : `${target}.`)
    return result.data
  })

function toValidationError(error: z.ZodError, prefix = ''): ValidationError {
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
