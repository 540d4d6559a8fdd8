/**
 * One structured logger per container: JSON lines that CloudWatch (the functions log in JSON
 * format) and a terminal both read. Small on purpose: it costs nothing at cold start.
 */
type Level = 'debug' | 'info' | 'warn' | 'error'
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export function createLogger(opts: { service?: string; level?: Level; write?: (line: string) => void } = {}): Logger {
  const service = opts.service ?? process.env.AWS_LAMBDA_FUNCTION_NAME ?? 'portal'
  const min = ORDER[opts.level ?? (process.env.LOG_LEVEL as Level | undefined) ?? 'info'] ?? ORDER.info
  const write = opts.write ?? ((line: string) => process.stdout.write(`${line}\n`))
  const log =
    (level: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[level] < min) return
      write(JSON.stringify({ timestamp: new Date().toISOString(), level, service, message, ...serializable(fields) }))
    }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}

/** Errors become their name, message and stack (JSON.stringify drops them otherwise). */
function serializable(fields: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) =>
      value instanceof Error ? [key, { name: value.name, message: value.message, stack: value.stack }] : [key, value],
    ),
  )
}

export const logger = createLogger()
