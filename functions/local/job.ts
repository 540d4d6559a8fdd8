import { LOCAL_JOBS } from './jobs'

/** `npm run job -- <name>`: asks the running local portal to run a scheduled job now. */
const name = process.argv[2]
const port = Number(process.env.PORT ?? 3000)
if (!name || !(name in LOCAL_JOBS)) {
  console.error(`Usage: npm run job -- <${Object.keys(LOCAL_JOBS).join(' | ')}>`)
  process.exit(2)
}
try {
  const res = await fetch(`http://localhost:${port}/dev/jobs/${name}`, { method: 'POST' })
  console.log(JSON.stringify(await res.json(), null, 2))
  process.exit(res.ok ? 0 : 1)
} catch {
  console.error(`No portal answers on port ${port}: start it first with \`npm start\` (or set PORT).`)
  process.exit(1)
}
