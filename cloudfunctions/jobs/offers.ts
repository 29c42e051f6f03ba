import { sessionOf, type ActivityRecord, type SessionRecord } from '../domain/activity'
import { confirmByOf, withRequest, type EntryRecord } from '../domain/entry'
import {
  expiredHold,
  freeSeats,
  holderFor,
  lotteryRepairs,
  lotterySeat,
  nextOffer,
  offerRequestFor,
} from '../domain/offers'
import { seatIdFor, type SeatRecord } from '../domain/seats'
import { offerDeadline, ticketPolicyOf } from '../domain/ticket'
import { getDraw, type StoredDraw } from '../store/draws'
import { tellOffers, tellReleased } from './news'
import { getEntries, getEntry, replaceEntry } from '../store/entries'
import { ensureSeat, getSeat, insertSeat, releaseSeats, takeSeats } from '../store/seats'

/**
 * 递补: seats of a drawn lottery passing down its waitlist (rules in domain/offers). Shared by
 * the api (a member or staff giving a seat back) and the scheduler (deadlines, repairs, and
 * offers a killed run did not get to).
 */

/** How many waitlisted entries are read at a time while looking for the next offer. */
const WAITLIST_CHUNK = 100
/** A bound on one run's attempts, so a seat document changing under it cannot loop it. */
const MAX_ATTEMPTS = 200

/** The draw gives its winners their seats before any entry is told it won. */
export async function seatWinners(record: StoredDraw, drawnAt: Date): Promise<void> {
  const sizes = new Map(record.entries.map((e) => [e.id, e.size]))
  const winners = record.winners.map((id) => ({ id, size: sizes.get(id) ?? 1 }))
  const id = seatIdFor(record.activityId, record.sessionId)
  await insertSeat(
    lotterySeat(id, record.activityId, record.sessionId, record.seats, winners, drawnAt),
  )
}

/**
 * Offers every free seat of a drawn session down its waitlist, in draw order, to entries whose
 * whole party fits, until none fits or the session has started. Answers the offers made.
 */
export async function fillOffers(
  activity: ActivityRecord,
  session: SessionRecord,
  now: Date,
): Promise<EntryRecord[]> {
  if (now >= session.startAt) return []
  const record = await getDraw(activity._id, session.id)
  if (!record?.applied || record.waitlist.length === 0) return []
  const seatId = seatIdFor(activity._id, session.id)
  let seat = await getSeat(seatId)
  if (!seat) return []
  // Staff may have added seats after the draw: they are offered too.
  if (seat.seats !== session.seats)
    seat = await ensureSeat(seatId, activity._id, session.id, session.seats)
  const offers: EntryRecord[] = []
  let from = 0
  for (let attempt = 0; attempt < MAX_ATTEMPTS && freeSeats(seat) > 0; attempt++) {
    const found = await findNextOffer(record.waitlist, from, seat)
    if (!found) break
    from = found.at
    const { entry } = found
    const holder = holderFor(entry._id, entry.partySize, offerRequestFor(entry._id), now)
    if (!(await takeSeats(seatId, seat.seats, entry._id, holder))) {
      // Another run took a seat or offered this entry meanwhile: look again at what is left.
      seat = await rereadSeat(seatId)
      continue
    }
    const offered = await markOffered(entry, activity, session, holder.at)
    if (offered) offers.push(offered)
    // The entry left the waitlist meanwhile (withdrawn, cancelled): its seat goes on.
    else await releaseSeats(seatId, entry._id, holder.request, holder.size)
    seat = await rereadSeat(seatId)
  }
  await tellOffers(activity, offers, now)
  return offers
}

/** The first entry from `from` on that nextOffer would pick, read a chunk at a time. */
async function findNextOffer(
  waitlist: readonly string[],
  from: number,
  seat: SeatRecord,
): Promise<{ entry: EntryRecord; at: number } | null> {
  for (let i = from; i < waitlist.length; i += WAITLIST_CHUNK) {
    const chunk = waitlist.slice(i, i + WAITLIST_CHUNK)
    const entries = await getEntries(chunk)
    const id = nextOffer(seat, chunk, entries)
    const entry = id ? entries.get(id) : undefined
    if (id && entry) return { entry, at: i + chunk.indexOf(id) }
  }
  return null
}

async function rereadSeat(id: string): Promise<SeatRecord> {
  const seat = await getSeat(id)
  if (!seat) throw new Error(`seat ${id} vanished`)
  return seat
}

