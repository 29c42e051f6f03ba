import type { Activity, ActivitySummary, ManagedActivity, Session } from '../../contract/activity'
import type { DrawState } from '../../contract/draw'
import type { MyEntry } from '../../contract/entry'
import { nextTime, phaseOf, type ActivityRecord } from '../../domain/activity'
import { ticketPolicyOf } from '../../domain/ticket'
import type { PosterUrls } from './notice'

/** Per session, what members may know of it: seats left (first-come) or entries so far. */
export type SessionCounts = Map<string, { seatsLeft: number | null; entries: number | null }>

export function toActivitySummary(
  activity: ActivityRecord,
  urls: PosterUrls,
  now: Date,
): ActivitySummary {
  return {
    id: activity._id,
    title: activity.title,
    category: activity.category,
    allocation: activity.allocation,
    phase: phaseOf(activity, now),
    placeName: activity.place.name,
    firstSessionAt: activity.firstSessionAt.toISOString(),
    next: nextTime(activity, now),
    posterUrl: activity.posterFileId ? (urls.get(activity.posterFileId) ?? null) : null,
  }
}

function toSession(session: ActivityRecord['sessions'][number], counts: SessionCounts): Session {
  const count = counts.get(session.id)
  return {
    id: session.id,
    startAt: session.startAt.toISOString(),
    endAt: session.endAt.toISOString(),
    seats: session.seats,
    seatsLeft: count?.seatsLeft ?? null,
    entries: count?.entries ?? null,
  }
}

export function toActivity(
  activity: ActivityRecord,
  urls: PosterUrls,
  counts: SessionCounts,
  myEntry: MyEntry | null,
  now: Date,
  draw: DrawState | null = null,
): Activity {
  return {
    ...toActivitySummary(activity, urls, now),
    description: activity.description,
    place: activity.place,
    sessions: activity.sessions.map((s) => toSession(s, counts)),
    signupOpensAt: activity.signupOpensAt.toISOString(),
    signupClosesAt: activity.signupClosesAt.toISOString(),
    drawAt: activity.drawAt ? activity.drawAt.toISOString() : null,
    party: activity.party,
    eligibility: activity.eligibility,
    cancelCutoffHours: activity.cancelCutoffHours,
    ticketPolicy: ticketPolicyOf(activity),
    cancelReason: activity.cancelReason,
    myEntry,
    draw,
  }
}

export function toManagedActivity(
  activity: ActivityRecord,
  urls: PosterUrls,
  counts: SessionCounts,
  now: Date,
  draw: DrawState | null = null,
): ManagedActivity {
  return {
    ...toActivity(activity, urls, counts, null, now, draw),
    posterFileId: activity.posterFileId,
    status: activity.status,
    version: activity.version,
    createdAt: activity.createdAt.toISOString(),
    updatedAt: activity.updatedAt.toISOString(),
  }
}
