import type { ApiReply, Companion, ManagedActivity, MyEntry } from '../../cloudfunctions/contract'
import { entryIdFor, isLive, type EntryRecord } from '../../cloudfunctions/domain/entry'
import { seatsHeldByEntries, type SeatRecord } from '../../cloudfunctions/domain/seats'
import type { ApiCloud } from '../functions/api-cloud'
import { openActivity, seedVerifiedMembers, type SeededMember } from './activities'
import type { CloudApp } from './cloud'

/**
 * The first-come rush, shared by test/functions/rush.test.ts and bench/groups/rush.ts: thousands
 * of verified members tap 报名 in the same instant, and afterwards the database is read straight
 * (not through the api) to see what the seats and the entries say.
 */

/** The staff identity that creates and publishes the rush's activities. */
export const RUSH_STAFF = 'dev-staff-1'

/** What the driver needs of an ApiCloud (test/functions/api-cloud.ts). */
export type RushCaller = Pick<ApiCloud, 'write'> & { cloud: { app(): CloudApp } }

/** A party of 1–3, mixed deterministically (not periodically) over the members. */
export function partySizeOf(index: number): number {
  return 1 + ((Math.imul(index + 1, 0x9e3779b1) >>> 0) % 3)
}

/** The companions of member `index`'s party of `size`, named. */
export function companionsOf(index: number, size: number): Companion[] {
  return Array.from({ length: size - 1 }, (_v, k) => ({ name: `同行人${index}${'甲乙'[k]}` }))
}

/** How one request ended for the member: an answer of the api, or no answer at all. */
export type Outcome = 'accepted' | 'refused' | 'failed'

/** A reply, or — when the invocation died or timed out — what the platform said instead. */
export type RushReply =
  ApiReply<MyEntry> | { ok: false; transport: true; error: { code: string; message: string } }

export interface Signup {
  index: number
  member: SeededMember
  activityId: string
  sessionId: string
  size: number
  requestId: string
  /** One reply per copy sent (same request id), in the order they were sent. */
  replies: RushReply[]
  /** Each copy's invocation, ms: from leaving the caller to its reply. */
  ms: number[]
  /** Each copy's wait for a free invocation slot before that (see `inFlight`). */
  queuedMs: number[]
}

export interface RushRun {
  signups: Signup[]
  /** From the first send to the last reply. */
  wallMs: number
}

/** SEATS_FULL is the one clean refusal of a rush; anything else not ok is a failure. */
export function outcomeOf(reply: RushReply): Outcome {
  if (reply.ok) return 'accepted'
  return reply.error.code === 'SEATS_FULL' && !('transport' in reply) ? 'refused' : 'failed'
}

/** `/dev/fn/api answered 500: {"code":…,"message":…}` (killed, timed out) as a reply. */
function transportReply(error: unknown): RushReply {
  const text = error instanceof Error ? error.message : String(error)
  const json = /answered \d+: (.*)$/s.exec(text)?.[1]
  let body: { code?: unknown; message?: unknown } = {}
  try {
    body = json ? (JSON.parse(json) as typeof body) : {}
  } catch {
    // Not JSON: keep the text.
  }
  return {
    ok: false,
    transport: true,
    error: {
      code: typeof body.code === 'string' ? body.code : 'TRANSPORT',
      message: typeof body.message === 'string' ? body.message : text,
    },
  }
}

export interface SignupPlan {
  index: number
  member: SeededMember
  activityId: string
  sessionId: string
}

export interface FireOptions {
  /** Each request is sent this many times at once with one request id, as a double tap does. */
  copies?: number
  /** Prefix of the request ids. */
  label?: string
  /**
   * At most this many invocations run at the same time; the rest wait their turn, as the
   * platform queues calls past a function's concurrency quota. Every request is still fired at
   * once. The local cloud is one Node process on this machine: with all 2,000 invocations in
   * it at once, its listen queue (511) overflows and the functions' own SDK requests pass their
   * 15 s timeout, which would measure the emulator, not the seats.
   */
  inFlight?: number
}

