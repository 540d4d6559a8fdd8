import { LOOPBACK, isLoopbackHost } from './host'
import { startPortal, type RunningPortal } from './portal'
import { LocalSetupError, describeExit } from './services'
import { DEFAULT_RESTART_POLICY } from './supervisor'

/** `npm start`: the portal with demo data on http://localhost:$PORT (default 3000), on $HOST (default 127.0.0.1). */
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST || LOOPBACK
const started = Date.now()
console.log('Starting the HomeAIQ Partner Portal (DynamoDB Local, S3 stand-in, web build)…')

let portal: RunningPortal | undefined
let stopping = false

/** The first Ctrl-C stops everything in order; a second one (or one during start-up) exits at once. */
async function shutdown(exitCode: number) {
  if (stopping || !portal) {
    // DynamoDB Local also exits by itself once this process is gone (its stdin closes)
    portal?.dynamo.current.child.kill('SIGKILL')
    process.exit(exitCode || 130)
  }
  stopping = true
  console.log('Stopping… (Ctrl-C again to exit at once)')
  await portal.stop()
  process.exit(exitCode)
}
process.on('SIGINT', () => void shutdown(0))
process.on('SIGTERM', () => void shutdown(0))

try {
  portal = await startPortal({ port, host, ...(process.env.DATA_DIR ? { dataDir: process.env.DATA_DIR } : {}) })
  const { maxRestarts, windowMs } = DEFAULT_RESTART_POLICY
  portal.dynamo.on('restart', ({ exit, restarts }) =>
    console.log(
      `DynamoDB Local stopped unexpectedly (${describeExit(exit)}): restarted it on the same port with the same data ` +
        `(${restarts} of at most ${maxRestarts} restarts within ${windowMs / 1000} s).`,
    ),
  )
  portal.dynamo.on('give-up', (error) => {
    console.error(`${error.message} The portal stops: check Java and the data folder, then run \`npm start\` again.`)
    void shutdown(1)
  })
  console.log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${portal.url}`)
  console.log('Sign in as staff@homeaiq.example, admin@lutron.example or rep@lutron.example (any partner id works).')
  if (!isLoopbackHost(host)) {
    console.warn(
      `Warning: HOST=${host} makes the portal reachable from the network, dev sign-in included: anyone who reaches ` +
        'it can mint a staff token at /auth/dev/token and run /dev/jobs/*. Use it only on a network you trust.',
    )
  }
} catch (error) {
  console.error(error instanceof LocalSetupError ? error.message : `The portal could not start: ${String(error)}`)
  process.exit(1)
}
