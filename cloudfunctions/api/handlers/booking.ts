import type { BookingResult, MyBooking } from '../../contract/booking'
import { banEnd } from '../../domain/credit'
import { ApiError } from '../../contract/errors'
import { refOfBookingCode } from '../../domain/booking-code'
import {
  cancelRuleText,
  cancelTerms,
  chosenSlots,
  newBookings,
  refuseBannedBooking,
  refuseBookingCheckIn,
  slotTaken,
  type BookingRecord,
} from '../../domain/booking'
import { maskName } from '../../domain/mask'
import { holdsSlot } from '../../domain/venue'
import { cancelBooking, clearNoShow, placeBookings, sameBooking } from '../../jobs/bookings'
import { tellBanCleared, tellBookingCancelled, tellBookingMade } from '../../jobs/booking-news'
import {
  changeBooking,
  getBooking,
  getBookings,
  listBookingsOfDay,
  listBookingsOfMember,
  listOpenAppeals,
} from '../../store/bookings'
import { getCredit } from '../../store/credit'
import { getMember, getMembers } from '../../store/members'
import { getVenue, type StoredVenue } from '../../store/venues'
import { toBookingCard, toMyBooking, toOverviewBooking } from '../views/booking'
import { existingVenue, publicVenue } from './venue'
import { onBehalf, requestOf, self, type Party } from './party'
import type { ActionContext, Handler } from './types'

const DEFAULT_PAGE = 20

const missing = () => new ApiError('NOT_FOUND', '没有找到这个预约')

/** A booking by its slot id, or by its ref (`<id>~<claim>`) even once the slot is rebooked. */
async function findBooking(id: string): Promise<BookingRecord | null> {
  const [slotId, claim] = id.split('~')
  return claim ? sameBooking({ _id: slotId, claim }) : getBooking(slotId)
}

/** The party's own booking and its venue; another member's is not found. */
async function ownBooking(party: Party, id: string) {
  const booking = await findBooking(id)
  if (!booking || booking.memberId !== party.memberId) throw missing()
  return { booking, venue: await existingVenue(booking.venueId) }
}

interface Picks {
  venueId: string
  date: string
  picks: Array<{ resourceId: string; start: string }>
}

/**
 * Every check before any write (verified member, ban, slots, the request's own size against
 * the caps), a look at whether a slot is visibly taken already (a refusal with no write), then
 * the writes of jobs/bookings: counters, then the slots.
 */
async function book(party: Party, input: Picks, ctx: ActionContext): Promise<BookingResult> {
  const request = requestOf(ctx)
  const { now } = ctx
  const venue = await publicVenue(input.venueId)
  const member = await getMember(party.memberId)
  if (!member) throw new ApiError('NOT_FOUND', '会员库中没有这位会员')
  refuseBannedBooking(await getCredit(party.memberId), now)
  const chosen = chosenSlots(venue, venue.resources, input.date, input.picks, now)
  const maker = {
    memberId: party.memberId,
    unit: member.unit,
    requestKey: request,
    actor: ctx.caller.openid,
    byStaff: party.byStaff,
    now,
  }
  const bookings = newBookings(venue._id, chosen, input.date, maker)
  const standing = await getBookings(bookings.map((b) => b._id))
  for (const b of bookings) {
    const held = standing.get(b._id)
    if (held && held.claim !== b.claim && holdsSlot(held)) throw slotTaken(chosen.resource, b)
  }
  const placed = await placeBookings(bookings, chosen.resource, venue.policy, request, now)
  await tellBookingMade(placed, venue, now)
  return {
    bookings: placed.map((b) => toMyBooking(b, venue, now, ctx.config.ticketKey)),
    cancelRule: cancelRuleText(venue.policy),
  }
}

/** 取消: the same rules for the member and for staff on their behalf. */
async function cancel(
  party: Party,
  id: string,
  reason: string,
  ctx: ActionContext,
): Promise<MyBooking> {
  const request = requestOf(ctx)
  const { booking, venue } = await ownBooking(party, id)
  const done = booking.requests.includes(request)
  const late = done ? booking.lateCancel : cancelTerms(booking, venue.policy, ctx.now).late
  const by = { late, reason, actor: ctx.caller.openid, byStaff: party.byStaff, requestKey: request }
  const cancelled = await cancelBooking(booking, by, venue.policy, ctx.now)
  return toMyBooking(cancelled, venue, ctx.now, ctx.config.ticketKey)
}

