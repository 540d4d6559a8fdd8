/**
 * What the first page of the built web loads before any screen asks for more: the entry script
 * of index.html, every chunk it imports statically (`import(...)` chunks load when a screen
 * needs them) and the stylesheets index.html links. The web bundle test holds it to its budget;
 * `npm run bench` reports it.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface FirstPage {
  scripts: { name: string; source: string }[]
  styles: { name: string; source: string }[]
}

export function firstPageOf(outdir: string): FirstPage {
  const html = fs.readFileSync(path.join(outdir, 'index.html'), 'utf8')
  const entry = /<script type="module" src="\/assets\/([^"]+)"/.exec(html)?.[1]
  if (!entry) throw new Error('index.html has no module script')
  const scripts: FirstPage['scripts'] = []
  const queue = [entry]
  while (queue.length) {
    const name = queue.shift()!
    if (scripts.some((f) => f.name === name)) continue
    const source = fs.readFileSync(path.join(outdir, 'assets', name), 'utf8')
    scripts.push({ name, source })
    for (const m of source.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)) queue.push(m[1]!)
  }
  const styles = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((m) => ({
    name: m[1]!,
    source: fs.readFileSync(path.join(outdir, m[1]!), 'utf8'),
  }))
  return { scripts, styles }
}
