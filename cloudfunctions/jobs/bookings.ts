import { ApiError } from '../contract/errors'
import {
  archivedIdFor,
  bookingRefOf,
  cancelChange,
  counterIdsOf,
  counterTakes,
  expiredHolds,
  limitRefusal,
  noShowOf,
  slotTaken,
  takeOutcome,
  type BookingPolicy,
  type BookingRecord,
  type CounterTake,
} from '../domain/booking'
import { banUntilFor, type CreditRecord } from '../domain/credit'
import type { ResourceRecord } from '../domain/venue'
import { ensureCounter, getCounter, releaseHold, takeCounter } from '../store/booking-counters'
import {
  archiveBooking,
  changeBooking,
  getBooking,
  insertBooking,
  removeBookingOfClaim,
  replaceCancelled,
} from '../store/bookings'
import { recordNoShow, updateCredit } from '../store/credit'

/**
 * The writes of booking, cancelling and no-shows, in the order docs/booking.md fixes: shared by
 * the api handlers and the scheduler. Each step is conditional on the booking's claim, so any
 * of them may run again after a crash without doing anything twice.
 */

/** Counters first: a booking once inserted never has to be taken back for a limit. */
async function takeAll(takes: readonly CounterTake[], now: Date) {
  for (const take of takes) {
    if (take.kind === 'memberActive') await releaseEnded(take.id, now)
    if (await takeCounter(take)) continue
    let counter = await getCounter(take.id)
    if (!counter) {
      await ensureCounter(take)
      if (await takeCounter(take)) continue
      counter = await getCounter(take.id)
    }
    if (takeOutcome(counter, take) === 'full') return take.kind
  }
  return null
}

/** Places of ended slots go back before the active cap is taken. */
async function releaseEnded(id: string, now: Date): Promise<void> {
  const counter = await getCounter(id)
  if (!counter) return
  for (const claim of expiredHolds(counter, now)) await releaseHold(id, claim)
}

type Placed = 'placed' | 'taken'

/**
 * The deciding write of one slot: the insert, or over a cancelled booking of the slot, its
 * archived copy and then a conditional replace. A document of this claim is ours already.
 */
async function place(booking: BookingRecord): Promise<Placed> {
  for (;;) {
    if (await insertBooking(booking)) return 'placed'
    const standing = await getBooking(booking._id)
    if (!standing) continue
    if (standing.claim === booking.claim) return 'placed'
    if (standing.status !== 'cancelled') return 'taken'
    await archiveBooking(standing)
    if (await replaceCancelled(standing, booking)) return 'placed'
  }
}

/** Takes back whatever a request wrote: its bookings, then its places; each step conditional. */
export async function undoBooking(
  bookings: readonly BookingRecord[],
  takes: readonly CounterTake[],
): Promise<void> {
  for (const b of bookings) await removeBookingOfClaim(b._id, b.claim)
  for (const take of takes)
    for (const claim of Object.keys(take.holds)) await releaseHold(take.id, claim)
}

/**
 * Books the request's slots (made by domain `newBookings`): counters, then the slots in order.
 * A limit or a taken slot undoes everything this request wrote and refuses.
 */
export async function placeBookings(
  bookings: readonly BookingRecord[],
  resource: Pick<ResourceRecord, 'name'>,
  policy: BookingPolicy,
  requestKey: string,
  now: Date,
): Promise<BookingRecord[]> {
  const takes = counterTakes(bookings, policy, requestKey, now)
  const full = await takeAll(takes, now)
  if (full) {
    await undoBooking(bookings, takes)
    throw limitRefusal(full, policy)
  }
  const placed: BookingRecord[] = []
  for (const booking of bookings) {
    if ((await place(booking)) === 'taken') {
      await undoBooking(bookings, takes)
      throw slotTaken(resource, booking)
    }
    placed.push(booking)
  }
  return placed
}

export interface CancelBy {
  late: boolean
  reason: string
  actor: string
  byStaff: boolean
  requestKey: string
}

/**
 * Cancels one booking: the deciding write (the slot is free from there), then its places in
 * every counter, then for a late cancel the credit. Answers the booking as it now stands; an
 * ApiError when it was no longer 已预约 and not by this request.
 */
export async function cancelBooking(
  booking: BookingRecord,
  by: CancelBy,
  policy: BookingPolicy,
  now: Date,
): Promise<BookingRecord> {
  let current = booking
  if (!current.requests.includes(by.requestKey)) {
    const change = cancelChange(current, by, now)
    if (await changeBooking(current._id, current.claim, 'booked', change))
      current = { ...current, ...change }
    else {
      const reread = await sameBooking(current)
      if (!reread?.requests.includes(by.requestKey))
        throw new ApiError('INVALID_STATE', '预约状态已变化，请刷新后再试')
      current = reread
    }
  }
  await releasePlaces(current)
  if (current.lateCancel) await creditNoShow(current, policy)
  return current
}

/** A booking's places in every counter it may hold one in, whatever the policy says now. */
export async function releasePlaces(booking: BookingRecord): Promise<void> {
  for (const id of counterIdsOf(booking)) await releaseHold(id, booking.claim)
}

/** The booking under its id, or its archived copy when the slot has been booked again. */
export async function sameBooking(
  booking: Pick<BookingRecord, '_id' | 'claim'>,
): Promise<BookingRecord | null> {
  const id = booking._id.split('~')[0]
  const standing = await getBooking(id)
  if (standing?.claim === booking.claim) return standing
  return getBooking(archivedIdFor(id, booking.claim))
}

/** Adds the booking's no-show to its member's credit, with the ban it brings (once). */
export function creditNoShow(booking: BookingRecord, policy: BookingPolicy): Promise<CreditRecord> {
  return recordNoShow(booking.memberId, noShowOf(booking, policy), policy.noShowBan)
}

/**
 * An appeal cleared: the no-show leaves the credit and the ban is computed again from what is
 * left, under the venue's rule.
 */
export async function clearNoShow(booking: BookingRecord, policy: BookingPolicy): Promise<void> {
  const ref = bookingRefOf(booking)
  await updateCredit(booking.memberId, (credit) => {
    if (!credit?.noShows.some((n) => n.kind === 'booking' && n.ref === ref)) return null
    const noShows = credit.noShows.filter((n) => !(n.kind === 'booking' && n.ref === ref))
    return { ...credit, noShows, bannedUntil: banUntilFor(noShows, policy.noShowBan) }
  })
}
