import { createHash } from 'node:crypto'
import { ApiError, type ErrorCode } from '../contract/errors'
import { banEnd, type CreditRecord, type NoShowBan, type NoShowRecord } from './credit'
import { idFromRequest } from './ids'
import { addDays, chineseDate, dayOf, local, weekdayOf } from './time'
import {
  blockOf,
  impossibleCalendar,
  isClockTime,
  isDate,
  openingOf,
  opensAtOf,
  slotsOf,
  type BookingWindow,
  type ClockTime,
  type OpeningCalendar,
  type ResourceRecord,
  type Slot,
} from './venue'

/**
 * 预约 rules (docs/booking.md has the writes). A booking is one slot of one resource and its
 * `_id` is that (resource, date, start), so the database itself refuses a second booking of
 * the slot. Per-member and per-基层工会 limits live in counter documents changed by conditional
 * updates; this module says which counters a booking takes and how far each may go.
 */

export type BookingStatus = 'booked' | 'checkedIn' | 'cancelled' | 'noShow'

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  booked: '已预约',
  checkedIn: '已签到',
  cancelled: '已取消',
  noShow: '爽约',
}

/** 申诉 of a no-show: the member's note, then staff clear it (no-show removed) or keep it. */
export interface BookingAppeal {
  note: string
  at: Date
  status: 'open' | 'cleared' | 'kept'
  reason: string | null
  decidedBy: string | null
  decidedAt: Date | null
  /**
   * The member's ban when the appeal was decided, kept with the decision: a rerun after the
   * credit was cleared still knows a ban was lifted, and tells it.
   */
  banBefore?: Date | null
}

export interface BookingRecord {
  /** bookingIdFor(resourceId, date, start); an archived copy: archivedIdFor(…). */
  _id: string
  venueId: string
  resourceId: string
  date: string
  start: ClockTime
  end: ClockTime
  startAt: Date
  endAt: Date
  memberId: string
  /** The member's 基层工会 when booked: its counter is released under the same key. */
  unit: string
  status: BookingStatus
  /**
   * This booking's own key: its holds in the limit counters and its no-show ref. The `_id`
   * alone is not enough, because a cancelled slot can be booked again under the same `_id`.
   */
  claim: string
  /** Shared by the bookings one request made (consecutive slots), booked and undone together. */
  group: string
  /** Made or last changed by staff on the member's behalf (a phone booking). */
  byStaff: boolean
  actor: string
  cancelledAt: Date | null
  cancelReason: string | null
  /** Cancelled within the notice under a policy that counts that as a no-show. */
  lateCancel: boolean
  checkedInAt: Date | null
  checkedInBy: string | null
  noShowAt: Date | null
  appeal: BookingAppeal | null
  /** A cancelled booking's copy, written before its slot is booked again. */
  archived?: boolean
  version: number
  createdAt: Date
  updatedAt: Date
  lastRequest: string | null
  requests: string[]
}

/**
 * Every number of booking is the venue's policy, none a constant in code. Limits count slots
 * (one booking = one slot).
 */
export interface BookingPolicy {
  /** When a day's slots open: `daysAhead` days before, at `at` (Beijing). */
  opens: BookingWindow
  /** Slots one member may hold on one day. */
  perMemberDay: number
  /** Slots one member may hold in one Beijing week, Monday to Sunday. */
  perMemberWeek: number
  /** Bookings of one member not yet ended (cancelled ones do not count). */
  activeAtOnce: number
  /** Slots all members of one 基层工会 may hold on one day; null: no cap. */
  perUnitDay: number | null
  /** A booking may be cancelled until this many minutes before it starts. */
  cancelNoticeMinutes: number
  /** Later than the notice: refused, or allowed and counted as a no-show. */
  lateCancel: 'refuse' | 'noShow'
  /** Check-in is open from `beforeMinutes` before the start until `afterMinutes` after it. */
  checkIn: { beforeMinutes: number; afterMinutes: number }
  noShowBan: NoShowBan | null
}

/**
 * The peer union's ping-pong rules: one table a day for at most an hour (one hourly slot),
 * tomorrow's slots open today at 12:00 (a day ahead, the same hour the tables open), cancel at
 * least 30 minutes before, two no-shows bring a ban (as for tickets: within 180 days, 30 days).
 * The week and active caps add nothing beyond one a day and a day ahead.
 */
