import { isDeepStrictEqual } from 'node:util'
import type { Role } from '../../../cloudfunctions/contract/actions'
import { ERRORS, type ErrorCode } from '../../../cloudfunctions/contract/errors'
import schema from '../../../cloudfunctions/store/schema.json'
import type { ApiCloud } from '../api-cloud'
import { PayloadStream, type Payload } from './payloads'
import type { ActionModel } from './schema'
import type { Pools } from './values'

export interface Identity {
  label: string
  openid: string
  roles: readonly Role[]
}

export interface RunOptions {
  seed: number
  /** Distinct bad payloads per action. */
  payloads: number
  /** Requests in flight at once. */
  concurrency: number
  /**
   * Every payload goes to each identity the action allows; every `refusedEvery`-th payload also
   * to each identity it refuses (1: every payload to every identity). The guard refuses before
   * it reads a payload, so a sample shows that as well as all of them, at a fraction of the time.
   */
  refusedEvery: number
  pools: Pools
  /**
   * Identities used only for an action none of the main ones may call (a checker-only action),
   * so its payloads still reach validation.
   */
  reserves: readonly Identity[]
}

export interface ActionResult {
  action: string
  payloads: number
  requests: number
  replies: number
  /** Reply codes per identity label. */
  codes: Record<string, Partial<Record<ErrorCode | 'other', number>>>
  breaks: Record<string, number>
  /** Collections whose documents differ after the batch. */
  changed: string[]
  /** New lines of the local cloud's output that look like an error or a stack. */
  logLines: string[]
  /** INVALID_INPUT replies with no field named (see `namesNoField`). */
  unnamed: number
  /** Every failed check, the first few spelled out. */
  failures: number
  examples: string[]
  ms: number
}

const CJK = /[\u4e00-\u9fff]/
/** What an uncaught exception leaves in the function's log. */
const ERROR_LINE = /\[api\]|Error|^\s+at\s/
const EXAMPLES = 8

/** Every collection of the schema, as the SDK reads it. */
export async function snapshot(api: ApiCloud): Promise<Record<string, unknown>> {
  const all: Record<string, unknown> = {}
  for (const { name } of schema.collections) all[name] = await api.documents(name)
  return all
}

