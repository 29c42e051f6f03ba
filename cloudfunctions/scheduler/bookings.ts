import {
  bookingRefOf,
  checkInWindow,
  counterRepairs,
  DEFAULT_BOOKING_POLICY,
  isNoShowDue,
  weekOf,
  type BookingRecord,
} from '../domain/booking'
import { addDays, dayOf } from '../domain/time'
import type { CreditRecord } from '../domain/credit'
import { creditNoShow } from '../jobs/bookings'
import { tellBookingNoShows, type NoShowTold } from '../jobs/booking-news'
import { readByIds } from '../store/bulk'
import { listHeldCounters, releaseHold, restoreHold } from '../store/booking-counters'
import { changeBooking, getBookings, listRecentNoShows, listStartedBooked } from '../store/bookings'
import { getCredits } from '../store/credit'
import type { RequestRecord } from '../store/records'
import { getVenue, type StoredVenue } from '../store/venues'

/** How far back a no-show is checked to be in its member's credit. */
const CREDIT_LOOKBACK_MS = 2 * 24 * 3_600_000

export interface BookingRepairReport {
  /** Bookings not checked in by the end of their grace window, marked 爽约 now. */
  noShows: number
  /** No-shows (or late cancels) found missing from their member's credit and added. */
  credited: number
  /** 爽约 messages posted: for the no-shows marked now, and any a pass that died left untold. */
  told: number
  /** Counter places released (no booking behind them) or restored. */
  countersRepaired: number
}

/**
 * The scheduler's booking pass (docs/booking.md): no-shows first, then every no-show's credit,
 * then the counters made equal to the bookings. Each write is conditional, so a pass racing a
 * request, or a second pass, changes nothing twice.
 */
export async function repairBookings(now: Date, staleBefore: Date): Promise<BookingRepairReport> {
  const venues = new Map<string, StoredVenue | null>()
  const venueOf = async (id: string) => {
    if (!venues.has(id)) venues.set(id, await getVenue(id))
    return venues.get(id) ?? null
  }
  const noShows = await markNoShows(now, venueOf)
  const { credited, told } = await finishNoShows(now, venueOf)
  const countersRepaired = await repairCounters(now, staleBefore, venueOf)
  return { noShows, credited, told, countersRepaired }
}

type VenueOf = (id: string) => Promise<StoredVenue | null>

/** 爽约: one conditional write each; its credit and its message follow in `finishNoShows`. */
async function markNoShows(now: Date, venueOf: VenueOf): Promise<number> {
  let marked = 0
  for (const booking of await listStartedBooked(now)) {
    const venue = await venueOf(booking.venueId)
    if (!venue || !isNoShowDue(booking, venue.policy, now)) continue
    const change = {
      status: 'noShow' as const,
      noShowAt: checkInWindow(booking, venue.policy).to,
      version: booking.version + 1,
      updatedAt: now,
    }
    if (await changeBooking(booking._id, booking.claim, 'booked', change)) marked += 1
  }
  return marked
}

/**
 * Every recent no-show in its member's credit (late cancels too), and every 爽约 told, with
 * the ban it brought. Both are keyed (the credit by the booking's ref, the message by its
 * event), so the pass after one that died finishes what it left and doubles nothing. Cleared
 * appeals stay out.
 */
async function finishNoShows(
  now: Date,
  venueOf: VenueOf,
): Promise<{ credited: number; told: number }> {
  const recent = (await listRecentNoShows(new Date(now.getTime() - CREDIT_LOOKBACK_MS))).filter(
    (b) => b.appeal?.status !== 'cleared',
  )
  if (recent.length === 0) return { credited: 0, told: 0 }
  const credits = new Map<string, CreditRecord | null>(
    await getCredits(recent.map((b) => b.memberId)),
  )
  let credited = 0
  const noShows: NoShowTold[] = []
  for (const booking of recent) {
    const venue = await venueOf(booking.venueId)
    if (!venue) continue
    const ref = bookingRefOf(booking)
    let credit = credits.get(booking.memberId) ?? null
    if (!credit?.noShows.some((n) => n.ref === ref)) {
      credit = await creditNoShow(booking, venue.policy)
      credits.set(booking.memberId, credit)
      credited += 1
    }
    // A late cancel was told as a cancel when it was made.
    if (booking.status === 'noShow') noShows.push({ booking, venue, credit })
  }
  return { credited, told: await tellBookingNoShows(noShows, now) }
}

async function repairCounters(now: Date, staleBefore: Date, venueOf: VenueOf): Promise<number> {
  // Day counters from the Monday of yesterday's week on: older ones no request can change.
  const counters = await listHeldCounters(weekOf(addDays(dayOf(now), -1)))
  if (counters.length === 0) return 0
  const holds = counters.flatMap((c) => Object.values(c.holds))
  const [bookings, requests] = await Promise.all([
    getBookings(holds.map((h) => h.booking)),
    readByIds<RequestRecord>('requests', [...new Set(holds.map((h) => h.request))]),
  ])
  // Only runs that may still be going keep their places: a claim older than the stale cut-off
  // belongs to a run that died, whose rerun (the scheduler resumes a batch per tick) takes its
  // places again from scratch.
  const pending = new Set(
    [...requests.values()]
      .filter((r) => r.status === 'pending' && new Date(r.startedAt) >= staleBefore)
      .map((r) => r._id),
  )
  let repaired = 0
  for (const counter of counters) {
    const scope = new Map<string, BookingRecord>()
    for (const hold of Object.values(counter.holds)) {
      const booking = bookings.get(hold.booking)
      if (booking) scope.set(booking._id, booking)
    }
    const first = scope.values().next().value
    const venue = first ? await venueOf(first.venueId) : null
    const policy = venue?.policy ?? DEFAULT_BOOKING_POLICY
    const { release, restore } = counterRepairs(counter, scope, policy, pending, staleBefore, now)
    for (const claim of release) if (await releaseHold(counter._id, claim)) repaired += 1
    for (const [claim, hold] of Object.entries(restore))
      if (await restoreHold(counter._id, claim, hold)) repaired += 1
  }
  return repaired
}