/**
 * 递补待确认 with its own deadline (from when the seat was taken, so a repair finishing a dead
 * run sets the same one). Only from 候补中: null when the entry left the waitlist meanwhile.
 */
async function markOffered(
  entry: EntryRecord,
  activity: ActivityRecord,
  session: SessionRecord,
  offeredAt: Date,
): Promise<EntryRecord | null> {
  const request = offerRequestFor(entry._id)
  for (let current: EntryRecord | null = entry; current; current = await getEntry(entry._id)) {
    if (current.status === 'offered' && current.seatRequest === request) return current
    if (current.status !== 'waitlisted') return null
    const offered: EntryRecord = {
      ...current,
      status: 'offered',
      seatRequest: request,
      offerExpiresAt: offerDeadline(offeredAt, ticketPolicyOf(activity), session.startAt),
      version: current.version + 1,
      updatedAt: offeredAt,
      requests: withRequest(current, request),
    }
    const { _id, ...fields } = offered
    if (await replaceEntry(_id, current.version, fields)) return offered
  }
  return null
}

/**
 * Gives a held lottery seat back (我去不了了, an offer declined or expired, a confirmation that
 * ran out, staff cancelling): the entry changes first, conditionally on the version read, then
 * the seat is freed and offered on. null when the entry changed meanwhile (nothing written).
 */
export async function releaseHold(
  activity: ActivityRecord,
  entry: EntryRecord,
  change: Partial<Omit<EntryRecord, '_id'>>,
  now: Date,
): Promise<{ entry: EntryRecord; offers: EntryRecord[] } | null> {
  const changed: EntryRecord = { ...entry, ...change }
  const { _id, ...fields } = changed
  if (!(await replaceEntry(_id, entry.version, fields))) return null
  return { entry: changed, offers: await freeAndOffer(activity, entry, now) }
}

async function freeAndOffer(
  activity: ActivityRecord,
  entry: Pick<EntryRecord, '_id' | 'sessionId'>,
  now: Date,
): Promise<EntryRecord[]> {
  const seatId = seatIdFor(activity._id, entry.sessionId)
  const holder = (await getSeat(seatId))?.holders[entry._id]
  if (holder) await releaseSeats(seatId, entry._id, holder.request, holder.size)
  const session = sessionOf(activity, entry.sessionId)
  return session ? fillOffers(activity, session, now) : []
}

export interface TendReport {
  /** Holders set right after a run that died between its two writes. */
  repaired: number
  /** Wins not confirmed and offers not accepted in time, whose seats went back. */
  released: EntryRecord[]
  offers: EntryRecord[]
}

/**
 * One drawn session on the scheduler's tick: finishes what dead runs left, releases seats whose
 * deadline passed, and offers every free seat. Each step is one conditional write, so a member
 * or another tick acting at the same moment cannot be undone by it.
 */
export async function tendSession(
  activity: ActivityRecord,
  session: SessionRecord,
  now: Date,
  staleBefore: Date,
): Promise<TendReport> {
  const report: TendReport = { repaired: 0, released: [], offers: [] }
  const record = await getDraw(activity._id, session.id)
  const seatId = seatIdFor(activity._id, session.id)
  const seat = record?.applied ? await getSeat(seatId) : null
  if (!seat) return report
  const entries = await getEntries(Object.keys(seat.holders))
  for (const { kind, entryId, holder } of lotteryRepairs(
    seat,
    entries,
    session.startAt,
    now,
    staleBefore,
  )) {
    const entry = entries.get(entryId)
    const offered =
      kind === 'offer' && entry
        ? await markOffered(entry, activity, session, new Date(holder.at))
        : null
    if (offered) report.offers.push(offered)
    if (offered || (await releaseSeats(seatId, entryId, holder.request, holder.size)))
      report.repaired += 1
  }
  for (const entry of entries.values()) {
    const reason = expiredHold(entry, confirmByOf(entry, activity), now)
    if (!reason) continue
    const change = {
      status: 'cancelled' as const,
      cancelReason: reason,
      version: entry.version + 1,
      updatedAt: now,
      requests: withRequest(entry, `expire:${entry._id}`),
    }
    const released = await releaseHold(activity, entry, change, now)
    if (released) {
      report.released.push(released.entry)
      report.offers.push(...released.offers)
    }
  }
  report.offers.push(...(await fillOffers(activity, session, now)))
  await tellReleased(activity, report.released, now)
  // Offers a dead run made (finished above, or standing since): told now, once by the event's key.
  const standing = [...entries.values()].filter((e) => e.status === 'offered')
  await tellOffers(activity, [...standing, ...report.offers], now)
  return report
}
