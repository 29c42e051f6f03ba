import type { BookingCard, MyBooking, OverviewBooking } from '../../contract/booking'
import { bookingCode } from '../../domain/booking-code'
import {
  BOOKING_STATUS_LABELS,
  bookingActions,
  bookingRefOf,
  cancelDeadlineOf,
  checkInWindow,
  type BookingRecord,
} from '../../domain/booking'
import { maskName } from '../../domain/mask'
import type { StoredVenue } from '../../store/venues'

const iso = (at: Date | null) => (at ? new Date(at).toISOString() : null)

function resourceName(venue: StoredVenue, resourceId: string): string {
  return venue.resources.find((r) => r._id === resourceId)?.name ?? resourceId
}

/**
 * The status card anyone may see: where, when, which table, what state. Nothing names the
 * member; actions only for the owner.
 */
export function toBookingCard(
  booking: BookingRecord,
  venue: StoredVenue,
  now: Date,
  mine: boolean,
): BookingCard {
  return {
    id: booking._id.split('~')[0],
    ref: bookingRefOf(booking),
    venueId: venue._id,
    venueName: venue.name,
    venueAddress: venue.address,
    resourceName: resourceName(venue, booking.resourceId),
    date: booking.date,
    start: booking.start,
    end: booking.end,
    startAt: booking.startAt.toISOString(),
    endAt: booking.endAt.toISOString(),
    status: booking.status,
    statusText: BOOKING_STATUS_LABELS[booking.status],
    mine,
    actions: mine ? bookingActions(booking, venue.policy, now) : [],
  }
}

/** The booking as its member (or staff acting for them) sees it. */
export function toMyBooking(
  booking: BookingRecord,
  venue: StoredVenue,
  now: Date,
  ticketKey: string,
): MyBooking {
  const card = toBookingCard(booking, venue, now, true)
  const window = checkInWindow(booking, venue.policy)
  const { appeal } = booking
  return {
    ...card,
    byStaff: booking.byStaff,
    cancelReason: booking.cancelReason,
    lateCancel: booking.lateCancel,
    cancelUntil: card.actions.includes('cancel')
      ? cancelDeadlineOf(booking, venue.policy).toISOString()
      : null,
    checkInFrom: window.from.toISOString(),
    checkInUntil: window.to.toISOString(),
    checkedInAt: iso(booking.checkedInAt),
    code:
      booking.status === 'booked' && !booking.archived ? bookingCode(card.ref, ticketKey) : null,
    appeal: appeal
      ? {
          note: appeal.note,
          status: appeal.status,
          reason: appeal.reason,
          at: new Date(appeal.at).toISOString(),
          decidedAt: iso(appeal.decidedAt),
        }
      : null,
    createdAt: booking.createdAt.toISOString(),
  }
}

export function toOverviewBooking(
  booking: BookingRecord,
  venue: StoredVenue,
  name: string,
): OverviewBooking {
  return {
    bookingId: booking._id,
    resourceId: booking.resourceId,
    resourceName: resourceName(venue, booking.resourceId),
    start: booking.start,
    end: booking.end,
    maskedName: maskName(name),
    status: booking.status,
    statusText: BOOKING_STATUS_LABELS[booking.status],
    byStaff: booking.byStaff,
    checkedInAt: iso(booking.checkedInAt),
  }
}
