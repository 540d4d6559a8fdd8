/** A Lambda's configuration from its environment; a missing variable fails the cold start loudly. */
export function requiredEnv(name: string): string {
  const value = process.env[name]
  if (!value) throw new Error(`${name} is not set`)
  return value
}
