import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { ActionName, ApiReply, ParamsOf, ResponseOf } from '../../cloudfunctions/contract'
import { buildFunctions } from '../../scripts/build-functions'
import { startCloud, type TestCloud } from '../helpers/cloud'

const ROOT = resolve(__dirname, '../..')
const DIST = join(ROOT, 'dist/functions')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

/**
 * The built functions to run. `npm test` builds dist/functions before jest; run alone, a suite
 * whose build is missing or older than the sources builds its own copy in a private folder, so
 * parallel suites never rebuild a folder another one is running.
 */
export async function builtFunctions(): Promise<string> {
  const entry = join(DIST, 'api/index.js')
  const fresh =
    existsSync(entry) && statSync(entry).mtimeMs >= newestSource(join(ROOT, 'cloudfunctions'))
  if (fresh) return DIST
  const dir = mkdtempSync(join(tmpdir(), 'zhegong-functions-'))
  await buildFunctions(dir)
  return dir
}

export const STAFF = 'dev-staff-1'
export const ADMIN = 'dev-admin-1'
export const CHECKER = 'dev-checker-1'
export const MEMBER = 'dev-member-1'
export const UNVERIFIED = 'dev-member-2'

export interface ApiCloud {
  cloud: TestCloud
  /**
   * Calls the api function as `openid` through POST /dev/fn/api. The payload is loosely typed on
   * purpose: tests send wrong payloads too.
   */
  call<A extends ActionName>(
    openid: string,
    action: A,
    payload?: Partial<ParamsOf<A>> | Record<string, unknown>,
  ): Promise<ApiReply<ResponseOf<A>>>
  /** Like `call` for a write, with the request id given. */
  write<A extends ActionName>(
    openid: string,
    action: A,
    requestId: string,
    payload: Partial<ParamsOf<A>> & Record<string, unknown>,
  ): Promise<ApiReply<ResponseOf<A>>>
  /** Unwraps an ok reply or fails the test with the error. */
  ok<T>(reply: ApiReply<T>): T
  /** Documents of a collection as stored, straight from the database. */
  documents(collection: string): Promise<Record<string, unknown>[]>
  /** A one-off getPhoneNumber code for a dev identity, as WeChat would hand the app. */
  phoneCode(openid: string): Promise<string>
  /** Uploads a file to `imports/<name>` in cloud storage; answers its cloud:// file id. */
  upload(name: string, content: string | Buffer): Promise<string>
  /** Shifts the local cloud's clock (and the functions' "now"). */
  shiftClock(offsetMs: number): Promise<void>
  stop(): Promise<void>
}

let counter = 0
/** A fresh, valid request id. */
export function rid(label = 'r'): string {
  counter += 1
  return `${label}_${process.pid}_${counter}_${Date.now()}`.replace(/[^A-Za-z0-9_-]/g, '_')
}

export async function startApiCloud(opts: { seed?: boolean } = {}): Promise<ApiCloud> {
  const functions = await builtFunctions()
  const cloud = await startCloud({ seed: opts.seed ?? true, functions })
  const call: ApiCloud['call'] = async (openid, action, payload) =>
    (await cloud.fn('api', { action, payload: payload ?? {} }, openid)) as ApiReply<
      ResponseOf<typeof action>
    >
  return {
    cloud,
    call,
    write: (openid, action, requestId, payload) => call(openid, action, { ...payload, requestId }),
    ok<T>(reply: ApiReply<T>): T {
      if (!reply.ok) throw new Error(`expected ok, got ${JSON.stringify(reply.error)}`)
      return reply.data
    },
    async documents(collection) {
      const res = (await cloud.app().database().collection(collection).limit(1000).get()) as {
        data: Record<string, unknown>[]
      }
      return res.data
    },
    async phoneCode(openid) {
      const res = await cloud.post('/dev/phone-code', undefined, { 'x-dev-openid': openid })
      return (res.body as { code: string }).code
    },
    async upload(name, content) {
      const fileContent = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
      const res = await cloud.app().uploadFile({ cloudPath: `imports/${name}`, fileContent })
      return res.fileID
    },
    async shiftClock(offsetMs) {
      const res = await cloud.post('/dev/clock', { offsetMs })
      if (res.status !== 200) throw new Error(`clock: ${JSON.stringify(res.body)}`)
    },
    stop: () => cloud.stop(),
  }
}
