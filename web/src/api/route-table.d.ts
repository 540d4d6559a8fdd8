/** Built by web/build.ts from shared/contracts: each route's method and path, nothing else. */
declare module 'virtual:route-table' {
  const table: Record<string, Record<string, { method: string; path: string }>>
  export default table
}
