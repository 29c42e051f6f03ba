import { ApiError } from '../../contract/errors'
import {
  cancelActivity,
  draftActivity,
  editActivity,
  publishActivity,
  settingsFrom,
  type ActivityChange,
  type ActivityRecord,
} from '../../domain/activity'
import { entryIdFor, isLive } from '../../domain/entry'
import { idFromRequest } from '../../domain/ids'
import {
  applyActivityChange,
  getActivity,
  insertActivity,
  listAllActivities,
  listForMembers,
} from '../../store/activities'
import { drawState } from '../../jobs/draw'
import { viewOf } from './entry'
import { ensureSecret } from '../../store/draws'
import {
  cancelEntriesOfActivity,
  countEntries,
  getEntry,
  listEntriesOfActivity,
} from '../../store/entries'
import { tellCancelled } from '../../jobs/news'
import { listSeatsOfActivity } from '../../store/seats'
import {
  toActivity,
  toActivitySummary,
  toManagedActivity,
  type SessionCounts,
} from '../views/activity'
import { posterUrls } from '../views/notice'
import type { Handler } from './types'

const DEFAULT_PAGE = 20
const LIVE_STATUSES = [
  'confirmed',
  'pending',
  'won',
  'lost',
  'waitlisted',
  'checkedIn',
  'noShow',
] as const

/** The activity, as any caller may look it up (staff pages see drafts too). */
export async function existingActivity(id: string): Promise<ActivityRecord> {
  const activity = await getActivity(id)
  if (!activity) throw new ApiError('NOT_FOUND')
  return activity
}

/** Per session: seats left from its seat document (first-come) or its live entries (lottery). */
async function sessionCounts(activity: ActivityRecord): Promise<SessionCounts> {
  const counts: SessionCounts = new Map()
  if (activity.allocation === 'first-come') {
    const taken = new Map(
      (await listSeatsOfActivity(activity._id)).map((s) => [s.sessionId, s.taken]),
    )
    for (const s of activity.sessions)
      counts.set(s.id, { seatsLeft: Math.max(0, s.seats - (taken.get(s.id) ?? 0)), entries: null })
  } else {
    for (const s of activity.sessions)
      counts.set(s.id, {
        seatsLeft: null,
        entries: await countEntries(activity._id, s.id, LIVE_STATUSES),
      })
  }
  return counts
}

async function managed(activity: ActivityRecord, now: Date) {
  const [urls, counts, draw] = await Promise.all([
    posterUrls([activity]),
    sessionCounts(activity),
    drawState(activity),
  ])
  return toManagedActivity(activity, urls, counts, now, draw)
}

async function commit(
  activity: ActivityRecord,
  change: ActivityChange,
  request: string | undefined,
): Promise<ActivityRecord> {
  if (!(await applyActivityChange(activity._id, activity.version, change, request)))
    throw new ApiError('CONFLICT')
  return { ...activity, ...change, lastRequest: request }
}

/** A second run of the write that changed it last: nothing left to do. */
const doneBy = (activity: ActivityRecord, request: string | undefined): boolean =>
  request !== undefined && activity.lastRequest === request

export const list: Handler<'activity.list'> = async (input, { now }) => {
  const page = await listForMembers(
    now,
    { category: input.category, phase: input.phase },
    input.cursor,
    input.limit ?? DEFAULT_PAGE,
  )
  const urls = await posterUrls(page.items)
  return {
    items: page.items.map((a) => toActivitySummary(a, urls, now)),
    nextCursor: page.nextCursor,
  }
}

export const get: Handler<'activity.get'> = async (input, { caller, now, config }) => {
  const activity = await getActivity(input.id)
  // A draft does not exist as far as members can tell.
  if (!activity || activity.status === 'draft') throw new ApiError('NOT_FOUND')
  const entry = caller.memberId ? await getEntry(entryIdFor(activity._id, caller.memberId)) : null
  const mine =
    entry && isLive(entry.status) ? await viewOf(entry, activity, { now, config }, true) : null
  const [urls, counts, draw] = await Promise.all([
    posterUrls([activity]),
    sessionCounts(activity),
    drawState(activity),
  ])
  return toActivity(activity, urls, counts, mine, now, draw)
}

export const manageList: Handler<'activity.manageList'> = async (input, { now }) => {
  const page = await listAllActivities(input.cursor, input.limit ?? DEFAULT_PAGE)
  const urls = await posterUrls(page.items)
  const items = await Promise.all(
    page.items.map(async (a) => toManagedActivity(a, urls, await sessionCounts(a), now)),
  )
  return { items, nextCursor: page.nextCursor }
}

export const manageGet: Handler<'activity.manageGet'> = async (input, { now }) =>
  managed(await existingActivity(input.id), now)

export const create: Handler<'activity.create'> = async (input, { caller, now, request }) => {
  if (!request) throw new Error('activity.create runs as a write, with a request key')
  const draft = draftActivity(settingsFrom(input), caller.openid, now)
  return managed(await insertActivity(idFromRequest('activity', request), draft), now)
}

export const update: Handler<'activity.update'> = async (input, { caller, now, request }) => {
  const activity = await existingActivity(input.id)
  if (doneBy(activity, request)) return managed(activity, now)
  const counts = await sessionCounts(activity)
  const inUse = new Map(
    await Promise.all(
      activity.sessions.map(async (s) => {
        const count = counts.get(s.id)
        const left = count?.seatsLeft ?? null
        const seats = left === null ? 0 : s.seats - left
        // A lottery's counts are its live entries already; first-come ones count seats.
        const entries = count?.entries ?? (await countEntries(activity._id, s.id, LIVE_STATUSES))
        return [s.id, { seats, entries }] as const
      }),
    ),
  )
  const change = editActivity(
    activity,
    settingsFrom(input),
    input.version,
    inUse,
    caller.openid,
    now,
  )
  return managed(await commit(activity, change, request), now)
}

export const publish: Handler<'activity.publish'> = async (input, { caller, now, request }) => {
  const activity = await existingActivity(input.id)
  if (doneBy(activity, request)) return managed(activity, now)
  const change = publishActivity(activity, caller.openid, now)
  // A lottery's seed is made before it goes public, so its hash is there from the first view.
  if (activity.allocation === 'lottery')
    change.seedHash = (await ensureSecret(activity._id, now)).seedHash
  return managed(await commit(activity, change, request), now)
}

/**
 * Cancelling is two writes: the activity (the deciding one), then every live entry. A second run
 * finds the activity cancelled by this request and does the entries again, which is harmless.
 */
export const cancel: Handler<'activity.cancel'> = async (input, { caller, now, request }) => {
  let activity = await existingActivity(input.id)
  if (!doneBy(activity, request)) {
    const change = cancelActivity(activity, input.reason, caller.openid, now)
    activity = await commit(activity, change, request)
  }
  await cancelEntriesOfActivity(activity._id, `活动已取消：${input.reason}`, now, request ?? null)
  // Everyone whose entry this cancel ended is told (again on a second run: once, by its key).
  const ended = (await listEntriesOfActivity(activity._id)).filter(
    (e) => e.status === 'cancelled' && e.lastRequest === (request ?? null),
  )
  await tellCancelled(activity, ended, 'activity', input.reason, now)
  return managed(activity, now)
}
