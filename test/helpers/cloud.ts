import { spawn, type ChildProcess } from 'node:child_process'
import { Agent, request } from 'node:http'
import { resolve } from 'node:path'
import tcb from '@cloudbase/node-sdk'
import type { FaultEvent } from '../../cloud/faults/plan'
import type { FaultSpec } from '../../cloud/faults/spec'

export interface StartCloudOptions {
  /** Load the demo data (default false: an empty database with the schema's collections). */
  seed?: boolean
  schema?: string
  functions?: string
  /** A data folder instead of --memory (for persistence tests). */
  data?: string
  /** Extra command-line arguments. */
  args?: string[]
}

export type CloudApp = ReturnType<typeof tcb.init>

/** `GET /dev/faults`. */
export interface FaultReport {
  faults: (FaultSpec & { seed: number }) | null
  writes: number
  /** Of `writes`, those each function's invocations sent. */
  writesBy: Record<string, number>
  injected: FaultEvent[]
}

export interface TestCloud {
  /** http://127.0.0.1:<port> */
  url: string
  /** http://127.0.0.1:<port>/admin, the SDK's serviceUrl */
  adminUrl: string
  /** The real @cloudbase/node-sdk, pointed at this local cloud. */
  app(): CloudApp
  /** Calls a cloud function as the given dev identity (POST /dev/fn/<name>). */
  fn(name: string, event: unknown, openid?: string): Promise<unknown>
  post(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: unknown }>
  /** Switches the fault injection on (POST /dev/faults); see cloud/faults/spec.ts. */
  setFaults(spec: FaultSpec): Promise<FaultReport>
  /** What was injected since the faults were set, and how many writes went by. */
  faults(): Promise<FaultReport>
  /** Switches every fault off (DELETE /dev/faults). */
  clearFaults(): Promise<FaultReport>
  /** Output the process printed so far, for diagnosing failures. */
  output(): string
  stop(): Promise<void>
}

/** One HTTP request; answers the status and the body as text. */
function send(
  agent: Agent,
  target: string,
  options: { method?: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; text: string }> {
  const { method = 'POST', headers, body } = options
  const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }
  return new Promise((resolvePromise, reject) => {
    const req = request(target, { method, agent, headers: { ...headers, ...length } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () =>
        resolvePromise({
          status: res.statusCode ?? 0,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      )
    })
    req.on('error', reject)
    req.end(body)
  })
}

const ROOT = resolve(__dirname, '../..')
const TSX = resolve(ROOT, 'node_modules/.bin/tsx')
const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)/

function waitForUrl(child: ChildProcess, log: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`local cloud did not start:\n${log()}`)),
      30_000,
    )
    const onData = () => {
      const match = URL_LINE.exec(log())
      if (match) {
        clearTimeout(timer)
        child.stdout?.off('data', onData)
        resolvePromise(match[0])
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`local cloud exited with ${code}:\n${log()}`))
    })
  })
}

export async function startCloud(opts: StartCloudOptions = {}): Promise<TestCloud> {
  // Outside a real function the SDK first probes the Tencent metadata host on every request.
  process.env.TENCENTCLOUD = 'true'
  const args = ['cloud/cli.ts', '--port', '0']
  args.push(...(opts.data ? ['--data', opts.data] : ['--memory']))
  if (!opts.seed) args.push('--no-seed')
  if (opts.schema) args.push('--schema', opts.schema)
  if (opts.functions) args.push('--functions', opts.functions)
  if (opts.args) args.push(...opts.args)

  const child = spawn(TSX, args, {
    cwd: ROOT,
    env: { ...process.env, TZ: 'UTC', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (out += d))
  const log = () => out

  let url: string
  try {
    url = await waitForUrl(child, log)
  } catch (err) {
    child.kill('SIGKILL')
    throw err
  }
  const adminUrl = `${url}/admin`
  let app: CloudApp | null = null

  // node:http over kept-alive sockets rather than fetch: the fuzz and the rushes send hundreds of
  // thousands of calls, and fetch spent a third of the test process's time on its streams. Idle
  // sockets close before the server's 5 s keep-alive would, so none is reused as it closes.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 })
  const post: TestCloud['post'] = async (path, body, headers = {}) => {
    const { status, text } = await send(agent, url + path, {
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    } catch {
      // Not JSON: hand the text back as it came.
    }
    return { status, body: parsed }
  }

  const faultsCall = async (method: string, spec?: FaultSpec): Promise<FaultReport> => {
    const res = await send(agent, `${url}/dev/faults`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: spec === undefined ? undefined : JSON.stringify(spec),
    })
    const body = JSON.parse(res.text) as unknown
    if (res.status !== 200) throw new Error(`/dev/faults ${method}: ${JSON.stringify(body)}`)
    return body as FaultReport
  }

  return {
    url,
    adminUrl,
    app() {
      app ??= tcb.init({
        env: 'local',
        serviceUrl: adminUrl,
        secretId: 'local-secret-id',
        secretKey: 'local-secret-key',
      })
      return app
    },
    async fn(name, event, openid) {
      const headers: Record<string, string> = openid ? { 'x-dev-openid': openid } : {}
      const res = await post(`/dev/fn/${encodeURIComponent(name)}`, event, headers)
      if (res.status !== 200) {
        throw new Error(`/dev/fn/${name} answered ${res.status}: ${JSON.stringify(res.body)}`)
      }
      return res.body
    },
    post,
    setFaults: (spec) => faultsCall('POST', spec),
    faults: () => faultsCall('GET'),
    clearFaults: () => faultsCall('DELETE'),
    output: log,
    stop() {
      agent.destroy()
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
      return new Promise<void>((resolvePromise) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        child.once('exit', () => {
          clearTimeout(timer)
          resolvePromise()
        })
        child.kill('SIGTERM')
      })
    },
  }
}

/**
 * The scheduler's reports (`[scheduler] {…}`, logged as each run ends) since `mark` (a length of
 * `cloud.output()`), once there are `runs` of them or after `waitMs`: a clock jump fires the
 * timer by itself, and a test looks only once that run, too, has finished writing.
 */
export async function schedulerReports(
  cloud: Pick<TestCloud, 'output'>,
  mark: number,
  runs: number,
  waitMs = 5000,
): Promise<string[]> {
  const reports = () =>
    cloud
      .output()
      .slice(mark)
      .split('\n')
      .filter((line) => line.startsWith('[scheduler] '))
      .map((line) => line.slice('[scheduler] '.length))
  for (let waited = 0; waited < waitMs && reports().length < runs; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100))
  return reports()
}
