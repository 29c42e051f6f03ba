import { createHash } from 'node:crypto'
import type { Allocation } from '../contract/activity'
import type { Companion, EntryAction, EntryStatus } from '../contract/entry'
import { ApiError } from '../contract/errors'
import {
  cancelDeadline,
  phaseOf,
  sessionOf,
  type ActivityRecord,
  type SessionRecord,
} from './activity'
import { confirmDeadline, ticketPolicyOf } from './ticket'
import { chineseDate, dayOf, local } from './time'

/**
 * 报名 rules. One entry per member per activity: its `_id` comes from (activity, member), so the
 * database itself refuses a second one. A first-come entry stands on a seat held in the
 * session's seat document (domain/seats); a lottery entry decides nothing until the draw.
 */
export interface EntryRecord {
  _id: string
  activityId: string
  memberId: string
  sessionId: string
  allocation: Allocation
  status: EntryStatus
  companions: Companion[]
  partySize: number
  /** Made or last changed by staff on the member's behalf. */
  byStaff: boolean
  /** The openid that made the last change (the member's own, or staff's). */
  actor: string
  cancelReason: string | null
  /** First-come: the request whose seat holder this entry stands on (domain/seats). */
  seatRequest: string | null
  /** Kept from the session for 我的报名 and the monthly cap. */
  sessionStartAt: Date
  /** 已中签: when the member confirmed they will come (domain/ticket), or accepted an offer. */
  confirmedAt?: Date | null
  /** 递补待确认: until when the offer may be accepted (domain/offers). */
  offerExpiresAt?: Date | null
  /** 已签到: when, and by whom, the ticket or seat was checked in at the door. */
  checkedInAt?: Date | null
  checkedInBy?: string | null
  version: number
  createdAt: Date
  updatedAt: Date
  /** The idempotency key of the last write that changed it. */
  lastRequest: string | null
  /**
   * The last writes that changed it, so that a run of one of them started again later (the
   * scheduler finishing a write whose reply was lost) finds it done instead of redoing it.
   */
  requests: string[]
}

const REMEMBERED_REQUESTS = 20

/** The entry's recent writes with `request` added. */
export function withRequest(
  entry: Pick<EntryRecord, 'requests'> | null,
  request: string,
): string[] {
  return [...(entry?.requests ?? []), request].slice(-REMEMBERED_REQUESTS)
}

/** Whether `request` already changed this entry: a second run of it has nothing left to do. */
export function doneBy(entry: EntryRecord | null, request: string | undefined): boolean {
  return !!entry && !!request && entry.requests.includes(request)
}

/** Opaque and deterministic: never shows the member id, and one (activity, member) has one. */
export function entryIdFor(activityId: string, memberId: string): string {
  return `e${createHash('sha256').update(`${activityId}:${memberId}`).digest('hex').slice(0, 24)}`
}

/** Every status but 已取消 keeps the member's one entry for the activity. */
export function isLive(status: EntryStatus): boolean {
  return status !== 'cancelled'
}

/** Statuses that hold a seat: a first-come signup, a won ticket (used or not), an offer. */
export const SEAT_STATUSES: readonly EntryStatus[] = [
  'confirmed',
  'won',
  'offered',
  'checkedIn',
  'noShow',
]

/** Signups are taken only while the window is open, with a message saying why not. */
export function refuseClosedWindow(activity: ActivityRecord, now: Date): void {
  const phase = phaseOf(activity, now)
  if (phase === 'open') return
  if (phase === 'upcoming') {
    const at = activity.signupOpensAt
    throw new ApiError(
      'SIGNUP_NOT_OPEN',
      `报名将于${chineseDate(dayOf(at))} ${local(at).format('HH:mm')}开始`,
    )
  }
  if (phase === 'cancelled') throw new ApiError('SIGNUP_NOT_OPEN', '活动已取消')
  if (phase === 'draft') throw new ApiError('NOT_FOUND')
  throw new ApiError('SIGNUP_NOT_OPEN', '报名已截止')
}

/** The session chosen, which must be one of the activity's and not yet begun. */
export function chosenSession(
  activity: ActivityRecord,
  sessionId: string,
  now: Date,
): SessionRecord {
  const session = sessionOf(activity, sessionId)
  if (!session) throw new ApiError('INVALID_INPUT', '请选择场次', { sessionId: '场次不存在' })
  if (session.startAt <= now)
    throw new ApiError('INVALID_INPUT', '该场次已开始', { sessionId: '该场次已开始' })
  return session
}