export const DEFAULT_IN_FLIGHT = 100

/** A FIFO gate of `size` slots: at most `size` of the works it is given run at a time. */
export function inFlightGate(
  size: number,
): <T>(work: () => Promise<T>) => Promise<{ value: T; queuedMs: number }> {
  let running = 0
  const waiting: Array<() => void> = []
  return async (work) => {
    const q0 = performance.now()
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve))
    else running += 1
    const queuedMs = performance.now() - q0
    try {
      return { value: await work(), queuedMs }
    } finally {
      const next = waiting.shift()
      if (next) next()
      else running -= 1
    }
  }
}

/**
 * Sends every plan's `entry.submit` at once (each `copies` times with one request id) and waits
 * for all of them. A call that got no api reply (the invocation was killed or timed out) is
 * recorded as the platform's error, never thrown.
 */
export async function fireSignups(
  api: RushCaller,
  plans: readonly SignupPlan[],
  opts: FireOptions = {},
): Promise<RushRun> {
  const copies = opts.copies ?? 1
  const label = opts.label ?? 'rush'
  const slot = inFlightGate(opts.inFlight ?? DEFAULT_IN_FLIGHT)
  const stamp = `${process.pid}_${Date.now()}`
  const t0 = performance.now()
  const signups = await Promise.all(
    plans.map(async (plan): Promise<Signup> => {
      const size = partySizeOf(plan.index)
      const requestId = `${label}_${stamp}_${plan.index}`
      const payload = {
        activityId: plan.activityId,
        sessionId: plan.sessionId,
        companions: companionsOf(plan.index, size),
      }
      const sent = await Promise.all(
        Array.from({ length: copies }, () =>
          slot(async () => {
            const s0 = performance.now()
            let reply: RushReply
            try {
              reply = (await api.write(
                plan.member.openid,
                'entry.submit',
                requestId,
                payload,
              )) as RushReply
            } catch (error) {
              reply = transportReply(error)
            }
            return { reply, ms: performance.now() - s0 }
          }),
        ),
      )
      return {
        ...plan,
        size,
        requestId,
        replies: sent.map((s) => s.value.reply),
        ms: sent.map((s) => s.value.ms),
        queuedMs: sent.map((s) => s.queuedMs),
      }
    }),
  )
  return { signups, wallMs: performance.now() - t0 }
}

/** Verified members for a rush, written straight into the database. */
export function seedRushMembers(
  api: RushCaller,
  count: number,
  prefix = 'rush',
): Promise<SeededMember[]> {
  return seedVerifiedMembers(api.cloud.app(), count, prefix)
}

let activities = 0

/**
 * A first-come activity open for signup now with one session of `seats`, created and published
 * by staff through the api, as the centre would.
 */
export async function createFirstCome(
  api: RushCaller,
  seats: number,
  title = '"六月风荷"行香茶会（抢票）',
): Promise<{ activityId: string; sessionId: string }> {
  const now = Date.now()
  activities += 1
  const tag = `${process.pid}_${now}_${activities}`
  const settings = openActivity(now, { title, allocation: 'first-come' })
  settings.sessions = settings.sessions.map((s) => ({ ...s, seats }))
  const created = await api.write(RUSH_STAFF, 'activity.create', `rush_act_${tag}`, settings)
  if (!created.ok) throw new Error(`activity.create: ${JSON.stringify(created.error)}`)
  const published = (await api.write(RUSH_STAFF, 'activity.publish', `rush_pub_${tag}`, {
    id: created.data.id,
  })) as ApiReply<ManagedActivity>
  if (!published.ok) throw new Error(`activity.publish: ${JSON.stringify(published.error)}`)
  return { activityId: published.data.id, sessionId: published.data.sessions[0].id }
}

export interface RushResult extends RushRun {
  activityId: string
  sessionId: string
  seats: number
}

