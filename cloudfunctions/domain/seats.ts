import type { Companion } from '../contract/entry'
import { isLive, SEAT_STATUSES, type EntryRecord } from './entry'

/**
 * 名额 of a first-come session. One document per session holds the seat count AND who holds
 * the seats, changed only by one conditional update at a time: taking seats is
 * `where({_id, seats, taken <= seats - size, holders.<member> absent}).update({taken += size,
 * holders.<member> = holder})`, so the count can never pass the seats and a member never holds
 * two places in one session, under any concurrency. Because the holder is written in the same
 * update as the count, a function killed before it wrote the entry leaves everything needed to
 * write it: the scheduler (or the request's own retry) repairs the entry from the holder.
 */
export interface SeatHolder {
  /** The entry this seat is for (entryIdFor(activity, member)). */
  entry: string
  size: number
  companions: Companion[]
  /** The request that took it: the entry it stands on names the same (`seatRequest`). */
  request: string
  byStaff: boolean
  actor: string
  at: Date
}

export interface SeatRecord {
  _id: string
  activityId: string
  sessionId: string
  seats: number
  taken: number
  /** memberId → the seat(s) the member's party holds. */
  holders: Record<string, SeatHolder>
}

export function seatIdFor(activityId: string, sessionId: string): string {
  return `${activityId}_${sessionId}`
}

/** The most seats that may already be taken for a party of `size` to still fit. */
export function fitsBelow(seats: number, size: number): number {
  return seats - size
}

export type SeatRepair =
  /** A seat was taken but its entry never written: write it from the holder. */
  | { kind: 'restore'; memberId: string; holder: SeatHolder }
  /** A seat taken by a request whose member already had an entry: give it back. */
  | { kind: 'release'; memberId: string; holder: SeatHolder }
  /** An entry whose seat was given back but which was never marked cancelled. */
  | { kind: 'cancel'; entry: EntryRecord }

/**
 * What a session needs so that the seats taken equal the seats its entries hold. Only what is
 * older than `staleBefore` is touched: a younger mismatch belongs to a run still in flight.
 * `entries` are the activity's entries (any session), keyed by member.
 */
export function seatRepairs(
  seat: SeatRecord,
  entries: ReadonlyMap<string, EntryRecord>,
  staleBefore: Date,
): SeatRepair[] {
  const repairs: SeatRepair[] = []
  for (const [memberId, holder] of Object.entries(seat.holders)) {
    if (new Date(holder.at) >= staleBefore) continue
    const entry = entries.get(memberId)
    if (entry && isLive(entry.status)) {
      const standsOnIt = entry.sessionId === seat.sessionId && entry.seatRequest === holder.request
      if (!standsOnIt) repairs.push({ kind: 'release', memberId, holder })
    } else {
      repairs.push({ kind: 'restore', memberId, holder })
    }
  }
  for (const entry of entries.values()) {
    if (entry.sessionId !== seat.sessionId || !SEAT_STATUSES.includes(entry.status)) continue
    if (new Date(entry.updatedAt) >= staleBefore) continue
    const holder = seat.holders[entry.memberId]
    if (!holder || holder.request !== entry.seatRequest) repairs.push({ kind: 'cancel', entry })
  }
  return repairs
}

/** Seats held by live entries standing on their holders: what `taken` must equal. */
export function seatsHeldByEntries(seat: SeatRecord, entries: Iterable<EntryRecord>): number {
  let held = 0
  for (const entry of entries) {
    if (entry.sessionId !== seat.sessionId || !SEAT_STATUSES.includes(entry.status)) continue
    if (seat.holders[entry.memberId]?.request === entry.seatRequest) held += entry.partySize
  }
  return held
}
