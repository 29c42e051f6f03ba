import type { Companion, MyEntry } from '../../contract/entry'
import { ApiError } from '../../contract/errors'
import type { ActivityRecord, SessionRecord } from '../../domain/activity'
import { refuseBanned } from '../../domain/credit'
import {
  checkedParty,
  chosenSession,
  doneBy,
  entryFor,
  entryIdFor,
  isLive,
  monthAround,
  refuseCancel,
  refuseClosedWindow,
  refuseConfirm,
  refuseEdit,
  refuseOverCap,
  withRequest,
  type EntryRecord,
} from '../../domain/entry'
import { seatIdFor, type SeatHolder } from '../../domain/seats'
import { getActivities } from '../../store/activities'
import { getCredit } from '../../store/credit'
import {
  countSeatEntriesBetween,
  getEntry,
  listEntriesOfMember,
  putEntry,
  replaceEntry,
} from '../../store/entries'
import { ensureSeat, getSeat, releaseSeats, takeSeats } from '../../store/seats'
import { drawFactsOf } from '../../jobs/draw'
import { tellCancelled, tellReceived } from '../../jobs/news'
import { releaseHold } from '../../jobs/offers'
import { RELEASE_REASONS } from '../../domain/offers'
import { ticketCode } from '../../domain/ticket'
import { toMyEntry } from '../views/entry'
import { existingActivity } from './activity'
import { onBehalf, requestOf, self, type Party } from './party'
import type { ActionContext, Handler } from './types'

const DEFAULT_PAGE = 20
/** A seat update that missed only because staff changed the seats meanwhile is tried again. */
const SEAT_ATTEMPTS = 3

interface Signup {
  activityId: string
  sessionId: string
  companions: Companion[]
}

/** The activity as members may reach it: a draft does not exist for them. */
async function publicActivity(id: string): Promise<ActivityRecord> {
  const activity = await existingActivity(id)
  if (activity.status === 'draft') throw new ApiError('NOT_FOUND')
  return activity
}

/** Everything a signup must pass before anything is written, for the member and for staff alike. */
async function admitSignup(
  activity: ActivityRecord,
  party: Party,
  input: Signup,
  now: Date,
): Promise<{ session: SessionRecord; companions: Companion[] }> {
  refuseClosedWindow(activity, now)
  const session = chosenSession(activity, input.sessionId, now)
  const companions = checkedParty(activity, input.companions)
  refuseBanned(await getCredit(party.memberId), now)
  if (activity.eligibility.winsPerMonth !== null) {
    const month = monthAround(session.startAt)
    refuseOverCap(activity, await countSeatEntriesBetween(party.memberId, month.from, month.to))
  }
  return { session, companions }
}

/**
 * 先到先得: the seat first (the deciding write, holder and count in one conditional update),
 * then the entry from the holder. Killed in between, the holder is there for the retry or the
 * scheduler to write the entry from; a member who had an entry already gets the seat back.
 */
async function takeSeatAndEnter(
  activity: ActivityRecord,
  session: SessionRecord,
  party: Party,
  companions: Companion[],
  previous: EntryRecord | null,
  ctx: ActionContext,
): Promise<EntryRecord> {
  const request = requestOf(ctx)
  const seatId = seatIdFor(activity._id, session.id)
  let seat = await ensureSeat(seatId, activity._id, session.id, session.seats)
  const mine: SeatHolder = {
    entry: entryIdFor(activity._id, party.memberId),
    size: companions.length + 1,
    companions,
    request,
    byStaff: party.byStaff,
    actor: ctx.caller.openid,
    at: ctx.now,
  }
  let holder = seat.holders[party.memberId]
  for (let attempt = 0; !holder && attempt < SEAT_ATTEMPTS; attempt++) {
    if (await takeSeats(seatId, seat.seats, party.memberId, mine)) holder = mine
    else {
      const reread = await getSeat(seatId)
      if (!reread) throw new Error(`seat ${seatId} vanished`)
      holder = reread.holders[party.memberId]
      if (!holder && reread.seats === seat.seats) throw new ApiError('SEATS_FULL')
      seat = reread
    }
  }
  if (!holder) throw new ApiError('SEATS_FULL')
  // An earlier run (this request's, or one of the member's that died) may hold the seat: the
  // entry is written from what it holds.
  const entry = entryFor(
    activity,
    session,
    party,
    { ...holder, seatRequest: holder.request },
    previous,
    request,
    ctx.now,
  )
  const put = await putEntry(entry, previous)
  if (put.written) return entry
  if (put.standing && doneBy(put.standing, request)) return put.standing
  // The member already holds an entry (another session, another tap): this seat goes back.
  if (holder.request === request) await releaseSeats(seatId, party.memberId, request, holder.size)
  throw new ApiError('ALREADY_ENTERED')
}

/**
 * The signup, then its 报名成功 / 待抽签 message. A run again (the entry done by this request)
 * posts it again, which adds nothing if the first run got that far and tells the member if not.
 */
