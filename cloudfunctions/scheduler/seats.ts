import { sessionOf, type ActivityRecord } from '../domain/activity'
import { entryFor, withRequest, type EntryRecord } from '../domain/entry'
import { seatRepairs, seatIdFor, type SeatRepair } from '../domain/seats'
import { listRunningFirstCome } from '../store/activities'
import { listEntriesOfActivity, putEntry, replaceEntry } from '../store/entries'
import { listSeatsOfActivity, releaseSeats } from '../store/seats'

/**
 * Keeps every running first-come session's seats equal to the seats its entries hold, whatever
 * a signup or cancel killed between its two writes left behind. Mismatches younger than
 * `staleBefore` belong to runs still going and are left alone. Nothing is written when all is
 * well. Answers how many repairs were made.
 */
export async function repairSeats(now: Date, staleBefore: Date): Promise<number> {
  let repaired = 0
  for (const activity of await listRunningFirstCome(now)) {
    const seats = await listSeatsOfActivity(activity._id)
    if (seats.length === 0) continue
    const entries = new Map(
      (await listEntriesOfActivity(activity._id)).map((e) => [e.memberId, e] as const),
    )
    for (const seat of seats) {
      for (const repair of seatRepairs(seat, entries, staleBefore)) {
        if (
          await apply(activity, seat.sessionId, repair, entries.get(memberOf(repair)) ?? null, now)
        )
          repaired += 1
      }
    }
  }
  return repaired
}

function memberOf(repair: SeatRepair): string {
  return repair.kind === 'cancel' ? repair.entry.memberId : repair.memberId
}

/** Each repair is one conditional write, so a run racing this one cannot be undone by it. */
async function apply(
  activity: ActivityRecord,
  sessionId: string,
  repair: SeatRepair,
  previous: EntryRecord | null,
  now: Date,
): Promise<boolean> {
  switch (repair.kind) {
    case 'release':
      return releaseSeats(
        seatIdFor(activity._id, sessionId),
        repair.memberId,
        repair.holder.request,
        repair.holder.size,
      )
    case 'restore': {
      const session = sessionOf(activity, sessionId)
      if (!session) return false
      const { holder } = repair
      const entry = entryFor(
        activity,
        session,
        { memberId: repair.memberId },
        { ...holder, seatRequest: holder.request },
        previous,
        holder.request,
        now,
      )
      return (await putEntry(entry, previous)).written
    }
    case 'cancel': {
      const { entry } = repair
      return replaceEntry(entry._id, entry.version, {
        status: 'cancelled',
        version: entry.version + 1,
        updatedAt: now,
        requests: withRequest(entry, `repair:${now.toISOString()}`),
      })
    }
  }
}
