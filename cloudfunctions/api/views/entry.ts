import type { MyEntry } from '../../contract/entry'
import {
  cancelDeadline,
  sessionOf,
  type ActivityRecord,
  type SessionRecord,
} from '../../domain/activity'
import { confirmByOf, entryActions, type EntryRecord } from '../../domain/entry'

/** What the draw adds to an entry's view: its waitlist place, its weight before the draw. */
export interface DrawFacts {
  waitlistPosition?: number | null
  weight?: { value: number; reason: string } | null
  /** Signed with the ticket key, which only the handler holds. */
  ticketCode?: string | null
}

/**
 * What an entry's member and anyone opening its shared card both see: which activity, session
 * and place. Nothing of the member.
 */
export function entryBasics(
  entry: EntryRecord,
  activity: ActivityRecord,
  session = sessionOf(activity, entry.sessionId),
) {
  return {
    id: entry._id,
    activityId: activity._id,
    activityTitle: activity.title,
    allocation: entry.allocation,
    sessionId: entry.sessionId,
    sessionStartAt: (session?.startAt ?? entry.sessionStartAt).toISOString(),
    placeName: activity.place.name,
  }
}

/** An entry as its member (or staff acting for them) sees it, with what it allows now. */
export function toMyEntry(
  entry: EntryRecord,
  activity: ActivityRecord,
  now: Date,
  facts: DrawFacts = {},
): MyEntry {
  const session = sessionOf(activity, entry.sessionId)
  const actions = entryActions(entry, activity, now)
  const cancelUntil = !actions.includes('cancel') ? null : cancelUntilOf(entry, activity, session)
  return {
    ...entryBasics(entry, activity, session),
    status: entry.status,
    partySize: entry.partySize,
    companions: entry.companions,
    byStaff: entry.byStaff,
    cancelReason: entry.cancelReason,
    cancelUntil: cancelUntil ? cancelUntil.toISOString() : null,
    actions,
    waitlistPosition: facts.waitlistPosition ?? null,
    weight: facts.weight ?? null,
    confirmBy: confirmByOf(entry, activity)?.toISOString() ?? null,
    offerUntil:
      entry.status === 'offered' && entry.offerExpiresAt
        ? new Date(entry.offerExpiresAt).toISOString()
        : null,
    ticketCode: facts.ticketCode ?? null,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  }
}

/** Until when 取消 stays possible: the window (待抽签), the offer, the start (候补), the cut-off. */
function cancelUntilOf(
  entry: EntryRecord,
  activity: ActivityRecord,
  session: SessionRecord | undefined,
): Date | null {
  if (entry.status === 'pending') return activity.signupClosesAt
  if (entry.status === 'offered')
    return entry.offerExpiresAt ? new Date(entry.offerExpiresAt) : null
  if (!session) return null
  return entry.status === 'waitlisted' ? session.startAt : cancelDeadline(activity, session)
}