export const DEFAULT_BOOKING_POLICY: BookingPolicy = {
  opens: { daysAhead: 1, at: '12:00' },
  perMemberDay: 1,
  perMemberWeek: 7,
  activeAtOnce: 2,
  perUnitDay: null,
  cancelNoticeMinutes: 30,
  lateCancel: 'refuse',
  checkIn: { beforeMinutes: 10, afterMinutes: 15 },
  noShowBan: { noShows: 2, withinDays: 180, banDays: 30 },
}

/** Error codes of booking refusals, in one table so the handlers and tests name them alike. */
export const BOOKING_CODES = {
  notOpen: 'BOOKING_NOT_OPEN',
  taken: 'SLOT_TAKEN',
  limit: 'BOOKING_LIMIT',
  banned: 'MEMBER_BANNED',
  cancelClosed: 'CANCEL_CLOSED',
  checkInClosed: 'CHECK_IN_CLOSED',
} as const satisfies Record<string, ErrorCode>

/** '6月10日 12:00' in Beijing time. */
export function whenText(at: Date): string {
  return `${chineseDate(dayOf(at))} ${local(at).format('HH:mm')}`
}

const RESOURCE_ID = /^[A-Za-z0-9_-]{1,80}$/

/**
 * The booking of a slot, `<resource>_<yyyymmdd>_<hhmm>`: the same slot always gives the same
 * `_id`, so two inserts of it cannot both succeed.
 */
export function bookingIdFor(resourceId: string, date: string, start: ClockTime): string {
  if (!RESOURCE_ID.test(resourceId) || !isDate(date) || !isClockTime(start))
    throw new ApiError('INVALID_INPUT', '时段不存在', { slot: '时段不存在' })
  return `${resourceId}_${date.replace(/-/g, '')}_${start.replace(':', '')}`
}

/** Where a cancelled booking is kept once its slot is booked again; also its no-show ref. */
export function archivedIdFor(bookingId: string, claim: string): string {
  return `${bookingId}~${claim}`
}

/** The ref of this booking in a credit record: its `_id` alone may be re-used after a cancel. */
export function bookingRefOf(booking: Pick<BookingRecord, '_id' | 'claim'>): string {
  return archivedIdFor(booking._id.split('~')[0], booking.claim)
}

/** A booking's claim: from the request and slot, so a retry of the request makes the same one. */
export function claimFor(requestKey: string, bookingId: string): string {
  return idFromRequest('c', `${requestKey}|${bookingId}`)
}

export function groupFor(requestKey: string): string {
  return idFromRequest('g', requestKey)
}

export interface SlotPick {
  resourceId: string
  start: ClockTime
}

export interface ChosenSlots {
  resource: ResourceRecord
  slots: Slot[]
}

const slotText = (slot: Pick<Slot, 'start' | 'end'>) => `${slot.start}–${slot.end}`

/**
 * The slots a request may book: one resource of the venue, existing slots of an open day, one
 * after another with no gap, not begun, open for booking (a refusal says when they open), not
 * closed or blocked, and no more at once than the smallest limit allows. Whether they are still
 * free, and the member's remaining limits, only the writes can tell.
 */