function short(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`
}

/** Why a reply is not the refusal it must be, or null when it is. */
export function checkReply(reply: unknown, expected: ErrorCode): string | null {
  if (typeof reply !== 'object' || reply === null) return 'not an object'
  const { ok, error, ...rest } = reply as { ok?: unknown; error?: unknown }
  if (ok !== false) return 'not refused'
  if (Object.keys(rest).length) return `extra keys ${Object.keys(rest).join(',')}`
  if (typeof error !== 'object' || error === null) return 'no error'
  const { code, message, fields, ...more } = error as Record<string, unknown>
  if (Object.keys(more).length) return `extra error keys ${Object.keys(more).join(',')}`
  if (typeof code !== 'string' || !Object.hasOwn(ERRORS, code)) return `code ${String(code)}`
  if (code === 'INTERNAL') return 'INTERNAL'
  if (typeof message !== 'string' || !CJK.test(message)) return 'message without Chinese'
  if (code !== expected) return `${code} instead of ${expected}`
  if (fields !== undefined) {
    if (typeof fields !== 'object' || fields === null) return 'fields not an object'
    const bad = Object.values(fields).find((text) => typeof text !== 'string' || !CJK.test(text))
    if (bad !== undefined) return `field message without Chinese: ${JSON.stringify(bad)}`
  }
  return null
}

/**
 * An INVALID_INPUT that names no field. Counted, not failed: api/validate.ts collects field
 * messages in a plain object, so a key named like an Object.prototype member (`__proto__`,
 * `constructor`, `toString`) is never recorded; the refusal itself is right.
 */
export function namesNoField(reply: unknown): boolean {
  const error = (reply as { error?: { code?: unknown; fields?: unknown } } | null)?.error
  if (error?.code !== 'INVALID_INPUT') return false
  const fields = error.fields
  return typeof fields !== 'object' || fields === null || Object.keys(fields).length === 0
}

/**
 * Sends one action's bad payloads, checks every reply, and compares the database and the
 * function log before and after. Payloads are made as workers ask for them, in one fixed order,
 * so the seed gives the same payloads whatever the timing.
 */
export async function fuzzAction(
  api: ApiCloud,
  model: ActionModel,
  identities: readonly Identity[],
  options: RunOptions,
): Promise<ActionResult> {
  const started = Date.now()
  const may = (id: Identity) => id.roles.some((role) => model.roles.includes(role))
  const refused = identities.filter((id) => !may(id))
  const allowed =
    refused.length < identities.length ? identities.filter(may) : options.reserves.filter(may)
  const stream = new PayloadStream(model, options.seed, options.pools)
  const result: ActionResult = {
    action: model.name,
    payloads: 0,
    requests: 0,
    replies: 0,
    codes: {},
    breaks: {},
    changed: [],
    logLines: [],
    unnamed: 0,
    failures: 0,
    examples: [],
    ms: 0,
  }
  const fail = (text: string) => {
    result.failures += 1
    if (result.examples.length < EXAMPLES) result.examples.push(text)
  }

  // The queue: each payload to its identities, the next payload made only when one is needed.
  let current: { payload: Payload; targets: Identity[] } | null = null
  const nextJob = (): { payload: Payload; identity: Identity } | null => {
    while (!current || current.targets.length === 0) {
      if (result.payloads >= options.payloads) return null
      const payload = stream.next()
      result.payloads += 1
      // The sample ends each group of `refusedEvery`, so it takes in the megabyte payloads; an
      // action no identity may call sends every payload to one refused identity in turn.
      const sampled = payload.index % options.refusedEvery === options.refusedEvery - 1
      const turn = allowed.length === 0 ? [refused[payload.index % refused.length]] : []
      current = { payload, targets: [...allowed, ...(sampled ? refused : turn)] }
    }
    const identity = current.targets.shift() as Identity
    return { payload: current.payload, identity }
  }

  const send = async ({ payload, identity }: { payload: Payload; identity: Identity }) => {
    const expected: ErrorCode = allowed.includes(identity) ? 'INVALID_INPUT' : 'FORBIDDEN'
    const where = `${identity.label} (${identity.openid}) payload #${payload.index} [${payload.breaks.join('; ')}]`
    result.requests += 1
    let reply: unknown
    try {
      reply = await api.cloud.fn(
        'api',
        { action: model.name, payload: payload.value },
        identity.openid,
      )
    } catch (error) {
      fail(`${where}: ${short(payload.json)} → ${short(String(error))}`)
      return
    }
    result.replies += 1
    const code = (reply as { error?: { code?: ErrorCode } } | null)?.error?.code ?? 'other'
    const tally = (result.codes[identity.label] ??= {})
    tally[code] = (tally[code] ?? 0) + 1
    if (namesNoField(reply)) result.unnamed += 1
    const problem =
      checkReply(reply, expected) ?? (namesNoField(reply) ? 'INVALID_INPUT names no field' : null)
    if (problem)
      fail(`${where}: ${short(payload.json)} → ${short(JSON.stringify(reply))}: ${problem}`)
  }

  const before = await snapshot(api)
  const logMark = api.cloud.output().length
  const worker = async () => {
    for (let job = nextJob(); job; job = nextJob()) await send(job)
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  const after = await snapshot(api)

  result.changed = Object.keys(before).filter(
    (name) => !isDeepStrictEqual(before[name], after[name]),
  )
  result.logLines = api.cloud
    .output()
    .slice(logMark)
    .split('\n')
    .filter((line) => ERROR_LINE.test(line))
    .map((line) => short(line, 200))
  result.breaks = { ...stream.kinds }
  result.ms = Date.now() - started
  return result
}

/** The failure report of one action, or null: enough to repeat it with FUZZ_SEED. */
export function problemsOf(result: ActionResult, seed: number): string | null {
  const lines: string[] = []
  if (result.failures)
    lines.push(`${result.failures} replies failed the checks, e.g.:`, ...result.examples)
  if (result.changed.length) lines.push(`database changed: ${result.changed.join(', ')}`)
  if (result.logLines.length) lines.push('function log:', ...result.logLines.slice(0, 10))
  if (result.payloads === 0) lines.push('no payloads sent')
  if (!lines.length) return null
  const repeat = `FUZZ_SEED=${seed} npx jest test/functions/fuzz- -t '${result.action} '`
  return [`fuzz FUZZ_SEED=${seed} action=${result.action} (repeat: ${repeat})`, ...lines].join('\n')
}
