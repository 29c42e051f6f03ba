import { ApiError } from '../contract/errors'
import type { BookingPolicy, BookingRecord } from './booking'
import { addDays, atLocal, dayOf, weekdayOf } from './time'

/**
 * 场馆 and its 场地: when a venue is open and how a day is cut into 时段. Everything here is the
 * venue's settings (staff enter them, nothing is a constant) read against the clock: a day's
 * slots are computed, never stored, so changing the hours changes the grid at once.
 */

/** Wall-clock time of a Beijing day, 'HH:mm'; a closing time may be '24:00'. */
export type ClockTime = string

export interface Hours {
  open: ClockTime
  close: ClockTime
}

/**
 * How a day whose hours do not divide by the slot length is cut: `shorter-last` keeps the rest
 * as a shorter last slot (12:00–20:30 by the hour ends with 20:00–20:30), `drop-remainder`
 * leaves it unbooked (the last slot is 19:00–20:00).
 */
export type Remainder = 'shorter-last' | 'drop-remainder'

/** A day with other hours (`hours`), or closed (`hours: null`); the reason is shown to members. */
export interface DayException {
  date: string
  hours: Hours | null
  reason: string
}

/** Slots of some resources (null: all of them) taken out of booking for maintenance or an event. */
export interface SlotBlock {
  id: string
  date: string
  /** The block covers every slot that overlaps [from, to). */
  from: ClockTime
  to: ClockTime
  resourceIds: string[] | null
  kind: 'maintenance' | 'event'
  reason: string
}

export interface OpeningCalendar {
  /** First and last day open, 'YYYY-MM-DD', both included. */
  from: string
  to: string
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[]
  hours: Hours
  slotMinutes: number
  remainder: Remainder
  exceptions: DayException[]
  blocks: SlotBlock[]
}

/** When a day's slots open for booking: `daysAhead` days before the day, at `at` (Beijing). */
export interface BookingWindow {
  daysAhead: number
  at: ClockTime
}

export interface VenueRecord {
  _id: string
  name: string
  address: string
  photoFileId: string | null
  notes: string
  phone: string
  calendar: OpeningCalendar
  policy: BookingPolicy
  status: 'draft' | 'published' | 'archived'
  version: number
  createdAt: Date
  updatedAt: Date
  createdBy: string
  updatedBy: string
  lastRequest?: string | null
}

/** 场地: one table or court. Never deleted once booked (bookings name it); `active` hides it. */
export interface ResourceRecord {
  _id: string
  venueId: string
  /** '1号台'. */
  name: string
  /** Column order in the grid. */
  order: number
  active: boolean
}

/** `<venue>-t<n>`: stable, so a booking's id (which holds it) never changes meaning. */
export function resourceIdFor(venueId: string, n: number): string {
  return `${venueId}-t${n}`
}