/** What every change of a booking records: the next version, when, the request. */
function stamp(booking: BookingRecord, request: string, now: Date) {
  return {
    version: booking.version + 1,
    updatedAt: now,
    lastRequest: request,
    requests: [...booking.requests, request].slice(-20),
  }
}

export const create: Handler<'booking.create'> = (input, ctx) => book(self(ctx), input, ctx)
export const createFor: Handler<'booking.createFor'> = async (input, ctx) =>
  book(await onBehalf(input.memberId), input, ctx)

export const cancelOwn: Handler<'booking.cancel'> = (input, ctx) =>
  cancel(self(ctx), input.bookingId, '会员取消', ctx)
/** Staff cancel for the member (a phone call); the member is told in 消息, whoever asked. */
export const cancelFor: Handler<'booking.cancelFor'> = async (input, ctx) => {
  const party = await onBehalf(input.memberId)
  const view = await cancel(party, input.bookingId, `工作人员代为取消：${input.reason}`, ctx)
  const { booking, venue } = await ownBooking(party, view.ref)
  if (booking.status === 'cancelled')
    await tellBookingCancelled(booking, venue, 'staff', input.reason, ctx.now)
  return view
}

export const mine: Handler<'booking.mine'> = async (input, ctx) => {
  const found = await listBookingsOfMember(
    self(ctx).memberId,
    input.cursor,
    input.limit ?? DEFAULT_PAGE,
  )
  const venues = await venuesOf(found.items)
  return {
    items: found.items.flatMap((b) => {
      const venue = venues.get(b.venueId)
      return venue ? [toMyBooking(b, venue, ctx.now, ctx.config.ticketKey)] : []
    }),
    nextCursor: found.nextCursor,
  }
}

async function venuesOf(bookings: readonly BookingRecord[]): Promise<Map<string, StoredVenue>> {
  const ids = [...new Set(bookings.map((b) => b.venueId))]
  const venues = await Promise.all(ids.map((id) => getVenue(id)))
  return new Map(venues.flatMap((v) => (v ? [[v._id, v] as const] : [])))
}

/**
 * The status card a shared link opens: the owner gets their booking with its actions, anyone
 * else only the venue, time, table and status.
 */
export const get: Handler<'booking.get'> = async (input, { caller, now, config }) => {
  const booking = await findBooking(input.id)
  const venue = booking ? await getVenue(booking.venueId) : null
  if (!booking || !venue) throw missing()
  if (caller.memberId !== null && caller.memberId === booking.memberId)
    return toMyBooking(booking, venue, now, config.ticketKey)
  return toBookingCard(booking, venue, now, false)
}

/**
 * 签到 at the desk: staff or a checker scan the member's booking code (their QR). The code is
 * the booking's ref signed with the ticket key; one conditional update from 已预约 decides,
 * so of two scans one succeeds and the other is told when it was checked in.
 */
export const checkIn: Handler<'booking.checkIn'> = async (input, ctx) => {
  const request = requestOf(ctx)
  const [slotId, claim] = refOfBookingCode(input.code, ctx.config.ticketKey).split('~')
  let booking = await sameBooking({ _id: slotId, claim })
  const venue = booking ? await getVenue(booking.venueId) : null
  if (!booking || !venue) throw new ApiError('BOOKING_INVALID')
  if (!booking.requests.includes(request)) {
    refuseBookingCheckIn(booking, venue.policy, ctx.now)
    const change = {
      status: 'checkedIn' as const,
      checkedInAt: ctx.now,
      checkedInBy: ctx.caller.openid,
      ...stamp(booking, request, ctx.now),
    }
    if (await changeBooking(booking._id, claim, 'booked', change))
      booking = { ...booking, ...change }
    else {
      const after = await sameBooking(booking)
      if (after && !after.requests.includes(request))
        refuseBookingCheckIn(after, venue.policy, ctx.now)
      if (!after) throw new ApiError('BOOKING_INVALID')
      booking = after
    }
  }
  const member = await getMember(booking.memberId)
  const resource = venue.resources.find((r) => r._id === booking.resourceId)
  return {
    bookingId: booking._id,
    venueName: venue.name,
    resourceName: resource?.name ?? booking.resourceId,
    date: booking.date,
    start: booking.start,
    end: booking.end,
    maskedName: maskName(member?.name ?? ''),
    checkedInAt: (booking.checkedInAt ?? ctx.now).toISOString(),
  }
}

