import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build, type Plugin } from 'esbuild'
import { contracts } from '../shared/contracts'

/**
 * Builds the static front end: one ESM bundle (plus its CSS) with content-hashed names under
 * `assets/`, and `index.html` pointing at them. The output is what S3/CloudFront serves in AWS
 * and what the local server serves with an SPA fallback.
 *
 * Files are written through a temporary name and renamed, index.html last, so a server reading
 * the folder during a rebuild never sees a half-written file; assets of earlier builds are pruned.
 */

const webDir = dirname(fileURLToPath(import.meta.url))

export interface BuildWebOptions {
  /** where to write; default `web/dist` */
  outdir?: string
  /** minify JS and CSS; default false */
  minify?: boolean
}

/**
 * `virtual:route-table`: each route contract's method and path, by domain and name, as plain
 * data. The typed client (web/src/api/contracts.ts) takes its types from the contracts and its
 * URLs from this, so the browser never loads the contracts' schemas.
 */
const routeTablePlugin: Plugin = {
  name: 'route-table',
  setup(b) {
    b.onResolve({ filter: /^virtual:route-table$/ }, () => ({ path: 'route-table', namespace: 'route-table' }))
    b.onLoad({ filter: /.*/, namespace: 'route-table' }, () => {
      const table = Object.fromEntries(
        Object.entries(contracts).map(([domain, routes]) => [
          domain,
          Object.fromEntries(Object.entries(routes).map(([name, c]) => [name, { method: c.method, path: c.path }])),
        ]),
      )
      return { contents: `export default ${JSON.stringify(table)}`, loader: 'js' }
    })
  },
}

export async function buildWeb(opts: BuildWebOptions = {}): Promise<void> {
  const outdir = resolve(opts.outdir ?? join(webDir, 'dist'))
  const assetsDir = join(outdir, 'assets')
  const result = await build({
    absWorkingDir: webDir,
    entryPoints: [join(webDir, 'src/main.tsx')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    outdir: assetsDir,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    // screens' heavy helpers (the Markdown renderer) load on demand as separate chunks
    splitting: true,
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    minify: opts.minify ?? false,
    metafile: true,
    write: false,
    plugins: [routeTablePlugin],
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify(opts.minify ? 'production' : 'development') },
  })

  await mkdir(assetsDir, { recursive: true })
  const written = new Set<string>()
  for (const file of result.outputFiles) {
    await writeAtomically(file.path, file.contents)
    written.add(basename(file.path))
  }

  const entry = Object.entries(result.metafile.outputs).find(([, meta]) => meta.entryPoint?.endsWith('src/main.tsx'))
  if (!entry) throw new Error('esbuild produced no entry bundle')
  const [scriptPath, meta] = entry
  const publicPath = (file: string) => '/' + relative(outdir, resolve(webDir, file)).split('\\').join('/')
  const script = `<script type="module" src="${publicPath(scriptPath)}"></script>`
  const styles = meta.cssBundle ? `<link rel="stylesheet" href="${publicPath(meta.cssBundle)}" />` : ''

  const template = await readFile(join(webDir, 'index.html'), 'utf8')
  const html = template.replace('<!-- build:styles -->', styles).replace('<!-- build:scripts -->', script)
  await writeAtomically(join(outdir, 'index.html'), html)

  // drop the hashed files of earlier builds (a concurrent identical build writes the same names)
  for (const name of await readdir(assetsDir)) {
    if (!written.has(name) && !name.includes('.tmp-')) await rm(join(assetsDir, name), { force: true })
  }
}

async function writeAtomically(path: string, contents: string | Uint8Array) {
  const temporary = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`
  await writeFile(temporary, contents)
  await rename(temporary, path)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now()
  await buildWeb({ minify: true })
  console.log(`web built into ${relative(process.cwd(), join(webDir, 'dist')) || '.'} in ${Date.now() - started} ms`)
}