export function chosenSlots(
  venue: { _id: string; calendar: OpeningCalendar; policy: BookingPolicy },
  resources: readonly ResourceRecord[],
  date: string,
  picks: readonly SlotPick[],
  now: Date,
): ChosenSlots {
  if (!isDate(date)) throw new ApiError('INVALID_INPUT', '请选择日期', { date: '日期不存在' })
  if (picks.length === 0) throw new ApiError('INVALID_INPUT', '请选择时段', { picks: '请选择时段' })
  if (new Set(picks.map((p) => p.resourceId)).size > 1)
    throw new ApiError('INVALID_INPUT', '一次预约的多个时段须在同一场地', {
      picks: '一次预约的多个时段须在同一场地',
    })
  const resource = resources.find((r) => r._id === picks[0].resourceId && r.venueId === venue._id)
  if (!resource)
    throw new ApiError('INVALID_INPUT', '场地不存在', { 'picks.0.resourceId': '场地不存在' })

  const { calendar, policy } = venue
  const opening = openingOf(calendar, date)
  if (!opening.open)
    throw new ApiError(BOOKING_CODES.notOpen, `${chineseDate(date)}不开放：${opening.reason}`)

  const daySlots = slotsOf(calendar, date)
  const fields: Record<string, string> = {}
  const chosen: Slot[] = []
  picks.forEach((pick, i) => {
    const slot = daySlots.find((s) => s.start === pick.start)
    if (!slot) fields[`picks.${i}.start`] = '没有这个时段'
    else if (chosen.includes(slot)) fields[`picks.${i}.start`] = '同一时段选了两次'
    else chosen.push(slot)
  })
  const first = Object.values(fields)[0]
  if (first) throw new ApiError('INVALID_INPUT', first, fields)
  chosen.sort((a, b) => a.startAt.getTime() - b.startAt.getTime())
  if (chosen.some((s, i) => i > 0 && chosen[i - 1].end !== s.start))
    throw new ApiError('INVALID_INPUT', '一次预约的多个时段须前后相连', {
      picks: '一次预约的多个时段须前后相连',
    })

  const begun = chosen.find((s) => s.startAt <= now)
  if (begun) throw new ApiError(BOOKING_CODES.notOpen, `${slotText(begun)} 时段已开始，不能预约`)
  const opensAt = opensAtOf(policy.opens, date)
  if (now < opensAt)
    throw new ApiError(
      BOOKING_CODES.notOpen,
      `${chineseDate(date)}的时段将于${whenText(opensAt)}开放预约`,
    )
  if (!resource.active) throw new ApiError(BOOKING_CODES.notOpen, `${resource.name}暂停使用`)
  for (const slot of chosen) {
    const block = blockOf(calendar, date, resource._id, slot)
    if (block)
      throw new ApiError(
        BOOKING_CODES.notOpen,
        `${resource.name} ${slotText(slot)} 暂停预约：${block.reason}`,
      )
  }
  refuseOverRequest(chosen.length, policy)
  return { resource, slots: chosen }
}

/** More slots in one request than any limit allows can never pass: say so before any write. */
function refuseOverRequest(k: number, policy: BookingPolicy): void {
  const caps: Array<[LimitKind, number | null]> = [
    ['memberDay', policy.perMemberDay],
    ['memberWeek', policy.perMemberWeek],
    ['memberActive', policy.activeAtOnce],
    ['unitDay', policy.perUnitDay],
  ]
  for (const [kind, cap] of caps) if (cap !== null && k > cap) throw limitRefusal(kind, policy)
}

/** Who books, and the write that does it. */
export interface BookingMaker {
  memberId: string
  unit: string
  requestKey: string
  /** The openid of the member, or of staff booking on their behalf. */
  actor: string
  byStaff: boolean
  now: Date
}

/** The bookings a request writes, one per slot, each with its claim. */
export function newBookings(
  venueId: string,
  { resource, slots }: ChosenSlots,
  date: string,
  by: BookingMaker,
): BookingRecord[] {
  const group = groupFor(by.requestKey)
  return slots.map((slot) => {
    const _id = bookingIdFor(resource._id, date, slot.start)
    return {
      _id,
      venueId,
      resourceId: resource._id,
      date,
      start: slot.start,
      end: slot.end,
      startAt: slot.startAt,
      endAt: slot.endAt,
      memberId: by.memberId,
      unit: by.unit,
      status: 'booked',
      claim: claimFor(by.requestKey, _id),
      group,
      byStaff: by.byStaff,
      actor: by.actor,
      cancelledAt: null,
      cancelReason: null,
      lateCancel: false,
      checkedInAt: null,
      checkedInBy: null,
      noShowAt: null,
      appeal: null,
      version: 1,
      createdAt: by.now,
      updatedAt: by.now,
      lastRequest: by.requestKey,
      requests: [by.requestKey],
    }
  })
}

/** The refusal for a slot another booking holds (an insert that hit its `_id`). */
export function slotTaken(
  resource: Pick<ResourceRecord, 'name'>,
  slot: Pick<Slot, 'start' | 'end'>,
) {
  return new ApiError(
    BOOKING_CODES.taken,
    `${resource.name} ${slotText(slot)} 已被预约，请选择其他时段`,
  )
}

/** A ban in force blocks new bookings, saying until when. */
export function refuseBannedBooking(credit: CreditRecord | null, now: Date): void {
  const until = banEnd(credit, now)
  if (until)
    throw new ApiError(BOOKING_CODES.banned, `因爽约暂停预约，${whenText(until)}起可再次预约`)
}