/** 申诉: the member's note on a no-show, once. */
export const appeal: Handler<'booking.appeal'> = async (input, ctx) => {
  const request = requestOf(ctx)
  const { booking, venue } = await ownBooking(self(ctx), input.bookingId)
  let current = booking
  if (!booking.requests.includes(request)) {
    if (booking.status !== 'noShow') throw new ApiError('INVALID_STATE', '只有爽约的预约可以申诉')
    if (booking.appeal) throw new ApiError('INVALID_STATE', '已提交过申诉')
    const change = {
      appeal: {
        note: input.note,
        at: ctx.now,
        status: 'open' as const,
        reason: null,
        decidedBy: null,
        decidedAt: null,
      },
      ...stamp(booking, request, ctx.now),
    }
    if (!(await changeBooking(booking._id, booking.claim, 'noShow', change, { appeal: null })))
      throw new ApiError('INVALID_STATE', '已提交过申诉')
    current = { ...booking, ...change }
  }
  return toMyBooking(current, venue, ctx.now, ctx.config.ticketKey)
}

export const appeals: Handler<'booking.appeals'> = async (input) => {
  const found = await listOpenAppeals(input.cursor, input.limit ?? DEFAULT_PAGE)
  const [venues, members] = await Promise.all([
    venuesOf(found.items),
    getMembers(found.items.map((b) => b.memberId)),
  ])
  return {
    items: found.items.flatMap((b) => {
      const venue = venues.get(b.venueId)
      if (!venue || !b.appeal) return []
      const card = toBookingCard(b, venue, new Date(0), false)
      return [
        {
          bookingId: card.id,
          ref: card.ref,
          venueName: venue.name,
          resourceName: card.resourceName,
          date: b.date,
          start: b.start,
          end: b.end,
          maskedName: maskName(members.get(b.memberId)?.name ?? ''),
          note: b.appeal.note,
          at: b.appeal.at.toISOString(),
        },
      ]
    }),
    nextCursor: found.nextCursor,
  }
}

/**
 * Staff clear a no-show (it leaves the credit and the ban is computed again) or keep it, with
 * a reason. The decision is one conditional write on the open appeal; the credit follows, and
 * a second run of the request does the credit again, which changes nothing more.
 */
export const resolveAppeal: Handler<'booking.resolveAppeal'> = async (input, ctx) => {
  const request = requestOf(ctx)
  const booking = await findBooking(input.bookingId)
  const venue = booking ? await getVenue(booking.venueId) : null
  if (!booking || !venue) throw missing()
  let current = booking
  if (!booking.requests.includes(request)) {
    if (booking.appeal?.status !== 'open') throw new ApiError('INVALID_STATE', '没有待处理的申诉')
    const change = {
      appeal: {
        ...booking.appeal,
        status: input.decision === 'clear' ? ('cleared' as const) : ('kept' as const),
        reason: input.reason,
        decidedBy: ctx.caller.openid,
        decidedAt: ctx.now,
        banBefore: banEnd(await getCredit(booking.memberId), ctx.now),
      },
      ...stamp(booking, request, ctx.now),
    }
    const also = { 'appeal.status': 'open' }
    if (!(await changeBooking(booking._id, booking.claim, 'noShow', change, also)))
      throw new ApiError('INVALID_STATE', '申诉已被处理')
    current = { ...booking, ...change }
  }
  if (current.appeal?.status === 'cleared') {
    await clearNoShow(current, venue.policy)
    await tellBanCleared(current.memberId, current.appeal, await getCredit(current.memberId))
  }
  return toMyBooking(current, venue, ctx.now, ctx.config.ticketKey)
}

/** 当日总览 for the desk: every booking of the day that holds its slot or was cancelled. */
export const dayOverview: Handler<'booking.dayOverview'> = async (input) => {
  const venue = await existingVenue(input.venueId)
  const bookings = (await listBookingsOfDay(venue._id, input.date)).filter((b) => !b.archived)
  const members = await getMembers(bookings.map((b) => b.memberId))
  const order = new Map(venue.resources.map((r) => [r._id, r.order]))
  bookings.sort(
    (a, b) =>
      a.start.localeCompare(b.start) ||
      (order.get(a.resourceId) ?? 0) - (order.get(b.resourceId) ?? 0),
  )
  const counts = { booked: 0, checkedIn: 0, noShow: 0, cancelled: 0 }
  for (const b of bookings) counts[b.status] += 1
  return {
    venueId: venue._id,
    venueName: venue.name,
    date: input.date,
    bookings: bookings.map((b) => toOverviewBooking(b, venue, members.get(b.memberId)?.name ?? '')),
    counts,
  }
}
