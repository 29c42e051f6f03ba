import { ApiError } from '../../contract/errors'
import { idFromRequest } from '../../domain/ids'
import { bookableDays, dayGrid, isDate } from '../../domain/venue'
import { displacedBookings, venueSettings } from '../../domain/venue-settings'
import { dayOf } from '../../domain/time'
import { cancelBooking } from '../../jobs/bookings'
import { tellBookingCancelled } from '../../jobs/booking-news'
import { listBookingsOfDay, listUpcomingBooked } from '../../store/bookings'
import {
  getVenue,
  insertVenue,
  listAllVenues,
  listPublishedVenues,
  replaceVenue,
  type StoredVenue,
} from '../../store/venues'
import { posterUrls } from '../views/notice'
import { toManagedVenue, toVenue, toVenueDay, toVenueSummary } from '../views/venue'
import type { Handler } from './types'

const DEFAULT_PAGE = 20

/** The venue, for staff whatever its status. */
export async function existingVenue(id: string): Promise<StoredVenue> {
  const venue = await getVenue(id)
  if (!venue) throw new ApiError('NOT_FOUND', '场馆不存在')
  return venue
}

/** The venue as members reach it: only published ones exist for them. */
export async function publicVenue(id: string): Promise<StoredVenue> {
  const venue = await getVenue(id)
  if (!venue || venue.status !== 'published') throw new ApiError('NOT_FOUND', '场馆不存在或未开放')
  return venue
}

const photoUrls = (venues: readonly StoredVenue[]) =>
  posterUrls(venues.map((v) => ({ posterFileId: v.photoFileId })))

export const list: Handler<'venue.list'> = async (input) => {
  const found = await listPublishedVenues(input.cursor, input.limit ?? DEFAULT_PAGE)
  const urls = await photoUrls(found.items)
  return { items: found.items.map((v) => toVenueSummary(v, urls)), nextCursor: found.nextCursor }
}

export const get: Handler<'venue.get'> = async (input, { now }) => {
  const venue = await publicVenue(input.id)
  return toVenue(venue, await photoUrls([venue]), now)
}

/** The grid of one day for the caller: their own bookings show as mine. */
export const day: Handler<'venue.day'> = async (input, { caller, now }) => {
  const venue = await publicVenue(input.id)
  const date = input.date ?? bookableDays(venue.calendar, venue.policy.opens, now)[0]?.date
  const chosen = date ?? dayOf(now)
  if (!isDate(chosen)) throw new ApiError('INVALID_INPUT', '日期不存在', { date: '日期不存在' })
  const grid = dayGrid({
    calendar: venue.calendar,
    window: venue.policy.opens,
    resources: venue.resources,
    date: chosen,
    bookings: await listBookingsOfDay(venue._id, chosen),
    memberId: caller.memberId,
    now,
  })
  return toVenueDay(venue, grid, now)
}

export const manageList: Handler<'venue.manageList'> = async (input, { now }) => {
  const found = await listAllVenues(input.cursor, input.limit ?? DEFAULT_PAGE)
  const urls = await photoUrls(found.items)
  return {
    items: found.items.map((v) => toManagedVenue(v, urls, now)),
    nextCursor: found.nextCursor,
  }
}

export const create: Handler<'venue.create'> = async (input, { caller, now, request }) => {
  if (!request) throw new Error('venue.create runs as a write, with a request key')
  const id = idFromRequest('venue', request)
  const settings = venueSettings(id, input, null)
  const venue = await insertVenue(id, {
    name: input.name,
    address: input.address,
    photoFileId: input.photoFileId ?? null,
    notes: input.notes ?? '',
    phone: input.phone,
    ...settings,
    status: input.status,
    version: 1,
    createdAt: now,
    updatedAt: now,
    createdBy: caller.openid,
    updatedBy: caller.openid,
    lastRequest: request,
  })
  return toManagedVenue(venue, await photoUrls([venue]), now)
}

/**
 * The edit first (one conditional write: from then on the grid shows the closure and booking
 * refuses at once), then every booking it displaced is cancelled with the reason, never as a
 * late cancel. A second run finds the venue done and cancels whatever is still displaced.
 */
export const update: Handler<'venue.update'> = async (input, { caller, now, request }) => {
  if (!request) throw new Error('venue.update runs as a write, with a request key')
  let venue = await existingVenue(input.id)
  if (venue.lastRequest !== request) {
    if (venue.version !== input.version) throw new ApiError('CONFLICT')
    const settings = venueSettings(venue._id, input, venue)
    const { _id, ...rest } = venue
    const next = {
      ...rest,
      name: input.name,
      address: input.address,
      photoFileId: input.photoFileId === undefined ? venue.photoFileId : input.photoFileId,
      notes: input.notes ?? venue.notes,
      phone: input.phone,
      ...settings,
      status: input.status,
      version: venue.version + 1,
      updatedAt: now,
      updatedBy: caller.openid,
      lastRequest: request,
    }
    if (!(await replaceVenue(_id, venue.version, next))) throw new ApiError('CONFLICT')
    venue = { _id, ...next }
  }
  const displaced = displacedBookings(venue, await listUpcomingBooked(venue._id, now))
  for (const { booking, reason } of displaced) {
    const by = { late: false, reason, actor: caller.openid, byStaff: true, requestKey: request }
    const cancelled = await cancelBooking(booking, by, venue.policy, now).catch(
      (error: unknown) => {
        // Cancelled meanwhile by its member: nothing left to do for it.
        if (!(error instanceof ApiError)) throw error
        return null
      },
    )
    if (cancelled) await tellBookingCancelled(cancelled, venue, 'closure', reason, now)
  }
  return toManagedVenue(venue, await photoUrls([venue]), now, displaced.length)
}
