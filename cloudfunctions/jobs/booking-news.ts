import { banEnd, type CreditRecord } from '../domain/credit'
import {
  banLiftedMessage,
  bookingCancelledMessage,
  bookingMadeMessage,
  bookingNoShowMessage,
  bookingReminderDue,
  bookingReminderMessage,
  bookingFacts,
} from '../domain/booking-messages'
import { cancelDeadlineOf, type BookingAppeal, type BookingRecord } from '../domain/booking'
import { messageIdFor, type MessagePost } from '../domain/message'
import { readByIds } from '../store/bulk'
import { listBansEndedBetween } from '../store/credit-bans'
import { listBookedStarting } from '../store/bookings'
import { postMessages } from '../store/messages'
import type { StoredVenue } from '../store/venues'

/**
 * What members are told of their bookings and their credit, in 消息 (and, with a consent, in
 * 服务通知). Each is posted after the change it reports is written and keyed by its event, so a
 * run again tells nobody twice.
 */

/** 预约成功: one message for the request's consecutive slots. */
export async function tellBookingMade(
  bookings: readonly BookingRecord[],
  venue: StoredVenue,
  now: Date,
): Promise<void> {
  const [first] = bookings
  const last = bookings[bookings.length - 1]
  if (!first || !last) return
  const facts = { ...bookingFacts(first, venue), endAt: new Date(last.endAt) }
  const told = bookingMadeMessage({
    ...facts,
    group: first.group,
    slots: bookings.length,
    byStaff: first.byStaff,
    cancelUntil: cancelDeadlineOf(first, venue.policy),
  })
  await postMessages([{ memberId: first.memberId, ...told }], now)
}

/** Cancelled by staff for the member, or by a closed day. */
export async function tellBookingCancelled(
  booking: BookingRecord,
  venue: StoredVenue,
  by: 'staff' | 'closure',
  reason: string,
  now: Date,
): Promise<void> {
  const told = bookingCancelledMessage({ ...bookingFacts(booking, venue), by, reason })
  await postMessages([{ memberId: booking.memberId, ...told }], now)
}

export interface NoShowTold {
  booking: BookingRecord
  venue: StoredVenue
  credit: CreditRecord | null
}

/** 爽约 recorded, with the ban it brought if any: each told once. Answers how many were new. */
export function tellBookingNoShows(noShows: readonly NoShowTold[], now: Date): Promise<number> {
  const posts = noShows.map(({ booking, venue, credit }) => ({
    memberId: booking.memberId,
    ...bookingNoShowMessage({ ...bookingFacts(booking, venue), bannedUntil: banEnd(credit, now) }),
  }))
  return postNew(posts, now)
}

/** Only events not told yet: a tick looks again at what earlier ticks told. */
async function postNew(posts: MessagePost[], now: Date): Promise<number> {
  if (posts.length === 0) return 0
  const told = await readByIds(
    'messages',
    posts.map((p) => messageIdFor(p.eventKey)),
  )
  const fresh = posts.filter((p) => !told.has(messageIdFor(p.eventKey)))
  await postMessages(fresh, now)
  return fresh.length
}

/** Bookings of tomorrow, from 18:00 today: reminded once each. Answers how many were told. */
export async function remindBookings(
  now: Date,
  venueOf: (id: string) => Promise<StoredVenue | null>,
): Promise<number> {
  const soon = await listBookedStarting(now, new Date(now.getTime() + 36 * 3_600_000))
  const posts: MessagePost[] = []
  for (const booking of soon.filter((b) => bookingReminderDue(b, now))) {
    const venue = await venueOf(booking.venueId)
    if (!venue) continue
    const told = bookingReminderMessage({
      ...bookingFacts(booking, venue),
      address: venue.address,
      cancelUntil: cancelDeadlineOf(booking, venue.policy),
    })
    posts.push({ memberId: booking.memberId, ...told })
  }
  return postNew(posts, now)
}

/** How far back an ended ban is still told (the scheduler may have been down a while). */
const BAN_LOOKBACK_MS = 24 * 3_600_000

/** Bans that ran out lately: their members may book and sign up again. */
export async function tellBansEnded(now: Date): Promise<number> {
  const ended = await listBansEndedBetween(new Date(now.getTime() - BAN_LOOKBACK_MS), now)
  const posts = ended.flatMap((credit) =>
    credit.bannedUntil
      ? [
          {
            memberId: credit._id,
            ...banLiftedMessage({
              memberId: credit._id,
              bannedUntil: new Date(credit.bannedUntil),
              via: 'expired' as const,
              at: new Date(credit.bannedUntil),
            }),
          },
        ]
      : [],
  )
  return postNew(posts, now)
}

/**
 * An appeal cleared the no-show that held the ban: told once, when the ban is gone. The ban
 * before comes from the decision, so a rerun that finds the credit already cleared still tells.
 */
export async function tellBanCleared(
  memberId: string,
  appeal: Pick<BookingAppeal, 'banBefore' | 'decidedAt'>,
  after: CreditRecord | null,
): Promise<void> {
  const { banBefore: was, decidedAt: at } = appeal
  if (!was || !at || banEnd(after, at)) return
  const told = banLiftedMessage({ memberId, bannedUntil: was, via: 'appeal', at })
  await postMessages([{ memberId, ...told }], at)
}
