/** The web's first page as a visitor's browser fetches it: JS and CSS bytes, gzip, of a minified build. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildWeb } from '../web/build'
import { firstPageOf } from '../web/first-page'

export async function firstPageBytes() {
  const outdir = mkdtempSync(join(tmpdir(), 'portal-bench-web-'))
  try {
    await buildWeb({ outdir, minify: true })
    const page = firstPageOf(outdir)
    const gzip = (files: { source: string }[]) => files.reduce((sum, f) => sum + gzipSync(f.source).length, 0)
    return {
      scripts: page.scripts.map((f) => f.name),
      jsGzipBytes: gzip(page.scripts),
      cssGzipBytes: gzip(page.styles),
    }
  } finally {
    rmSync(outdir, { recursive: true, force: true })
  }
}