/**
 * The party as the activity allows it: at most `maxSize` people with the member; in a family
 * show every companion is a child of an age in the range, and at least one comes along.
 */
export function checkedParty(activity: ActivityRecord, companions: Companion[]): Companion[] {
  const fields: Record<string, string> = {}
  const { maxSize, family } = activity.party
  if (companions.length + 1 > maxSize)
    fields.companions = maxSize === 1 ? '本活动仅限本人报名' : `每份报名最多${maxSize}人（含本人）`
  if (family) {
    if (companions.length === 0) fields.companions = '亲子活动须带至少1名儿童'
    companions.forEach((c, i) => {
      if (c.age === undefined) fields[`companions.${i}.age`] = '请填写儿童年龄'
      else if (c.age < family.childMinAge || c.age > family.childMaxAge)
        fields[`companions.${i}.age`] =
          `儿童年龄须在${family.childMinAge}至${family.childMaxAge}岁之间`
    })
  }
  const first = Object.values(fields)[0]
  if (first) throw new ApiError('INVALID_INPUT', first, fields)
  // Ages mean something only in a family show; elsewhere they are not kept.
  return companions.map((c) => (family ? { name: c.name, age: c.age } : { name: c.name }))
}

/** The monthly cap: seats taken or won in the Beijing month of the session, this one included. */
export function refuseOverCap(activity: ActivityRecord, heldThisMonth: number): void {
  const cap = activity.eligibility.winsPerMonth
  if (cap !== null && heldThisMonth >= cap)
    throw new ApiError('MONTHLY_CAP', `每位会员每月限${cap}次，本月已达上限`)
}

/** The Beijing calendar month [start, end) that holds `at`. */
export function monthAround(at: Date): { from: Date; to: Date } {
  const start = local(at).startOf('month')
  return { from: start.toDate(), to: start.add(1, 'month').toDate() }
}

/** What the entry allows its member now; the page shows exactly these. */
export function entryActions(
  entry: EntryRecord,
  activity: ActivityRecord,
  now: Date,
): EntryAction[] {
  if (activity.status === 'cancelled') return []
  const session = sessionOf(activity, entry.sessionId)
  const beforeCutoff = !!session && now < cancelDeadline(activity, session)
  switch (entry.status) {
    case 'pending':
      return phaseOf(activity, now) === 'open' ? ['edit', 'cancel'] : []
    case 'confirmed':
      return beforeCutoff ? ['cancel'] : []
    case 'won': {
      // 确认参加 until the deadline; 我去不了了 until the cut-off, confirmed or not.
      const by = confirmByOf(entry, activity)
      const actions: EntryAction[] = by && now < by ? ['confirm'] : []
      return beforeCutoff ? [...actions, 'cancel'] : actions
    }
    case 'offered':
      return entry.offerExpiresAt && now < new Date(entry.offerExpiresAt)
        ? ['confirm', 'cancel']
        : []
    case 'waitlisted':
      return session && now < session.startAt ? ['cancel'] : []
    default:
      return []
  }
}

/** 已中签 and not yet confirmed: the deadline to confirm by (the draw + the policy's hours). */
export function confirmByOf(entry: EntryRecord, activity: ActivityRecord): Date | null {
  if (entry.status !== 'won' || entry.confirmedAt || !activity.drawnAt) return null
  const session = sessionOf(activity, entry.sessionId)
  if (!session) return null
  return confirmDeadline(activity.drawnAt, ticketPolicyOf(activity), session.startAt)
}

/** Refuses a confirmation after its deadline, or of an entry that neither won nor was offered. */
export function refuseConfirm(entry: EntryRecord, activity: ActivityRecord, now: Date): void {
  if (entryActions(entry, activity, now).includes('confirm')) return
  if (entry.status === 'won' && !entry.confirmedAt) throw new ApiError('CONFIRM_CLOSED')
  if (entry.status === 'offered') throw new ApiError('CONFIRM_CLOSED', '递补名额已过确认期限')
  throw new ApiError('INVALID_STATE', '只有已中签或收到递补名额且未确认的报名可以确认')
}