async function submit(party: Party, input: Signup, ctx: ActionContext): Promise<MyEntry> {
  const activity = await publicActivity(input.activityId)
  const entry = await enter(party, activity, input, ctx)
  await tellReceived(activity, entry, ctx.now)
  return toMyEntry(entry, activity, ctx.now)
}

async function enter(
  party: Party,
  activity: ActivityRecord,
  input: Signup,
  ctx: ActionContext,
): Promise<EntryRecord> {
  const request = requestOf(ctx)
  const previous = await entryOf(activity, party.memberId)
  if (doneBy(previous, request) && previous) return previous
  if (previous && isLive(previous.status)) throw new ApiError('ALREADY_ENTERED')
  const { session, companions } = await admitSignup(activity, party, input, ctx.now)
  if (activity.allocation === 'first-come')
    return takeSeatAndEnter(activity, session, party, companions, previous, ctx)
  const seat = { companions, seatRequest: null, actor: ctx.caller.openid, byStaff: party.byStaff }
  const entry = entryFor(activity, session, party, seat, previous, request, ctx.now)
  const put = await putEntry(entry, previous)
  if (put.written) return entry
  if (put.standing && doneBy(put.standing, request)) return put.standing
  throw new ApiError('ALREADY_ENTERED')
}

/** The member's one entry for the activity, live or not. */
function entryOf(activity: ActivityRecord, memberId: string): Promise<EntryRecord | null> {
  return getEntry(entryIdFor(activity._id, memberId))
}

function missingEntry(): never {
  throw new ApiError('NOT_FOUND', '没有找到这份报名')
}

/** What every change of an entry records: who acted, the next version, the request. */
function stamp(entry: EntryRecord, party: Party, ctx: ActionContext, request: string) {
  return {
    byStaff: party.byStaff,
    actor: ctx.caller.openid,
    version: entry.version + 1,
    updatedAt: ctx.now,
    lastRequest: request,
    requests: withRequest(entry, request),
  }
}

/** 修改: a lottery entry's session and party, while the window is open. */
async function edit(party: Party, input: Signup, ctx: ActionContext): Promise<MyEntry> {
  const request = requestOf(ctx)
  const activity = await publicActivity(input.activityId)
  const entry = await entryOf(activity, party.memberId)
  if (!entry) missingEntry()
  if (doneBy(entry, request)) return toMyEntry(entry, activity, ctx.now)
  if (!isLive(entry.status)) missingEntry()
  refuseEdit(entry, activity, ctx.now)
  const session = chosenSession(activity, input.sessionId, ctx.now)
  const companions = checkedParty(activity, input.companions)
  const changed: EntryRecord = {
    ...entry,
    sessionId: session.id,
    sessionStartAt: session.startAt,
    companions,
    partySize: companions.length + 1,
    ...stamp(entry, party, ctx, request),
  }
  const { _id, ...fields } = changed
  if (!(await replaceEntry(_id, entry.version, fields))) throw new ApiError('CONFLICT')
  return toMyEntry(changed, activity, ctx.now)
}

/**
 * 取消: a first-come entry gives its seats back first (the deciding write), then is marked
 * cancelled; killed in between, the retry or the scheduler marks it. A lottery entry is simply
 * withdrawn while the window is open.
 */
async function cancel(
  party: Party,
  activityId: string,
  reason: string | null,
  ctx: ActionContext,
): Promise<MyEntry> {
  const request = requestOf(ctx)
  const activity = await publicActivity(activityId)
  let entry = await entryOf(activity, party.memberId)
  if (!entry) missingEntry()
  // Already cancelled (by this request, or by the scheduler finishing a cancel that died after
  // giving the seats back): what the caller asked for is so.
  if (doneBy(entry, request) || !isLive(entry.status)) return toMyEntry(entry, activity, ctx.now)
  refuseCancel(entry, activity, ctx.now, party.byStaff)
  if (activity.allocation === 'lottery' && entry.status !== 'pending')
    return giveBack(party, activity, entry, reason, ctx)
  if (entry.seatRequest) {
    const seatId = seatIdFor(activity._id, entry.sessionId)
    await releaseSeats(seatId, party.memberId, entry.seatRequest, entry.partySize)
  }
  for (;;) {
    const cancelled: EntryRecord = {
      ...entry,
      status: 'cancelled',
      cancelReason: reason,
      ...stamp(entry, party, ctx, request),
    }
    const { _id, ...fields } = cancelled
    if (await replaceEntry(_id, entry.version, fields))
      return toMyEntry(cancelled, activity, ctx.now)
    // Changed meanwhile (an edit, a repair): cancel what is there now, unless that is done.
    const reread = await getEntry(_id)
    if (!reread) missingEntry()
    if (!isLive(reread.status)) return toMyEntry(reread, activity, ctx.now)
    entry = reread
  }
}

/** What a lottery entry's member is told when they let it go themselves. */
function ownReason(status: EntryRecord['status']): string {
  if (status === 'offered') return RELEASE_REASONS.offerDeclined
  if (status === 'waitlisted') return RELEASE_REASONS.leftWaitlist
  return RELEASE_REASONS.givenBack
}

