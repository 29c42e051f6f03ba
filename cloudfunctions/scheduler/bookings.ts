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
import { creditNoShow } from '../jobs/bookings'
import { tellBookingNoShow } from '../jobs/booking-news'
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
  const credited = await creditMissing(now, venueOf)
  const countersRepaired = await repairCounters(now, staleBefore, venueOf)
  return { noShows, credited, countersRepaired }
}

type VenueOf = (id: string) => Promise<StoredVenue | null>

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
    if (!(await changeBooking(booking._id, booking.claim, 'booked', change))) continue
    marked += 1
    const noShow = { ...booking, ...change }
    await tellBookingNoShow(noShow, venue, await creditNoShow(noShow, venue.policy), now)
  }
  return marked
}

/** A pass killed between a no-show and its credit is finished here; cleared appeals stay out. */
async function creditMissing(now: Date, venueOf: VenueOf): Promise<number> {
  const recent = (await listRecentNoShows(new Date(now.getTime() - CREDIT_LOOKBACK_MS))).filter(
    (b) => b.appeal?.status !== 'cleared',
  )
  if (recent.length === 0) return 0
  const credits = await getCredits(recent.map((b) => b.memberId))
  let added = 0
  for (const booking of recent) {
    const ref = bookingRefOf(booking)
    const has = credits.get(booking.memberId)?.noShows.some((n) => n.ref === ref)
    const venue = await venueOf(booking.venueId)
    if (has || !venue) continue
    await creditNoShow(booking, venue.policy)
    added += 1
  }
  return added
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
