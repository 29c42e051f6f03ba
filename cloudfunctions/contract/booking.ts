import { z } from 'zod'
import { cursor, pageLimit, type Page } from './common'
import { memberId, reason } from './registry'
import { MEMBER, STAFF, ADMIN, read, write } from './spec'
import { plainText } from './text'
import { clockField, dateField, venueId } from './venue'

/** 已预约 `booked` · 已签到 `checkedIn` · 已取消 `cancelled` · 爽约 `noShow`. */
export const BOOKING_STATUSES = ['booked', 'checkedIn', 'cancelled', 'noShow'] as const
export type BookingStatusName = (typeof BOOKING_STATUSES)[number]

/** What a booking allows its member now: 取消 · 签到 (shown with the QR) · 申诉 (a no-show). */
export type BookingActionName = 'cancel' | 'checkIn' | 'appeal'

export interface BookingAppealView {
  note: string
  /** 待处理 / 已撤销爽约 / 维持爽约 */
  status: 'open' | 'cleared' | 'kept'
  reason: string | null
  at: string
  decidedAt: string | null
}

/**
 * A booking's status card: what anyone who opens a shared card sees. No personal data: no
 * name, phone or member id, whoever asks.
 */
export interface BookingCard {
  /** The slot's booking id. */
  id: string
  /** This booking's own ref (the id plus its claim): the share path carries it. */
  ref: string
  venueId: string
  venueName: string
  venueAddress: string
  resourceName: string
  date: string
  start: string
  end: string
  /** ISO instants. */
  startAt: string
  endAt: string
  status: BookingStatusName
  /** 已预约 / 已签到 / 已取消 / 爽约 */
  statusText: string
  /** Whether the caller is the booking's member. */
  mine: boolean
  /** Only the owner gets actions. */
  actions: BookingActionName[]
}

/** The member's own booking (我的预约): the card plus what only its owner may see. */
export interface MyBooking extends BookingCard {
  /** Made or last changed by staff for the member (a phone booking). */
  byStaff: boolean
  cancelReason: string | null
  lateCancel: boolean
  /** ISO instant until which 取消 is possible without it counting, if it is at all. */
  cancelUntil: string | null
  /** The check-in window, ISO instants. */
  checkInFrom: string
  checkInUntil: string
  checkedInAt: string | null
  /** What staff scan at the desk (its QR carries the same); only while 已预约. */
  code: string | null
  appeal: BookingAppealView | null
  createdAt: string
}

/** A booking request's answer: one booking per slot. */
export interface BookingResult {
  bookings: MyBooking[]
  /** The cancel rule in words, for the confirmation. */
  cancelRule: string
}

/** 签到 at the desk: what the scanner's screen shows. */
export interface BookingCheckIn {
  bookingId: string
  venueName: string
  resourceName: string
  date: string
  start: string
  end: string
  /** 张*三 */
  maskedName: string
  checkedInAt: string
}

export interface OverviewBooking {
  bookingId: string
  resourceId: string
  resourceName: string
  start: string
  end: string
  /** 张*三 */
  maskedName: string
  status: BookingStatusName
  statusText: string
  byStaff: boolean
  checkedInAt: string | null
}

/** 当日预约总览 for staff: who booked what (names masked), checked in or not. */
export interface DayOverview {
  venueId: string
  venueName: string
  date: string
  bookings: OverviewBooking[]
  counts: { booked: number; checkedIn: number; noShow: number; cancelled: number }
}

/** An open 申诉 for staff: the booking and the member's note, names masked. */
export interface OpenAppeal {
  bookingId: string
  ref: string
  venueName: string
  resourceName: string
  date: string
  start: string
  end: string
  maskedName: string
  note: string
  at: string
}

export const bookingId = z
  .string({ error: '预约编号无效' })
  .regex(/^[A-Za-z0-9_-]{1,120}(~[A-Za-z0-9_-]{1,64})?$/, '预约编号无效')
  .describe('预约编号（或分享卡片上的编号）· A booking id, or the ref a shared card carries')

