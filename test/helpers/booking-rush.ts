import type { ApiReply, BookingResult } from '../../cloudfunctions/contract'
import {
  countsIn,
  limitKeysFor,
  type BookingCounter,
  type BookingPolicy,
  type BookingRecord,
  type LimitKind,
} from '../../cloudfunctions/domain/booking'
import type { ApiCloud } from '../functions/api-cloud'
import type { SeededMember } from './activities'
import type { CloudApp } from './cloud'
import { DEFAULT_IN_FLIGHT, inFlightGate } from './rush'

/**
 * Booking rushes (test/functions/booking-rush.test.ts): members tap 预约 at the same instant,
 * and afterwards the database is read straight to see what the bookings and the limit
 * counters say.
 */
export type BookingReply =
  ApiReply<BookingResult> | { ok: false; transport: true; error: { code: string; message: string } }

export interface BookingPlan {
  member: SeededMember
  venueId: string
  date: string
  resourceId: string
  start: string
}

export interface FiredBooking extends BookingPlan {
  reply: BookingReply
  ms: number
}

function transport(error: unknown): BookingReply {
  const message = error instanceof Error ? error.message : String(error)
  return { ok: false, transport: true, error: { code: 'TRANSPORT', message } }
}

let fired = 0

/** Sends every plan's booking.create at once (at most `inFlight` invocations running). */
export async function fireBookings(
  api: Pick<ApiCloud, 'write'>,
  plans: readonly BookingPlan[],
  inFlight = DEFAULT_IN_FLIGHT,
): Promise<{ bookings: FiredBooking[]; wallMs: number }> {
  const gate = inFlightGate(inFlight)
  const stamp = `${process.pid}_${Date.now()}_${(fired += 1)}`
  const t0 = performance.now()
  const bookings = await Promise.all(
    plans.map(async (plan, i) => {
      const { value } = await gate(async () => {
        const s0 = performance.now()
        let reply: BookingReply
        try {
          reply = (await api.write(plan.member.openid, 'booking.create', `brush_${stamp}_${i}`, {
            venueId: plan.venueId,
            date: plan.date,
            picks: [{ resourceId: plan.resourceId, start: plan.start }],
          })) as BookingReply
        } catch (error) {
          reply = transport(error)
        }
        return { reply, ms: performance.now() - s0 }
      })
      return { ...plan, ...value }
    }),
  )
  return { bookings, wallMs: performance.now() - t0 }
}

export interface BookingAudit {
  /** Standing bookings (any status but cancelled), archived copies left out. */
  standing: BookingRecord[]
  /** Counter places with no standing booking of their claim behind them. */
  orphanHolds: string[]
  /** Standing bookings missing their place in a counter they count in. */
  unheld: string[]
  /** Counters whose `n` is not their number of holds. */
  miscounted: string[]
  /** Limits passed: `<kind> <counter> <n>/<cap>`. */
  overLimit: string[]
  /** Slots with more than one standing booking (cannot happen: one `_id` per slot). */
  doubleBooked: number
}

async function readAll<T extends { _id: string }>(
  app: CloudApp,
  collection: string,
  where: Record<string, unknown>,
): Promise<T[]> {
  const db = app.database()
  const _ = db.command
  const all: T[] = []
  for (let after = ''; ;) {
    const res = (await db
      .collection(collection)
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()) as { data: T[] }
    all.push(...res.data)
    if (res.data.length < 1000) return all
    after = res.data[res.data.length - 1]._id
  }
}

/** What the database says about a venue's bookings and its members' counters. */
export async function auditBookings(
  app: CloudApp,
  venueId: string,
  policy: BookingPolicy,
  now: Date,
): Promise<BookingAudit> {
  const bookings = await readAll<BookingRecord>(app, 'bookings', { venueId })
  const standing = bookings.filter((b) => !b.archived && b.status !== 'cancelled')
  const counters = (await readAll<BookingCounter>(app, 'bookingCounters', {})).filter((c) =>
    c._id.includes(`_${venueId}_`),
  )
  const byClaim = new Map(standing.map((b) => [b.claim, b]))
  const orphanHolds: string[] = []
  const miscounted: string[] = []
  const overLimit: string[] = []
  const caps: Record<LimitKind, number> = {
    memberDay: policy.perMemberDay,
    memberWeek: policy.perMemberWeek,
    memberActive: policy.activeAtOnce,
    unitDay: policy.perUnitDay ?? Infinity,
  }
  for (const counter of counters) {
    const claims = Object.keys(counter.holds)
    if (counter.n !== claims.length) miscounted.push(counter._id)
    for (const claim of claims) {
      const booking = byClaim.get(claim)
      if (!booking || !countsIn(counter.kind, booking, now))
        orphanHolds.push(`${counter._id}/${claim}`)
    }
    const live = claims.filter((c) => byClaim.has(c)).length
    if (live > caps[counter.kind])
      overLimit.push(`${counter.kind} ${counter._id} ${live}/${caps[counter.kind]}`)
  }
  const held = new Map(counters.map((c) => [c._id, c]))
  const unheld: string[] = []
  for (const booking of standing)
    for (const key of limitKeysFor(booking, policy))
      if (countsIn(key.kind, booking, now) && !(booking.claim in (held.get(key.id)?.holds ?? {})))
        unheld.push(`${key.id}/${booking._id}`)
  const slots = new Set(standing.map((b) => `${b.resourceId}|${b.date}|${b.start}`))
  return {
    standing,
    orphanHolds,
    unheld,
    miscounted,
    overLimit,
    doubleBooked: standing.length - slots.size,
  }
}
