import { fitsBelow, type SeatHolder, type SeatRecord } from '../domain/seats'
import { db, isDuplicateKey } from './db'
import { asRecord, updatedCount } from './documents'

const SEATS = 'seats'

export async function getSeat(id: string): Promise<SeatRecord | null> {
  const res = (await db().collection(SEATS).doc(id).get()) as { data: unknown }
  return asRecord<SeatRecord>(res.data)
}

/**
 * The session's seat document, made on the first signup (an insert another signup may win: then
 * that one is read) and brought to the session's seats when staff changed them — conditionally,
 * so seats never drop below what is taken.
 */
export async function ensureSeat(
  id: string,
  activityId: string,
  sessionId: string,
  seats: number,
): Promise<SeatRecord> {
  let seat = await getSeat(id)
  if (!seat) {
    const fresh: SeatRecord = { _id: id, activityId, sessionId, seats, taken: 0, holders: {} }
    try {
      await db().collection(SEATS).add(fresh)
      return fresh
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
    seat = await getSeat(id)
    if (!seat) throw new Error(`seat ${id} vanished`)
  }
  if (seat.seats !== seats) {
    const _ = db().command
    await db()
      .collection(SEATS)
      .where({ _id: id, seats: seat.seats, taken: _.lte(seats) })
      .update({ seats })
    seat = (await getSeat(id)) ?? seat
  }
  return seat
}

/** A drawn lottery session's seats, made once from the draw: a second run keeps the first. */
export async function insertSeat(seat: SeatRecord): Promise<void> {
  try {
    await db().collection(SEATS).add(seat)
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/** Holders are keyed by member (first-come) or by entry (a drawn lottery, domain/offers). */
const holderPath = (key: string) => `holders.${key}`

/**
 * The one deciding write of a first-come signup: takes `holder.size` seats for the member if
 * they still fit and the member holds none here, recording the holder in the same update.
 */
export async function takeSeats(
  id: string,
  seats: number,
  memberId: string,
  holder: SeatHolder,
): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(SEATS)
    .where({
      _id: id,
      seats,
      taken: _.lte(fitsBelow(seats, holder.size)),
      [holderPath(memberId)]: _.exists(false),
    })
    .update({ taken: _.inc(holder.size), [holderPath(memberId)]: _.set(holder) })
  return updatedCount(res) === 1
}

/** Gives back the seats of the holder that `request` took, if it still holds them. */
export async function releaseSeats(
  id: string,
  memberId: string,
  request: string,
  size: number,
): Promise<boolean> {
  const _ = db().command
  const res = await db()
    .collection(SEATS)
    .where({ _id: id, [`${holderPath(memberId)}.request`]: request })
    .update({ taken: _.inc(-size), [holderPath(memberId)]: _.remove() })
  return updatedCount(res) === 1
}

export async function listSeatsOfActivity(activityId: string): Promise<SeatRecord[]> {
  const res = (await db().collection(SEATS).where({ activityId }).limit(100).get()) as {
    data: unknown
  }
  return Array.isArray(res.data) ? (res.data as SeatRecord[]) : []
}