// ——— limits ———

export type LimitKind = 'memberDay' | 'memberWeek' | 'memberActive' | 'unitDay'

export interface LimitKey {
  /** The counter document's `_id`. */
  id: string
  kind: LimitKind
  /** `n` must never pass it. */
  cap: number
}

/** The Monday (Beijing) of the week that holds `date`: weeks run Monday to Sunday. */
export function weekOf(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7))
}

const compact = (date: string) => date.replace(/-/g, '')

/** A 基层工会's name as an id part: any characters in, fixed hex out. */
function unitKey(unit: string): string {
  return createHash('sha256').update(unit).digest('hex').slice(0, 16)
}

/**
 * The counter documents a booking takes a place in, with the cap of each under the policy;
 * the 基层工会 cap only when the policy has one. Counters are per venue.
 */
export function limitKeysFor(
  booking: Pick<BookingRecord, 'venueId' | 'memberId' | 'unit' | 'date'>,
  policy: BookingPolicy,
): LimitKey[] {
  const { venueId: v, memberId: m, date } = booking
  const keys: LimitKey[] = [
    { id: `md_${v}_${m}_${compact(date)}`, kind: 'memberDay', cap: policy.perMemberDay },
    { id: `mw_${v}_${m}_${compact(weekOf(date))}`, kind: 'memberWeek', cap: policy.perMemberWeek },
    { id: `ma_${v}_${m}`, kind: 'memberActive', cap: policy.activeAtOnce },
  ]
  if (policy.perUnitDay !== null)
    keys.push({
      id: `ud_${v}_${unitKey(booking.unit)}_${compact(date)}`,
      kind: 'unitDay',
      cap: policy.perUnitDay,
    })
  return keys
}

/**
 * Every counter a booking may hold a place in, whatever the policy says now (staff may have
 * dropped the 基层工会 cap since): a cancel releases its claim from each of these; releasing
 * a hold that is not there changes nothing.
 */
export function counterIdsOf(
  booking: Pick<BookingRecord, 'venueId' | 'memberId' | 'unit' | 'date'>,
): string[] {
  return limitKeysFor(booking, { ...DEFAULT_BOOKING_POLICY, perUnitDay: 1 }).map((k) => k.id)
}

/** A booking's place in a counter. */
export interface CounterHold {
  booking: string
  /** memberActive: the place frees itself when the slot ends. */
  endAt: Date
  at: Date
  /** The request that took it: the scheduler leaves it alone while that request is pending. */
  request: string
}

/** bookingCounters/<LimitKey.id>: `n` equals the number of holds, changed together. */
export interface BookingCounter {
  _id: string
  kind: LimitKind
  n: number
  /** claim → hold. */
  holds: Record<string, CounterHold>
}

export function emptyCounter(key: Pick<LimitKey, 'id' | 'kind'>): BookingCounter {
  return { _id: key.id, kind: key.kind, n: 0, holds: {} }
}

/**
 * One conditional update: `where({_id: id, n: _.lte(atMost), 'holds.<claim>': absent})
 * .update({n: _.inc(k), 'holds.<claim>': hold, …})`. It passes only with room for all k slots
 * and only once per claim, so no limit is passed and none counted twice.
 */
export interface CounterTake {
  id: string
  kind: LimitKind
  cap: number
  k: number
  atMost: number
  holds: Record<string, CounterHold>
}