const picks = z
  .array(
    z.strictObject({
      resourceId: z
        .string({ error: '请选择场地' })
        .regex(/^[A-Za-z0-9_-]{1,80}$/, '场地无效')
        .describe('场地编号 · Table id'),
      start: clockField('时段开始时间'),
    }),
    { error: '请选择时段' },
  )
  .min(1, '请选择时段')
  .max(24, '一次最多预约24个时段')
  .describe('同一场地前后相连的时段 · Consecutive slots of one table')

const booking = { venueId, date: dateField, picks }

const bookingCode = z
  .string({ error: '请扫描或输入预约码' })
  .trim()
  .min(1, '请扫描或输入预约码')
  .max(200, '预约码无效')
  .describe('预约码（会员预约二维码的内容）· The booking code its QR carries')

const note = plainText(
  z
    .string({ error: '请填写申诉说明' })
    .trim()
    .min(1, '请填写申诉说明')
    .max(300, '申诉说明不能超过300个字'),
  '申诉说明',
  'multiline',
).describe('申诉说明 · The member’s note')

export const bookingActions = {
  'booking.create': write<BookingResult>()(
    {
      summary: '预约一个或相连的多个时段 · Book one slot, or consecutive slots of one table',
      returns: 'BookingResult',
    },
    MEMBER,
    booking,
  ),
  'booking.cancel': write<MyBooking>()(
    {
      summary: '取消预约（须在规定时间前）· Cancel a booking before the notice',
      returns: 'MyBooking',
    },
    MEMBER,
    { bookingId },
  ),
  'booking.mine': read<Page<MyBooking>>()(
    { summary: '我的预约（新的在前）· My bookings, newest first', returns: 'Page<MyBooking>' },
    MEMBER,
    z.strictObject({ cursor, limit: pageLimit }),
  ),
  'booking.get': read<BookingCard | MyBooking>()(
    {
      summary:
        '预约状态卡片（他人只见场馆、时间、场地与状态）· A booking’s status card; only its owner sees more',
      returns: 'BookingCard | MyBooking',
    },
    ['everyone'],
    z.strictObject({ id: bookingId }),
  ),
  'booking.checkIn': write<BookingCheckIn>()(
    {
      summary: '前台扫会员预约码签到（签到时间内）· Check a booking in by its code, in the window',
      returns: 'BookingCheckIn',
    },
    ['checker', 'staff', ...ADMIN],
    { code: bookingCode },
  ),
  'booking.appeal': write<MyBooking>()(
    { summary: '对爽约提出申诉 · Appeal a no-show with a note', returns: 'MyBooking' },
    MEMBER,
    { bookingId, note },
  ),
  'booking.appeals': read<Page<OpenAppeal>>()(
    { summary: '待处理的爽约申诉 · Open appeals, oldest first', returns: 'Page<OpenAppeal>' },
    STAFF,
    z.strictObject({ cursor, limit: pageLimit }),
  ),
  'booking.resolveAppeal': write<MyBooking>()(
    {
      summary: '处理申诉：撤销或维持爽约 · Clear or keep an appealed no-show, with a reason',
      returns: 'MyBooking',
    },
    STAFF,
    { bookingId, decision: z.enum(['clear', 'keep'], { error: '请选择处理结果' }), reason },
  ),
  'booking.createFor': write<BookingResult>()(
    {
      summary: '代会员预约（同样的规则）· Book on a registry member’s behalf',
      returns: 'BookingResult',
    },
    STAFF,
    { memberId, ...booking },
  ),
  'booking.cancelFor': write<MyBooking>()(
    { summary: '代会员取消预约 · Cancel on a member’s behalf', returns: 'MyBooking' },
    STAFF,
    { memberId, bookingId, reason },
  ),
  'booking.dayOverview': read<DayOverview>()(
    {
      summary: '某天的预约总览（姓名已隐去）· A day’s bookings for staff, names masked',
      returns: 'DayOverview',
    },
    ['checker', ...STAFF],
    z.strictObject({ venueId, date: dateField }),
  ),
} as const
