import { archivedIdFor, type BookingRecord, type BookingStatus } from '../domain/booking'
import { readAll, readByIds } from './bulk'
import { decodeCursor, encodeCursor, isTimeKey, newestFirst, timeKey } from './cursor'
import { db, isDuplicateKey } from './db'
import { asRecord, asRecords, updatedCount } from './documents'

/**
 * bookings/<resource>_<yyyymmdd>_<hhmm>: the slot itself (domain/booking `bookingIdFor`), so two
 * inserts of one slot cannot both succeed. Every change is conditional on the booking's claim
 * (and status), so a change meant for one booking never lands on the next booking of the slot.
 */
const BOOKINGS = 'bookings'

export async function getBooking(id: string): Promise<BookingRecord | null> {
  const res = (await db().collection(BOOKINGS).doc(id).get()) as { data: unknown }
  return revive(asRecord<BookingRecord>(res.data))
}

export async function getBookings(ids: readonly string[]): Promise<Map<string, BookingRecord>> {
  const found = await readByIds<BookingRecord>(BOOKINGS, ids)
  return new Map([...found].map(([id, b]) => [id, revive(b)]))
}

/** The deciding write of a booking: false when the slot's document exists already. */
export async function insertBooking(booking: BookingRecord): Promise<boolean> {
  try {
    await db().collection(BOOKINGS).add(booking)
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Keeps a cancelled booking under `<id>~<claim>` before its slot is booked again (once). */
export async function archiveBooking(booking: BookingRecord): Promise<void> {
  const { _id, ...fields } = booking
  try {
    await db()
      .collection(BOOKINGS)
      .add({ ...fields, _id: archivedIdFor(_id, booking.claim), archived: true })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/** Books a slot whose booking was cancelled: only while it is still that cancelled booking. */
export async function replaceCancelled(
  previous: Pick<BookingRecord, '_id' | 'claim'>,
  next: BookingRecord,
): Promise<boolean> {
  const { _id, ...fields } = next
  return changeBooking(_id, previous.claim, 'cancelled', fields)
}

/**
 * One conditional change of a booking from `status`: the claim and the status read are the
 * condition, so of two changes at once only one lands. Arrays and objects are stored whole.
 */
export async function changeBooking(
  id: string,
  claim: string,
  status: BookingStatus,
  change: Partial<Omit<BookingRecord, '_id'>>,
  also: Record<string, unknown> = {},
): Promise<boolean> {
  const _ = db().command
  const whole = Object.fromEntries(
    Object.entries(change).map(([key, value]) => [
      key,
      value !== null && typeof value === 'object' && !(value instanceof Date)
        ? _.set(value)
        : value,
    ]),
  )
  const res = await db()
    .collection(BOOKINGS)
    .where({ ...also, _id: id, claim, status })
    .update(whole)
  return updatedCount(res) === 1
}

/** Undo of a request's booking: removes the slot's document only while it is that booking. */
export async function removeBookingOfClaim(id: string, claim: string): Promise<void> {
  await db().collection(BOOKINGS).where({ _id: id, claim }).remove()
}

/** Every booking of one venue's day, any status, archived copies too. */
export async function listBookingsOfDay(venueId: string, date: string): Promise<BookingRecord[]> {
  return (await readAll<BookingRecord>(BOOKINGS, { venueId, date })).map((b) => revive(b))
}

/** A venue's bookings still to start and still 已预约: what a closure may cancel. */
export async function listUpcomingBooked(venueId: string, now: Date): Promise<BookingRecord[]> {
  const _ = db().command
  const rows = await readAll<BookingRecord>(BOOKINGS, {
    venueId,
    status: 'booked',
    startAt: _.gt(now),
  })
  return rows.map((b) => revive(b))
}

/** Bookings still 已预约 that start in (from, to]: the scheduler's reminder candidates. */
export async function listBookedStarting(from: Date, to: Date): Promise<BookingRecord[]> {
  const _ = db().command
  // One bound in the query (readAll adds its own `_id` range), the other here.
  const rows = await readAll<BookingRecord>(BOOKINGS, { status: 'booked', startAt: _.gt(from) })
  return rows.map((b) => revive(b)).filter((b) => b.startAt <= to)
}

/** Bookings still 已预约 whose slot has begun: the scheduler's no-show candidates. */
export async function listStartedBooked(now: Date): Promise<BookingRecord[]> {
  const _ = db().command
  const rows = await readAll<BookingRecord>(BOOKINGS, { status: 'booked', startAt: _.lte(now) })
  return rows.map((b) => revive(b))
}

/**
 * No-shows and late cancels recorded since `since`: the scheduler checks each is in its
 * member's credit (a run killed between the booking and the credit write).
 */
export async function listRecentNoShows(since: Date): Promise<BookingRecord[]> {
  const _ = db().command
  const [noShows, late] = await Promise.all([
    readAll<BookingRecord>(BOOKINGS, { status: 'noShow', noShowAt: _.gte(since) }),
    readAll<BookingRecord>(BOOKINGS, {
      status: 'cancelled',
      lateCancel: true,
      cancelledAt: _.gte(since),
    }),
  ])
  return [...noShows, ...late].map((b) => revive(b))
}

/** A member's bookings, newest first: 我的预约. */
export function listBookingsOfMember(
  memberId: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: BookingRecord[]; nextCursor?: string }> {
  return newestFirst<BookingRecord>(BOOKINGS, { memberId }, 'createdAt', { cursor, limit }, revive)
}

/** Open 申诉, oldest first (keyset on the appeal's time). */
export async function listOpenAppeals(
  cursor: string | undefined,
  limit: number,
): Promise<{ items: BookingRecord[]; nextCursor?: string }> {
  const _ = db().command
  const base = { 'appeal.status': 'open' }
  let where: object = base
  if (cursor) {
    const key = decodeCursor(cursor, isTimeKey)
    const at = new Date(key.t)
    where = _.and([base, _.or([{ 'appeal.at': _.gt(at) }, { 'appeal.at': at, _id: _.gt(key.id) }])])
  }
  const res = (await db()
    .collection(BOOKINGS)
    .where(where)
    .orderBy('appeal.at', 'asc')
    .orderBy('_id', 'asc')
    .limit(limit + 1)
    .get()) as { data: unknown }
  const rows = asRecords<BookingRecord>(res.data).map((b) => revive(b))
  if (rows.length <= limit) return { items: rows }
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: encodeCursor(timeKey(last.appeal?.at ?? null, last._id)) }
}

const date = (value: Date | null | undefined) => (value ? new Date(value) : null)

function revive(booking: BookingRecord): BookingRecord
function revive(booking: BookingRecord | null): BookingRecord | null
function revive(booking: BookingRecord | null): BookingRecord | null {
  if (!booking) return null
  const { appeal } = booking
  return {
    ...booking,
    startAt: new Date(booking.startAt),
    endAt: new Date(booking.endAt),
    createdAt: new Date(booking.createdAt),
    updatedAt: new Date(booking.updatedAt),
    cancelledAt: date(booking.cancelledAt),
    checkedInAt: date(booking.checkedInAt),
    noShowAt: date(booking.noShowAt),
    appeal: appeal
      ? {
          ...appeal,
          at: new Date(appeal.at),
          decidedAt: date(appeal.decidedAt),
          banBefore: date(appeal.banBefore),
        }
      : null,
  }
}
