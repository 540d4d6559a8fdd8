import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT } from '../../functions/local/portal'
import { freePort } from '../../functions/local/services'
import { nonLoopbackIPv4, tcpConnect } from '../helpers/network'

/** `npm start` as a process: its console, its signals, and the DynamoDB Local child it must not leave behind. */
const dirs: string[] = []
const running: ChildProcess[] = []
afterAll(() => {
  // a failed assertion leaves its portal running: SIGKILL it (its DynamoDB Local follows, its stdin closing)
  running.filter((child) => child.exitCode === null && child.signalCode === null).forEach((child) => child.kill('SIGKILL'))
  dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }))
})

async function npmStart(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-main-'))
  dirs.push(dataDir)
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', 'functions/local/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
  })
  running.push(child)
  let output = ''
  const waiters: (() => void)[] = []
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    waiters.forEach((check) => check())
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return {
    child,
    port,
    exited,
    output: () => output,
    /** the first match of `pattern` in the output; fails if the process exits first */
    waitFor: (pattern: RegExp) =>
      Promise.race([
        new Promise<RegExpMatchArray>((resolve) => {
          const check = () => {
            const match = pattern.exec(output)
            if (match) resolve(match)
          }
          waiters.push(check)
          check()
        }),
        exited.then((code) => Promise.reject(new Error(`npm start exited (${code}) before ${pattern}:\n${output}`))),
      ]),
    /** pids of the DynamoDB Local launchers working on this portal's data, zombies left out */
    dynamoPids: () =>
      execFileSync('ps', ['-A', '-ww', '-o', 'pid=,stat=,args='], { encoding: 'utf8' })
        .split('\n')
        .map((line) => /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(line))
        .filter((m) => m && !m[2]!.startsWith('Z') && m[3]!.includes('LoopbackDynamoDb') && m[3]!.includes(dataDir))
        .map((m) => Number(m![1])),
  }
}

describe('npm start', () => {
  it('stops itself and DynamoDB Local on Ctrl-C, even when DynamoDB Local has just died', async () => {
    const portal = await npmStart()
    await portal.waitFor(new RegExp(`Ready in .* s: http://localhost:${portal.port}\\n`))
    const [java] = portal.dynamoPids()
    expect(java).toBeDefined()

    process.kill(java!, 'SIGKILL')
    portal.child.kill('SIGINT')
    expect(await portal.exited).toBe(0)
    expect(portal.output()).toMatch(/Stopping…/)
    expect(portal.output()).not.toMatch(/HOST=/) // loopback by default: no warning
    expect(portal.dynamoPids()).toEqual([])
  }, 120_000)

  it('warns when HOST opens it to the network, and exits at once on a second Ctrl-C', async () => {
    const portal = await npmStart({ HOST: '0.0.0.0' })
    await portal.waitFor(/Ready in .* s: http:\/\/localhost:\d+\n/)
    await portal.waitFor(/Warning: HOST=0.0.0.0 makes the portal reachable from the network, dev sign-in included/)
    const external = nonLoopbackIPv4()
    if (external) expect(await tcpConnect(external, portal.port)).toBe('connected')

    portal.child.kill('SIGINT')
    portal.child.kill('SIGTERM')
    expect(await portal.exited).toBe(130)
    // killed without waiting: gone once the signal lands (it also exits when its stdin closes)
    await expect.poll(() => portal.dynamoPids(), { timeout: 10_000 }).toEqual([])
  }, 120_000)
})
