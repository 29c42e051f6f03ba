import type { BookingRecord } from '../../cloudfunctions/domain/booking'
import { cancelDeadlineOf } from '../../cloudfunctions/domain/booking'
import {
  bookingFacts,
  bookingReminderDue,
  bookingReminderMessage,
} from '../../cloudfunctions/domain/booking-messages'
import { messageFrom, type MessageRecord } from '../../cloudfunctions/domain/message'
import type { StoredVenue } from '../../cloudfunctions/store/venues'

/**
 * The reminders the scheduler would already have posted for the seeded bookings (from 18:00
 * the day before), so the seed is a state the first tick leaves as it is, like the seeded
 * draws' marks: a fuzz or a read test sees no message appear from nowhere.
 */
export function seededBookingReminders(
  venues: readonly StoredVenue[],
  bookings: readonly BookingRecord[],
  now: Date,
): MessageRecord[] {
  return bookings.flatMap((booking) => {
    const venue = venues.find((v) => v._id === booking.venueId)
    if (!venue || booking.status !== 'booked' || !bookingReminderDue(booking, now)) return []
    const told = bookingReminderMessage({
      ...bookingFacts(booking, venue),
      address: venue.address,
      cancelUntil: cancelDeadlineOf(booking, venue.policy),
    })
    return [messageFrom({ memberId: booking.memberId, ...told }, now)]
  })
}
