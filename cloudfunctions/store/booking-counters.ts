import {
  emptyCounter,
  type BookingCounter,
  type CounterHold,
  type CounterTake,
} from '../domain/booking'
import { readAll, readByIds } from './bulk'
import { db, isDuplicateKey } from './db'
import { asRecord, updatedCount } from './documents'

/**
 * bookingCounters/<LimitKey.id>: one member's (or one 基层工会's) places under one limit. `n`
 * and `holds` change together in one conditional update, so they never disagree, and a hold is
 * keyed by the booking's claim, so a retry never counts a booking twice (docs/booking.md).
 */
const COUNTERS = 'bookingCounters'

const holdPath = (claim: string) => `holds.${claim}`

export async function getCounter(id: string): Promise<BookingCounter | null> {
  const res = (await db().collection(COUNTERS).doc(id).get()) as { data: unknown }
  return asRecord<BookingCounter>(res.data)
}

export function getCounters(ids: readonly string[]): Promise<Map<string, BookingCounter>> {
  return readByIds<BookingCounter>(COUNTERS, ids)
}

/** The counter's document, made empty on its first take; another request may make it first. */
export async function ensureCounter(take: Pick<CounterTake, 'id' | 'kind'>): Promise<void> {
  try {
    await db()
      .collection(COUNTERS)
      .add({ ...emptyCounter(take), scopeDay: scopeDayOf(take) })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/**
 * The take: `k` places at once, only while there is room for all of them and only if the
 * first claim holds none yet. False when it updated nothing (full, held already, or missing).
 */
export async function takeCounter(take: CounterTake): Promise<boolean> {
  const _ = db().command
  const claims = Object.keys(take.holds)
  const holds = Object.fromEntries(
    Object.entries(take.holds).map(([claim, hold]) => [holdPath(claim), _.set(hold)]),
  )
  const res = await db()
    .collection(COUNTERS)
    .where({ _id: take.id, n: _.lte(take.atMost), [holdPath(claims[0])]: _.exists(false) })
    .update({ n: _.inc(take.k), ...holds })
  return updatedCount(res) === 1
}

/** Gives back one claim's place; conditional on the hold, so releasing twice changes nothing. */
export async function releaseHold(id: string, claim: string): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(COUNTERS)
    .where({ _id: id, [holdPath(claim)]: _.exists(true) })
    .update({ n: _.inc(-1), [holdPath(claim)]: _.remove() })
  return updatedCount(res) === 1
}

/** The scheduler's safety net: a place for a booking that counts but holds none (no cap). */
export async function restoreHold(id: string, claim: string, hold: CounterHold): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(COUNTERS)
    .where({ _id: id, [holdPath(claim)]: _.exists(false) })
    .update({ n: _.inc(1), [holdPath(claim)]: _.set(hold) })
  return updatedCount(res) === 1
}

/**
 * The day a day counter counts, or the Monday of a week counter ('YYYY-MM-DD', from the id's
 * last part); null for the active counter, which has no day. Stored so the scheduler reads
 * only counters whose days can still change, not every counter ever used.
 */
function scopeDayOf(take: Pick<CounterTake, 'id' | 'kind'>): string | null {
  if (take.kind === 'memberActive') return null
  const day = /_(\d{4})(\d{2})(\d{2})$/.exec(take.id)
  return day ? `${day[1]}-${day[2]}-${day[3]}` : null
}

/**
 * Counters holding any place whose scope is `since` or later, and every active counter holding
 * one: what the scheduler's repair looks at.
 */
export async function listHeldCounters(since: string): Promise<BookingCounter[]> {
  const _ = db().command
  const [days, active] = await Promise.all([
    readAll<BookingCounter>(COUNTERS, { n: _.gt(0), scopeDay: _.gte(since) }),
    readAll<BookingCounter>(COUNTERS, { n: _.gt(0), kind: 'memberActive' }),
  ])
  return [...days, ...active]
}