/**
 * Staff (taking a phone call the day before) may still give a seat back after the member's
 * cut-off, until the session starts, so that it can pass to someone who will come.
 */
function staffMayCancel(entry: EntryRecord, activity: ActivityRecord, now: Date): boolean {
  if (activity.status === 'cancelled') return false
  if (entry.status !== 'confirmed' && entry.status !== 'won') return false
  const session = sessionOf(activity, entry.sessionId)
  return !!session && now < session.startAt
}

/** Refuses a cancel the entry's state or the cut-off no longer allows. */
export function refuseCancel(
  entry: EntryRecord,
  activity: ActivityRecord,
  now: Date,
  byStaff = false,
): void {
  if (entryActions(entry, activity, now).includes('cancel')) return
  if (byStaff && staffMayCancel(entry, activity, now)) return
  if (entry.status === 'pending') throw new ApiError('CANCEL_CLOSED', '报名已截止，不能再撤回')
  if (entry.status === 'confirmed' || entry.status === 'won') throw new ApiError('CANCEL_CLOSED')
  if (entry.status === 'offered') throw new ApiError('CONFIRM_CLOSED', '递补名额已过确认期限')
  if (entry.status === 'waitlisted') throw new ApiError('CANCEL_CLOSED', '场次已开始')
  throw new ApiError('INVALID_STATE')
}

/** Refuses an edit: only a lottery entry, only while the window is open. */
export function refuseEdit(entry: EntryRecord, activity: ActivityRecord, now: Date): void {
  if (entryActions(entry, activity, now).includes('edit')) return
  if (activity.allocation === 'first-come')
    throw new ApiError('INVALID_STATE', '先到先得的报名不能修改，请取消后重新报名')
  throw new ApiError('INVALID_STATE', '报名已截止，不能再修改')
}

/**
 * The entry a signup writes (or the scheduler writes from a seat holder whose run died):
 * first-come entries hold their seat (报名成功), lottery ones wait for the draw (待抽签).
 */
export function entryFor(
  activity: ActivityRecord,
  session: SessionRecord,
  party: { memberId: string },
  seat: { companions: Companion[]; seatRequest: string | null; actor: string; byStaff: boolean },
  previous: EntryRecord | null,
  request: string,
  now: Date,
): EntryRecord {
  return {
    _id: entryIdFor(activity._id, party.memberId),
    activityId: activity._id,
    memberId: party.memberId,
    sessionId: session.id,
    allocation: activity.allocation,
    status: activity.allocation === 'first-come' ? 'confirmed' : 'pending',
    companions: seat.companions,
    partySize: seat.companions.length + 1,
    byStaff: seat.byStaff,
    actor: seat.actor,
    cancelReason: null,
    seatRequest: seat.seatRequest,
    sessionStartAt: session.startAt,
    version: (previous?.version ?? 0) + 1,
    createdAt: now,
    updatedAt: now,
    lastRequest: request,
    requests: withRequest(previous, request),
  }
}

/** A member's lottery past, as the weight policy reads it (domain/draw `weighEntrant`). */
export interface DrawHistory {
  /** Lottery entries lost (or left on the waitlist) since the member's last win. */
  consecutiveLosses: number
  /** When the member last won a draw (the entry turned 已中签). */
  lastWinAt: Date | null
}

const LOSSES: readonly EntryStatus[] = ['lost', 'waitlisted']
const WINS: readonly EntryStatus[] = ['won', 'checkedIn', 'noShow']

/** The history of one member from their past lottery entries (any order, any members). */
export function drawHistoryOf(memberId: string, outcomes: readonly EntryRecord[]): DrawHistory {
  const mine = outcomes
    .filter((e) => e.memberId === memberId && e.allocation === 'lottery')
    .sort((a, b) => b.sessionStartAt.getTime() - a.sessionStartAt.getTime())
  let consecutiveLosses = 0
  for (const entry of mine) {
    if (LOSSES.includes(entry.status)) consecutiveLosses += 1
    else if (WINS.includes(entry.status)) break
  }
  const wins = mine.filter((e) => WINS.includes(e.status)).map((e) => e.updatedAt.getTime())
  return { consecutiveLosses, lastWinAt: wins.length ? new Date(Math.max(...wins)) : null }
}