/** Every member signs up for one fresh first-come session of `seats`, all at once. */
export async function rush(
  api: RushCaller,
  members: readonly SeededMember[],
  seats: number,
  opts: FireOptions = {},
): Promise<RushResult> {
  const { activityId, sessionId } = await createFirstCome(api, seats)
  const plans = members.map((member, index) => ({ index, member, activityId, sessionId }))
  return { activityId, sessionId, seats, ...(await fireSignups(api, plans, opts)) }
}

export interface RushAudit {
  /** The seat documents' `taken`. */
  seatsTaken: number
  /** Seats held by live entries standing on their holders (domain/seats). */
  seatsHeldByEntries: number
  /** The seat documents' `seats`. */
  seats: number
  liveEntries: number
  /**
   * Entries that should not exist: a member's live entries beyond one, and entries whose `_id`
   * is not entryIdFor(activity, member).
   */
  duplicateEntries: number
  oversold: number
  /** What was read, for checks of a test's own. */
  entries: EntryRecord[]
  seatDocs: SeatRecord[]
}

const PAGE = 1000

/** Every document of `collection` matching `where`, read in `_id` order past the 1,000 cap. */
async function readAll<T extends { _id: string }>(
  app: CloudApp,
  collection: string,
  where: Record<string, unknown>,
): Promise<T[]> {
  const db = app.database()
  const _ = db.command
  const all: T[] = []
  let after = ''
  for (;;) {
    const res = (await db
      .collection(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(PAGE)
      .get()) as { data: T[] }
    all.push(...res.data)
    if (res.data.length < PAGE) return all
    after = res.data[res.data.length - 1]._id
  }
}

/** What the database says about an activity's seats and entries, read straight from it. */
export async function auditRush(app: CloudApp, activityId: string): Promise<RushAudit> {
  const seatDocs = await readAll<SeatRecord>(app, 'seats', { activityId })
  const entries = await readAll<EntryRecord>(app, 'entries', { activityId })
  const live = entries.filter((e) => isLive(e.status))
  const extra = new Set<string>()
  for (const e of entries) if (e._id !== entryIdFor(activityId, e.memberId)) extra.add(e._id)
  const byMember = new Map<string, EntryRecord[]>()
  for (const e of live) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e])
  for (const mine of byMember.values()) {
    const sorted = mine.map((e) => e._id).sort()
    for (const id of sorted.slice(1)) extra.add(id)
  }
  let seatsTaken = 0
  let seats = 0
  let held = 0
  for (const seat of seatDocs) {
    seatsTaken += seat.taken
    seats += seat.seats
    held += seatsHeldByEntries(seat, entries)
  }
  return {
    seatsTaken,
    seatsHeldByEntries: held,
    seats,
    liveEntries: live.length,
    duplicateEntries: extra.size,
    oversold: Math.max(0, held - seats),
    entries,
    seatDocs,
  }
}

/** A driver bound to one caller: the `audit(activityId)` the brief asks for among them. */
export function rushDriver(api: RushCaller) {
  return {
    seedMembers: (count: number, prefix?: string) => seedRushMembers(api, count, prefix),
    createFirstCome: (seats: number, title?: string) => createFirstCome(api, seats, title),
    rush: (members: readonly SeededMember[], seats: number, opts?: FireOptions) =>
      rush(api, members, seats, opts),
    fire: (plans: readonly SignupPlan[], opts?: FireOptions) => fireSignups(api, plans, opts),
    audit: (activityId: string) => auditRush(api.cloud.app(), activityId),
  }
}

/** The nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1]
}

export interface RushCounts {
  accepted: number
  refused: number
  failed: number
  /** Failures by code. */
  failures: Record<string, number>
}

/** Counts the first reply of every signup (or `copy`). */
export function countOutcomes(run: RushRun, copy = 0): RushCounts {
  const counts: RushCounts = { accepted: 0, refused: 0, failed: 0, failures: {} }
  for (const s of run.signups) {
    const reply = s.replies[copy]
    const outcome = outcomeOf(reply)
    counts[outcome] += 1
    if (!reply.ok && outcome === 'failed')
      counts.failures[reply.error.code] = (counts.failures[reply.error.code] ?? 0) + 1
  }
  return counts
}