export interface Slot {
  start: ClockTime
  end: ClockTime
  startAt: Date
  endAt: Date
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

export function isClockTime(value: string, allowMidnightEnd = false): boolean {
  return CLOCK.test(value) || (allowMidnightEnd && value === '24:00')
}

export function isDate(value: string): boolean {
  return DATE.test(value) && dayOf(atLocal(value)) === value
}

/** Minutes since midnight of 'HH:mm'. */
export function minutesOf(time: ClockTime): number {
  const [h, m] = time.split(':').map(Number)
  return h * 60 + m
}

export function clockOf(minutes: number): ClockTime {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`
}

/**
 * The instant of a Beijing wall-clock minute of `date`. Counted from the day's midnight so that
 * '24:00' works; Asia/Shanghai has had no daylight saving since 1991, so minutes add exactly.
 */
export function instantOf(date: string, minutes: number): Date {
  return new Date(atLocal(date).getTime() + minutes * 60_000)
}

/** Cuts hours into slots of `slotMinutes`, the remainder as the policy says. */
export function cutSlots(
  date: string,
  hours: Hours,
  slotMinutes: number,
  remainder: Remainder,
): Slot[] {
  const slots: Slot[] = []
  const close = minutesOf(hours.close)
  for (let start = minutesOf(hours.open); start < close; start += slotMinutes) {
    const end = Math.min(start + slotMinutes, close)
    if (end - start < slotMinutes && remainder === 'drop-remainder') break
    slots.push({
      start: clockOf(start),
      end: clockOf(end),
      startAt: instantOf(date, start),
      endAt: instantOf(date, end),
    })
  }
  return slots
}

export type DayOpening = { open: true; hours: Hours } | { open: false; reason: string }

const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** Whether and when the venue is open on `date`; an exception wins over the weekly rule. */
export function openingOf(calendar: OpeningCalendar, date: string): DayOpening {
  if (date < calendar.from || date > calendar.to) return { open: false, reason: '不在开放日期内' }
  const exception = calendar.exceptions.find((e) => e.date === date)
  if (exception) {
    return exception.hours
      ? { open: true, hours: exception.hours }
      : { open: false, reason: exception.reason }
  }
  if (!calendar.weekdays.includes(weekdayOf(date)))
    return { open: false, reason: `${WEEKDAY_NAMES[weekdayOf(date)]}不开放` }
  return { open: true, hours: calendar.hours }
}

export function isOpenDay(calendar: OpeningCalendar, date: string): boolean {
  return openingOf(calendar, date).open
}

/** The slots of a day; none on a day the venue is closed. */
export function slotsOf(calendar: OpeningCalendar, date: string): Slot[] {
  const opening = openingOf(calendar, date)
  if (!opening.open) return []
  return cutSlots(date, opening.hours, calendar.slotMinutes, calendar.remainder)
}

/** The block, if any, that takes this resource's slot out of booking. */
export function blockOf(
  calendar: OpeningCalendar,
  date: string,
  resourceId: string,
  slot: Pick<Slot, 'start' | 'end'>,
): SlotBlock | undefined {
  const [start, end] = [minutesOf(slot.start), minutesOf(slot.end)]
  return calendar.blocks.find(
    (b) =>
      b.date === date &&
      (b.resourceIds === null || b.resourceIds.includes(resourceId)) &&
      minutesOf(b.from) < end &&
      start < minutesOf(b.to),
  )
}

/**
 * The instant a day's slots open for booking. All slots of the day open together, at the
 * policy's time and not a minute earlier.
 */
export function opensAtOf(window: BookingWindow, date: string): Date {
  return atLocal(addDays(date, -window.daysAhead), window.at)
}

export interface BookableDay {
  date: string
  opensAt: Date
  /** Whether its slots are already open at `now` (the date strip still shows it when not). */
  opened: boolean
}

/**
 * The days of the date strip: today (Beijing) while it still has a slot to start, through the
 * furthest day the window reaches, open days only. The furthest may not be open yet today; the
 * grid then says when it opens.
 */
export function bookableDays(
  calendar: OpeningCalendar,
  window: BookingWindow,
  now: Date,
): BookableDay[] {
  const today = dayOf(now)
  const days: BookableDay[] = []
  for (let i = 0; i <= window.daysAhead; i++) {
    const date = addDays(today, i)
    const slots = slotsOf(calendar, date)
    if (!slots.some((s) => s.startAt > now)) continue
    const opensAt = opensAtOf(window, date)
    days.push({ date, opensAt, opened: now >= opensAt })
  }
  return days
}

export type CellState = 'free' | 'taken' | 'mine' | 'closed' | 'past' | 'notYetOpen'

export interface GridCell {
  resourceId: string
  state: CellState
  /** notYetOpen: when it opens. */
  opensAt?: Date
  /** closed: why (a closure, a block, a table out of use). */
  reason?: string
  /** mine: the member's booking, for its actions. */
  bookingId?: string
}

export interface GridRow {
  slot: Slot
  cells: GridCell[]
}

export interface DayGrid {
  date: string
  open: boolean
  /** Closed day: why. */
  reason?: string
  opensAt: Date
  resources: Array<Pick<ResourceRecord, '_id' | 'name'>>
  rows: GridRow[]
}

export interface GridInput {
  calendar: OpeningCalendar
  window: BookingWindow
  resources: readonly ResourceRecord[]
  date: string
  /** The bookings of that day at this venue, any status. */
  bookings: readonly BookingRecord[]
  /** The member asking, or null (staff, a shared card's viewer). */
  memberId: string | null
  now: Date
}

/** Statuses that hold their slot: every one but 已取消. */
export function holdsSlot(booking: Pick<BookingRecord, 'status'>): boolean {
  return booking.status !== 'cancelled'
}

/**
 * The grid of a day: slots × resources. The member's own booking shows as mine whatever else
 * holds (they must find the slot they saw still theirs); then a started slot is past, a closed
 * or blocked one closed, a booked one taken, and before the day opens, notYetOpen with when.
 */
export function dayGrid(input: GridInput): DayGrid {
  const { calendar, window, date, now, memberId } = input
  const resources = [...input.resources].sort((a, b) => a.order - b.order)
  const opening = openingOf(calendar, date)
  // A closed day still shows its usual rows, all closed, so the member sees it is the day.
  const slots = opening.open
    ? slotsOf(calendar, date)
    : cutSlots(date, calendar.hours, calendar.slotMinutes, calendar.remainder)
  const opensAt = opensAtOf(window, date)
  // A month of grids is loaded one day at a time: index the day's bookings once.
  const held = new Map<string, BookingRecord>()
  for (const b of input.bookings)
    if (b.date === date && holdsSlot(b)) held.set(`${b.resourceId}|${b.start}`, b)
  const bookingAt = (resourceId: string, slot: Slot) => held.get(`${resourceId}|${slot.start}`)

  const cellOf = (resource: ResourceRecord, slot: Slot): GridCell => {
    const cell = { resourceId: resource._id }
    const booking = bookingAt(resource._id, slot)
    if (booking && memberId !== null && booking.memberId === memberId)
      return { ...cell, state: 'mine', bookingId: booking._id }
    if (slot.startAt <= now) return { ...cell, state: 'past' }
    if (!opening.open) return { ...cell, state: 'closed', reason: opening.reason }
    if (!resource.active) return { ...cell, state: 'closed', reason: '场地暂停使用' }
    const block = blockOf(calendar, date, resource._id, slot)
    if (block) return { ...cell, state: 'closed', reason: block.reason }
    if (booking) return { ...cell, state: 'taken' }
    if (now < opensAt) return { ...cell, state: 'notYetOpen', opensAt }
    return { ...cell, state: 'free' }
  }

  return {
    date,
    open: opening.open,
    ...(opening.open ? {} : { reason: opening.reason }),
    opensAt,
    resources: resources.map((r) => ({ _id: r._id, name: r.name })),
    rows: slots.map((slot) => ({ slot, cells: resources.map((r) => cellOf(r, slot)) })),
  }
}

const MAX_RANGE_DAYS = 366

/** Problems of an open–close pair, named on `openField` / `closeField`. */
function hoursProblems(
  hours: Hours,
  [openField, closeField]: [string, string],
  fields: Record<string, string>,
  slotMinutes?: number,
): void {
  const openOk = isClockTime(hours.open)
  const closeOk = isClockTime(hours.close, true)
  if (!openOk) fields[openField] = '时间格式应为 HH:mm，如 12:00'
  if (!closeOk) fields[closeField] = '时间格式应为 HH:mm，如 20:30'
  if (!openOk || !closeOk) return
  const span = minutesOf(hours.close) - minutesOf(hours.open)
  if (span <= 0) fields[closeField] = '结束时间须晚于开始时间'
  else if (slotMinutes !== undefined && span < slotMinutes)
    fields[closeField] = `开放时长不足一个时段（${slotMinutes}分钟）`
}

/**
 * Calendars no venue can run with, each named on its field with a Chinese message (the style
 * of activity settings): reversed or endless date ranges, no weekday, hours that end before
 * they start or hold no slot, exceptions outside the range or twice on one day, closures and
 * blocks without a reason, blocks of tables the venue does not have.
 */
export function impossibleCalendar(
  calendar: OpeningCalendar,
  resourceIds: ReadonlySet<string>,
): Record<string, string> {
  const fields: Record<string, string> = {}
  const fromOk = isDate(calendar.from)
  const toOk = isDate(calendar.to)
  if (!fromOk) fields.from = '日期格式应为 YYYY-MM-DD'
  if (!toOk) fields.to = '日期格式应为 YYYY-MM-DD'
  if (fromOk && toOk) {
    if (calendar.to < calendar.from) fields.to = '结束日期不能早于开始日期'
    else if (calendar.to > addDays(calendar.from, MAX_RANGE_DAYS - 1))
      fields.to = `开放日期一次最长设置${MAX_RANGE_DAYS}天`
  }
  if (calendar.weekdays.length === 0) fields.weekdays = '请至少选择一个开放日'
  else if (calendar.weekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6))
    fields.weekdays = '开放日须为周日至周六'

  const slotOk =
    Number.isInteger(calendar.slotMinutes) &&
    calendar.slotMinutes >= 10 &&
    calendar.slotMinutes <= 240
  if (!slotOk) fields.slotMinutes = '时段长度须为10至240分钟的整数'
  if (calendar.remainder !== 'shorter-last' && calendar.remainder !== 'drop-remainder')
    fields.remainder = '请选择不足一个时段的剩余时间如何处理'
  const slotMinutes = slotOk ? calendar.slotMinutes : undefined
  hoursProblems(calendar.hours, ['hours.open', 'hours.close'], fields, slotMinutes)

  const seen = new Set<string>()
  calendar.exceptions.forEach((e, i) => {
    const at = `exceptions.${i}`
    if (!isDate(e.date)) fields[`${at}.date`] = '日期格式应为 YYYY-MM-DD'
    else if (e.date < calendar.from || e.date > calendar.to)
      fields[`${at}.date`] = '例外日期须在开放日期内'
    else if (seen.has(e.date)) fields[`${at}.date`] = '同一天只能设置一条例外'
    seen.add(e.date)
    if (e.hours)
      hoursProblems(e.hours, [`${at}.hours.open`, `${at}.hours.close`], fields, slotMinutes)
    else if (!e.reason.trim()) fields[`${at}.reason`] = '请填写闭馆原因，会员会看到'
  })

  calendar.blocks.forEach((b, i) => {
    const at = `blocks.${i}`
    if (!isDate(b.date)) fields[`${at}.date`] = '日期格式应为 YYYY-MM-DD'
    hoursProblems({ open: b.from, close: b.to }, [`${at}.from`, `${at}.to`], fields)
    if (b.resourceIds !== null) {
      if (b.resourceIds.length === 0) fields[`${at}.resourceIds`] = '请选择要停用的场地'
      else if (b.resourceIds.some((id) => !resourceIds.has(id)))
        fields[`${at}.resourceIds`] = '场地不存在，请刷新后再试'
    }
    if (!b.reason.trim()) fields[`${at}.reason`] = '请填写停用原因，会员会看到'
  })
  return fields
}

/** Throws INVALID_INPUT with the first message and every field, when there is any. */
export function refuseProblems(fields: Record<string, string>): void {
  const first = Object.values(fields)[0]
  if (first) throw new ApiError('INVALID_INPUT', first, fields)
}