/** The counter updates a request's bookings need, one per counter, in a fixed order. */
export function counterTakes(
  bookings: readonly BookingRecord[],
  policy: BookingPolicy,
  requestKey: string,
  now: Date,
): CounterTake[] {
  const takes = new Map<string, CounterTake>()
  for (const booking of bookings) {
    for (const key of limitKeysFor(booking, policy)) {
      const take = takes.get(key.id) ?? { ...key, k: 0, atMost: key.cap, holds: {} }
      take.k += 1
      take.atMost = key.cap - take.k
      take.holds[booking.claim] = {
        booking: booking._id,
        endAt: booking.endAt,
        at: now,
        request: requestKey,
      }
      takes.set(key.id, take)
    }
  }
  // The same order in every request, so the shared 基层工会 counter is always taken last.
  return [...takes.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
}

const KIND_ORDER: Record<LimitKind, number> = {
  memberDay: 0,
  memberWeek: 1,
  memberActive: 2,
  unitDay: 3,
}

/**
 * After a take updated nothing: had this request already taken it (a retry), or is the
 * counter full? Read the counter and ask.
 */
export function takeOutcome(counter: BookingCounter | null, take: CounterTake): 'held' | 'full' {
  const claims = Object.keys(take.holds)
  return counter && claims.every((c) => c in counter.holds) ? 'held' : 'full'
}

/** What a member is told when a counter is full. */
export function limitRefusal(kind: LimitKind, policy: BookingPolicy): ApiError {
  const messages: Record<LimitKind, string> = {
    memberDay: `每人每天最多预约${policy.perMemberDay}个时段，当天已约满`,
    memberWeek: `每人每周（周一至周日）最多预约${policy.perMemberWeek}个时段，本周已约满`,
    memberActive: `每人同时最多保留${policy.activeAtOnce}个未使用的预约`,
    unitDay: `同一基层工会每天最多预约${policy.perUnitDay ?? 0}个时段，您所在单位当天已约满`,
  }
  return new ApiError(BOOKING_CODES.limit, messages[kind])
}

/**
 * Whether a booking still takes its place in a counter of this kind: every booking but a
 * cancelled one counts for the day, the week and the 基层工会; for the active cap, only until
 * its slot ends.
 */
export function countsIn(
  kind: LimitKind,
  booking: Pick<BookingRecord, 'status' | 'endAt'>,
  now: Date,
): boolean {
  if (booking.status === 'cancelled') return false
  return kind !== 'memberActive' || now < new Date(booking.endAt)
}

/** Active holds whose slot has ended: released before taking the active counter. */
export function expiredHolds(counter: BookingCounter, now: Date): string[] {
  if (counter.kind !== 'memberActive') return []
  return Object.entries(counter.holds)
    .filter(([, hold]) => new Date(hold.endAt) <= now)
    .map(([claim]) => claim)
}

export interface CounterRepair {
  /** Holds with no booking behind them: `n -= 1` and remove, each conditional on the hold. */
  release: string[]
  /** Bookings that count but hold no place: add the hold, `n += 1`, without the cap. */
  restore: Record<string, CounterHold>
}

/**
 * What makes a counter equal the bookings that count in it. `bookings` are the bookings of
 * the counter's scope (by `_id`, any status). Only holds and bookings older than
 * `staleBefore` are touched, and no hold of a request still pending: those belong to a run in
 * flight (between its take and its insert, or its cancel and its release) or one the
 * scheduler is about to resume, which finishes or undoes them itself.
 */
export function counterRepairs(
  counter: BookingCounter,
  bookings: ReadonlyMap<string, BookingRecord>,
  policy: BookingPolicy,
  pendingRequests: ReadonlySet<string>,
  staleBefore: Date,
  now: Date,
): CounterRepair {
  const release: string[] = []
  for (const [claim, hold] of Object.entries(counter.holds)) {
    if (new Date(hold.at) >= staleBefore || pendingRequests.has(hold.request)) continue
    const booking = bookings.get(hold.booking)
    const stands = booking && booking.claim === claim && countsIn(counter.kind, booking, now)
    if (!stands) release.push(claim)
  }
  const restore: Record<string, CounterHold> = {}
  for (const booking of bookings.values()) {
    if (booking.archived || new Date(booking.updatedAt) >= staleBefore) continue
    if (booking.claim in counter.holds || !countsIn(counter.kind, booking, now)) continue
    if (!limitKeysFor(booking, policy).some((key) => key.id === counter._id)) continue
    restore[booking.claim] = {
      booking: booking._id,
      endAt: booking.endAt,
      at: now,
      request: booking.lastRequest ?? 'repair',
    }
  }
  return { release, restore }
}

// ——— cancel, check-in, no-show ———

/** Until when a booking may be cancelled without it counting against the member. */
export function cancelDeadlineOf(booking: Pick<BookingRecord, 'startAt'>, policy: BookingPolicy) {
  return new Date(new Date(booking.startAt).getTime() - policy.cancelNoticeMinutes * 60_000)
}

/** What the confirmation says before a member books. */
export function cancelRuleText(policy: BookingPolicy): string {
  const n = policy.cancelNoticeMinutes
  return policy.lateCancel === 'refuse'
    ? `开始前${n}分钟以前可取消，之后不能取消；未签到记爽约一次`
    : `开始前${n}分钟以前可取消；之后取消或未签到均记爽约一次`
}

function refuseNotBooked(booking: BookingRecord): void {
  if (booking.status === 'booked') return
  const messages: Record<Exclude<BookingStatus, 'booked'>, string> = {
    checkedIn: '已签到的预约不能取消',
    cancelled: '预约已取消',
    noShow: '已记爽约的预约不能取消',
  }
  throw new ApiError('INVALID_STATE', messages[booking.status])
}

/**
 * Whether a cancel is allowed now, and whether it comes late (counting as a no-show). The
 * deadline itself is still in time: "at least 30 minutes before" includes 30.
 */
export function cancelTerms(
  booking: BookingRecord,
  policy: BookingPolicy,
  now: Date,
): { late: boolean } {
  refuseNotBooked(booking)
  const deadline = cancelDeadlineOf(booking, policy)
  if (now <= deadline) return { late: false }
  if (now >= new Date(booking.startAt))
    throw new ApiError(BOOKING_CODES.cancelClosed, '时段已开始，不能取消')
  if (policy.lateCancel === 'noShow') return { late: true }
  throw new ApiError(
    BOOKING_CODES.cancelClosed,
    `开始前${policy.cancelNoticeMinutes}分钟内不能取消（截止${local(deadline).format('HH:mm')}）`,
  )
}

/** The change a cancel writes, conditional on the booking still being `claim` and booked. */
export function cancelChange(
  booking: BookingRecord,
  cancel: { late: boolean; reason: string; actor: string; byStaff: boolean; requestKey: string },
  now: Date,
): Partial<BookingRecord> {
  return {
    status: 'cancelled',
    cancelledAt: now,
    cancelReason: cancel.reason,
    lateCancel: cancel.late,
    actor: cancel.actor,
    byStaff: cancel.byStaff,
    version: booking.version + 1,
    updatedAt: now,
    lastRequest: cancel.requestKey,
    requests: [...booking.requests, cancel.requestKey].slice(-20),
  }
}

/** [from, to): check-in opens `beforeMinutes` before the start and ends `afterMinutes` after. */
export function checkInWindow(
  booking: Pick<BookingRecord, 'startAt'>,
  policy: BookingPolicy,
): { from: Date; to: Date } {
  const start = new Date(booking.startAt).getTime()
  return {
    from: new Date(start - policy.checkIn.beforeMinutes * 60_000),
    to: new Date(start + policy.checkIn.afterMinutes * 60_000),
  }
}

/** Refuses a check-in outside the window, or of a booking that is not 已预约. */
export function refuseBookingCheckIn(
  booking: BookingRecord,
  policy: BookingPolicy,
  now: Date,
): void {
  if (booking.status === 'checkedIn')
    throw new ApiError(
      'INVALID_STATE',
      `已于${local(booking.checkedInAt ?? booking.updatedAt).format('HH:mm')}签到`,
    )
  if (booking.status === 'cancelled') throw new ApiError('INVALID_STATE', '预约已取消')
  if (booking.status === 'noShow') throw new ApiError('INVALID_STATE', '已过签到时间，已记爽约')
  const { from, to } = checkInWindow(booking, policy)
  const span = `${local(from).format('HH:mm')}至${local(to).format('HH:mm')}`
  if (now < from) throw new ApiError(BOOKING_CODES.checkInClosed, `签到时间为${span}，请稍后再来`)
  if (now >= to) throw new ApiError(BOOKING_CODES.checkInClosed, `签到时间为${span}，已过签到时间`)
}

/** Not checked in by the end of the grace window: the scheduler marks it 爽约. */
export function isNoShowDue(booking: BookingRecord, policy: BookingPolicy, now: Date): boolean {
  return booking.status === 'booked' && now >= checkInWindow(booking, policy).to
}

/**
 * The credit entry of a no-show: at the end of the grace window (not when the scheduler ran),
 * or at the cancel for a late cancel, so the ban is the same whenever it is recorded.
 */
export function noShowOf(booking: BookingRecord, policy: BookingPolicy): NoShowRecord {
  const at =
    booking.status === 'cancelled' && booking.cancelledAt
      ? new Date(booking.cancelledAt)
      : checkInWindow(booking, policy).to
  return { kind: 'booking', ref: bookingRefOf(booking), at }
}

export type BookingAction = 'cancel' | 'checkIn' | 'appeal'

/** What a booking allows its member now; 我的预约 shows exactly these. */
export function bookingActions(
  booking: BookingRecord,
  policy: BookingPolicy,
  now: Date,
): BookingAction[] {
  if (booking.archived) return []
  if (booking.status === 'noShow') return booking.appeal ? [] : ['appeal']
  if (booking.status !== 'booked') return []
  const actions: BookingAction[] = []
  const { from, to } = checkInWindow(booking, policy)
  const cancellable =
    now <= cancelDeadlineOf(booking, policy) ||
    (policy.lateCancel === 'noShow' && now < new Date(booking.startAt))
  if (cancellable) actions.push('cancel')
  if (now >= from && now < to) actions.push('checkIn')
  return actions
}

// ——— settings ———

const isCount = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max

/**
 * Policies no venue can run with, per field with a Chinese message. `slotMinutes` (when known)
 * bounds the grace: a grace longer than the slot would let a no-show be decided after it ends.
 */
export function impossiblePolicy(
  policy: BookingPolicy,
  slotMinutes?: number,
): Record<string, string> {
  const fields: Record<string, string> = {}
  if (!isCount(policy.opens.daysAhead, 0, 60)) fields['opens.daysAhead'] = '提前天数须为0至60的整数'
  if (!isClockTime(policy.opens.at)) fields['opens.at'] = '开放时间格式应为 HH:mm，如 12:00'
  if (!isCount(policy.perMemberDay, 1, 100)) fields.perMemberDay = '每人每天上限须为1至100的整数'
  if (!isCount(policy.perMemberWeek, 1, 700)) fields.perMemberWeek = '每人每周上限须为1至700的整数'
  else if (policy.perMemberWeek < policy.perMemberDay)
    fields.perMemberWeek = '每周上限不能小于每天上限'
  if (!isCount(policy.activeAtOnce, 1, 100)) fields.activeAtOnce = '同时保留的预约须为1至100的整数'
  if (policy.perUnitDay !== null && !isCount(policy.perUnitDay, 1, 10_000))
    fields.perUnitDay = '每个基层工会每天上限须为正整数，或不设上限'
  if (!isCount(policy.cancelNoticeMinutes, 0, 7 * 24 * 60))
    fields.cancelNoticeMinutes = '取消须提前的分钟数须为0至10080的整数'
  if (policy.lateCancel !== 'refuse' && policy.lateCancel !== 'noShow')
    fields.lateCancel = '请选择逾期取消的处理方式'
  const { beforeMinutes, afterMinutes } = policy.checkIn
  if (!isCount(beforeMinutes, 0, 240)) fields['checkIn.beforeMinutes'] = '提前签到须为0至240分钟'
  if (!isCount(afterMinutes, 0, 240)) fields['checkIn.afterMinutes'] = '签到宽限须为0至240分钟'
  else if (slotMinutes !== undefined && afterMinutes > slotMinutes)
    fields['checkIn.afterMinutes'] = `签到宽限不能超过时段长度（${slotMinutes}分钟）`
  const ban = policy.noShowBan
  if (ban) {
    if (!isCount(ban.noShows, 1, 100)) fields['noShowBan.noShows'] = '爽约次数须为1至100的整数'
    if (!isCount(ban.withinDays, 1, 3650))
      fields['noShowBan.withinDays'] = '统计天数须为1至3650的整数'
    if (!isCount(ban.banDays, 1, 3650)) fields['noShowBan.banDays'] = '暂停天数须为1至3650的整数'
  }
  return fields
}

/** Calendar and policy problems together, as `calendar.<field>` and `policy.<field>`. */
export function impossibleVenueSettings(
  calendar: OpeningCalendar,
  policy: BookingPolicy,
  resourceIds: ReadonlySet<string>,
): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const [k, v] of Object.entries(impossibleCalendar(calendar, resourceIds)))
    fields[`calendar.${k}`] = v
  const slotMinutes = Number.isInteger(calendar.slotMinutes) ? calendar.slotMinutes : undefined
  for (const [k, v] of Object.entries(impossiblePolicy(policy, slotMinutes)))
    fields[`policy.${k}`] = v
  return fields
}
