/**
 * Where a cold start's CPU time goes, by package: reads the profiles a
 * `BENCH_CPU_PROFILE=<dir> npm run bench` run wrote and maps each sample to its source through
 * the bundle's source map. `npx tsx bench/profile.ts <dir> [function ...]` prints, per function,
 * the median over its processes of the milliseconds spent in each package (self time), the
 * floor's beside it.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spread } from './stats'

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number } }[]
  samples: number[]
  timeDeltas: number[]
}

const [dir, ...only] = process.argv.slice(2)
if (!dir) throw new Error('usage: tsx bench/profile.ts <BENCH_CPU_PROFILE dir> [function ...]')

/** Milliseconds of self time per place: a package, the portal's own folder, or Node's internals. */
function byPlace(profile: CpuProfile, mapOf: (url: string) => SourceMap): Map<string, number> {
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
  const places = new Map<string, number>()
  for (const node of profile.nodes) {
    const ms = self.get(node.id)
    if (!ms) continue
    const { url, functionName, lineNumber, columnNumber } = node.callFrame
    let place: string
    if (url.includes('/bundles/') && url.endsWith('.mjs')) {
      const source = mapOf(url).findEntry(lineNumber, columnNumber)
      const file = 'originalSource' in source ? source.originalSource : ''
      place =
        /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ??
        /\/(functions|shared)\/([^/]+)/.exec(file)?.slice(1).join('/') ??
        'bundle'
    } else {
      place = url.startsWith('node:') ? 'node internals' : url ? 'probe' : `(${functionName || 'native'})`
    }
    places.set(place, (places.get(place) ?? 0) + ms)
  }
  return places
}

function summary(name: string): Map<string, number> {
  // index.mjs and its chunks, each with its own map
  const maps = new Map<string, SourceMap>()
  const mapOf = (url: string) => {
    const file = `${fileURLToPath(url)}.map`
    if (!maps.has(file)) maps.set(file, new SourceMap(JSON.parse(readFileSync(file, 'utf8'))))
    return maps.get(file)!
  }
  const runs = readdirSync(join(dir!, name))
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => byPlace(JSON.parse(readFileSync(join(dir!, name, f), 'utf8')) as CpuProfile, mapOf))
  const places = new Set(runs.flatMap((r) => [...r.keys()]))
  return new Map([...places].map((p) => [p, spread(runs.map((r) => r.get(p) ?? 0)).median]))
}

const floor = summary('floor')
const names = only.length ? only : readdirSync(dir).filter((n) => n !== 'bundles' && n !== 'floor')
for (const name of names) {
  const fn = summary(name)
  const rows = [...fn].sort((a, b) => b[1] - a[1]).slice(0, 12)
  console.log(`\n${name} (ms of self time, median of its processes; the floor's beside it)`)
  for (const [place, ms] of rows)
    console.log(`${ms.toFixed(1).padStart(7)} ${(floor.get(place) ?? 0).toFixed(1).padStart(7)}  ${place}`)
}