/**
 * 我去不了了, 放弃递补, 退出候补: the entry is cancelled first (conditionally on the version
 * read), then its seat, if it held one, passes down the waitlist (jobs/offers). Killed in
 * between, the scheduler frees and offers the seat.
 */
async function giveBack(
  party: Party,
  activity: ActivityRecord,
  entry: EntryRecord,
  reason: string | null,
  ctx: ActionContext,
): Promise<MyEntry> {
  const request = requestOf(ctx)
  for (let current = entry; ;) {
    const change = {
      status: 'cancelled' as const,
      cancelReason: reason ?? ownReason(current.status),
      ...stamp(current, party, ctx, request),
    }
    const released = await releaseHold(activity, current, change, ctx.now)
    if (released) return viewOf(released.entry, activity, ctx, !party.byStaff)
    const reread = await getEntry(current._id)
    if (!reread) missingEntry()
    if (doneBy(reread, request) || !isLive(reread.status))
      return viewOf(reread, activity, ctx, !party.byStaff)
    refuseCancel(reread, activity, ctx.now, party.byStaff)
    current = reread
  }
}

/** The ticket code, for the member's own eyes only, once the ticket can be used at the door. */
export function ownTicket(entry: EntryRecord, ticketKey: string): string | null {
  const usable = entry.status === 'confirmed' || (entry.status === 'won' && !!entry.confirmedAt)
  return usable ? ticketCode(entry._id, ticketKey) : null
}

/** The entry with its draw facts, and its ticket when the one looking is its member. */
export async function viewOf(
  entry: EntryRecord,
  activity: ActivityRecord,
  ctx: Pick<ActionContext, 'now' | 'config'>,
  owner: boolean,
): Promise<MyEntry> {
  const facts = await drawFactsOf(activity, entry, ctx.now)
  const code = owner ? ownTicket(entry, ctx.config.ticketKey) : null
  return toMyEntry(entry, activity, ctx.now, { ...facts, ticketCode: code })
}

async function page(
  memberId: string,
  cursor: string | undefined,
  limit: number | undefined,
  ctx: ActionContext,
  owner: boolean,
) {
  const found = await listEntriesOfMember(memberId, cursor, limit ?? DEFAULT_PAGE)
  const activities = await getActivities(found.items.map((e) => e.activityId))
  const items = await Promise.all(
    found.items.flatMap((e) => {
      const activity = activities.get(e.activityId)
      return activity ? [viewOf(e, activity, ctx, owner)] : []
    }),
  )
  return { items, nextCursor: found.nextCursor }
}

/**
 * 确认参加: a winner (or a waitlisted member accepting an offer) says they will come, within
 * the deadline; the ticket follows. One conditional update from the version read; a second run
 * finds it done.
 */
export const confirmOwn: Handler<'entry.confirm'> = async (input, ctx) => {
  const request = requestOf(ctx)
  const party = self(ctx)
  const activity = await publicActivity(input.activityId)
  const entry = await entryOf(activity, party.memberId)
  if (!entry) missingEntry()
  if (doneBy(entry, request)) return viewOf(entry, activity, ctx, true)
  refuseConfirm(entry, activity, ctx.now)
  const confirmed: EntryRecord = {
    ...entry,
    // Accepting an offer makes it a won ticket like any other.
    status: 'won',
    confirmedAt: ctx.now,
    ...stamp(entry, party, ctx, request),
  }
  const { _id, ...fields } = confirmed
  if (!(await replaceEntry(_id, entry.version, fields))) throw new ApiError('CONFLICT')
  return viewOf(confirmed, activity, ctx, true)
}

export const submitOwn: Handler<'entry.submit'> = (input, ctx) => submit(self(ctx), input, ctx)
export const editOwn: Handler<'entry.edit'> = (input, ctx) => edit(self(ctx), input, ctx)
export const cancelOwn: Handler<'entry.cancel'> = (input, ctx) =>
  cancel(self(ctx), input.activityId, null, ctx)
export const mine: Handler<'entry.mine'> = (input, ctx) =>
  page(self(ctx).memberId, input.cursor, input.limit, ctx, true)

export const submitFor: Handler<'entry.submitFor'> = async (input, ctx) =>
  submit(await onBehalf(input.memberId), input, ctx)
export const editFor: Handler<'entry.editFor'> = async (input, ctx) =>
  edit(await onBehalf(input.memberId), input, ctx)
/** Staff cancel for the member (a phone call); the member is told in 消息, whoever asked. */
export const cancelFor: Handler<'entry.cancelFor'> = async (input, ctx) => {
  const party = await onBehalf(input.memberId)
  const view = await cancel(party, input.activityId, `工作人员代为取消：${input.reason}`, ctx)
  const [entry, activity] = await Promise.all([getEntry(view.id), publicActivity(input.activityId)])
  if (entry?.status === 'cancelled')
    await tellCancelled(activity, [entry], 'staff', input.reason, ctx.now)
  return view
}
export const listFor: Handler<'entry.listFor'> = async (input, ctx) =>
  page((await onBehalf(input.memberId)).memberId, input.cursor, input.limit, ctx, false)
