/** No Scan, checked in the source: the files under functions/ and shared/ that name a Scan command. */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { projectRoot } from '../infra/constructs/portal-function'

export function staticScans(): string[] {
  const found: string[] = []
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (/\.tsx?$/.test(entry.name) && /\bScan(Command|Paginator)\b|paginateScan/.test(readFileSync(path, 'utf8'))) {
        found.push(relative(projectRoot, path))
      }
    }
  }
  for (const dir of ['functions', 'shared']) visit(join(projectRoot, dir))
  return found
}
