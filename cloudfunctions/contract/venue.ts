import { z } from 'zod'
import { cursor, pageLimit, version, type Page } from './common'
import { posterFileId } from './notice'
import { STAFF, read, write } from './spec'
import { plainText } from './text'

/**
 * 场馆 and its 场地 (tables), the opening calendar and the booking policy. Every number here is
 * what staff set per venue; the rules that read them live in domain/venue.ts and domain/booking.ts.
 */
export const VENUE_STATUSES = ['draft', 'published', 'archived'] as const
export type VenueStatus = (typeof VENUE_STATUSES)[number]

export const CELL_STATES = ['free', 'taken', 'mine', 'closed', 'past', 'notYetOpen'] as const
/** 可预约 / 已约满 / 我的预约 / 不开放 / 已过 / 未开放（附开放时间） */
export type CellState = (typeof CELL_STATES)[number]

export interface HoursView {
  /** 'HH:mm'; a closing time may be '24:00'. */
  open: string
  close: string
}

export interface DayExceptionView {
  date: string
  /** null: closed that day. */
  hours: HoursView | null
  reason: string
}

export interface SlotBlockView {
  id: string
  date: string
  from: string
  to: string
  /** null: every table. */
  resourceIds: string[] | null
  kind: 'maintenance' | 'event'
  reason: string
}

export interface CalendarView {
  from: string
  to: string
  weekdays: number[]
  hours: HoursView
  slotMinutes: number
  remainder: 'shorter-last' | 'drop-remainder'
  exceptions: DayExceptionView[]
  blocks: SlotBlockView[]
}

export interface PolicyView {
  opens: { daysAhead: number; at: string }
  perMemberDay: number
  perMemberWeek: number
  activeAtOnce: number
  perUnitDay: number | null
  cancelNoticeMinutes: number
  lateCancel: 'refuse' | 'noShow'
  checkIn: { beforeMinutes: number; afterMinutes: number }
  noShowBan: { noShows: number; withinDays: number; banDays: number } | null
}

export interface ResourceView {
  id: string
  /** '1号台' */
  name: string
  active: boolean
}

/** A day of the date strip: bookable now, or the instant its slots open. */
export interface BookableDayView {
  date: string
  /** ISO instant its slots open for booking. */
  opensAt: string
  opened: boolean
}

export interface VenueSummary {
  id: string
  name: string
  address: string
  phone: string
  photoUrl: string | null
  /** Tables in use. */
  resources: number
  /** The usual hours, e.g. 12:00–20:30. */
  hours: HoursView
  slotMinutes: number
}

export interface Venue extends VenueSummary {
  notes: string
  calendar: CalendarView
  policy: PolicyView
  /** What the confirmation says before booking: the cancel rule in words. */
  cancelRule: string
  /** The date strip. */
  days: BookableDayView[]
  resourceList: ResourceView[]
}

/** Staff view: everything, with the version an edit must name. */
export interface ManagedVenue extends Venue {
  status: VenueStatus
  photoFileId: string | null
  version: number
  createdAt: string
  updatedAt: string
  /** Bookings cancelled by this write because their day closed or their slot went (update only). */
  cancelledBookings: number
}

export interface GridCellView {
  resourceId: string
  state: CellState
  /** notYetOpen: ISO instant it opens. */
  opensAt?: string
  /** closed: why. */
  reason?: string
  /** mine: the caller's booking. */
  bookingId?: string
}

export interface GridRowView {
  start: string
  end: string
  /** ISO instants. */
  startAt: string
  endAt: string
  cells: GridCellView[]
}

/** One day of a venue for the caller: slots × tables, each cell's state. */
export interface VenueDay {
  venueId: string
  venueName: string
  date: string
  open: boolean
  /** Closed day: why. */
  reason: string | null
  /** ISO instant this day's slots open for booking. */
  opensAt: string
  resources: Array<{ id: string; name: string }>
  rows: GridRowView[]
  days: BookableDayView[]
  cancelRule: string
}

export const venueId = z
  .string({ error: '场馆编号无效' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '场馆编号无效')
  .describe('场馆编号 · Venue id')
export const dateField = z
  .string({ error: '请选择日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .describe('日期（北京时间）YYYY-MM-DD · A Beijing date')
export const clockField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, `${label}格式应为 HH:mm`)
    .describe(`${label} HH:mm`)

const text = (label: string, min: number, max: number) =>
  plainText(
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(min, `请填写${label}`)
      .max(max, `${label}不能超过${max}个字`),
    label,
  )
const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能大于${max}`)

const hours = z.strictObject({ open: clockField('开始时间'), close: clockField('结束时间') })
const reasonText = (label: string) => text(label, 0, 100)

const calendar = z.strictObject({
  from: dateField,
  to: dateField,
  weekdays: z
    .array(count('开放日', 0, 6), { error: '请选择开放日' })
    .max(7, '开放日最多7天')
    .describe('开放的星期，0=周日 … 6=周六 · Weekdays open, 0 = Sunday'),
  hours,
  slotMinutes: count('时段长度（分钟）', 10, 240),
  remainder: z.enum(['shorter-last', 'drop-remainder'], {
    error: '请选择不足一个时段的剩余时间如何处理',
  }),
  exceptions: z
    .array(
      z.strictObject({
        date: dateField,
        hours: hours.nullable().describe('当天的开放时间；null 为闭馆 · null: closed'),
        reason: reasonText('原因'),
      }),
      { error: '例外日期无效' },
    )
    .max(400, '例外日期不能超过400条'),
  blocks: z
    .array(
      z.strictObject({
        id: z
          .string({ error: '停用编号无效' })
          .regex(/^[A-Za-z0-9_-]{1,40}$/, '停用编号无效')
          .optional()
          .describe('已有停用的编号；新停用不填 · Id of an existing block'),
        date: dateField,
        from: clockField('开始时间'),
        to: clockField('结束时间'),
        resourceIds: z
          .array(z.string({ error: '场地无效' }).max(80, '场地无效'), { error: '场地无效' })
          .max(50, '场地不能超过50个')
          .nullable()
          .describe('停用的场地；null 为全部 · null: every table'),
        kind: z.enum(['maintenance', 'event'], { error: '请选择停用类型' }),
        reason: reasonText('停用原因'),
      }),
      { error: '停用时段无效' },
    )
    .max(400, '停用时段不能超过400条'),
})
export type CalendarInput = z.output<typeof calendar>

const policy = z.strictObject({
  opens: z.strictObject({
    daysAhead: count('提前开放天数', 0, 60),
    at: clockField('开放预约时间'),
  }),
  perMemberDay: count('每人每天上限', 1, 100),
  perMemberWeek: count('每人每周上限', 1, 700),
  activeAtOnce: count('同时保留的预约', 1, 100),
  perUnitDay: count('每个基层工会每天上限', 1, 10_000).nullable(),
  cancelNoticeMinutes: count('取消须提前的分钟数', 0, 10_080),
  lateCancel: z.enum(['refuse', 'noShow'], { error: '请选择逾期取消的处理方式' }),
  checkIn: z.strictObject({
    beforeMinutes: count('提前签到分钟数', 0, 240),
    afterMinutes: count('签到宽限分钟数', 0, 240),
  }),
  noShowBan: z
    .strictObject({
      noShows: count('爽约次数', 1, 100),
      withinDays: count('爽约统计天数', 1, 3650),
      banDays: count('暂停预约天数', 1, 3650),
    })
    .nullable(),
})
export type PolicyInput = z.output<typeof policy>

/** Everything staff set on a venue; create takes it whole, update replaces it whole. */
const venueFields = {
  name: text('场馆名称', 1, 60),
  address: text('地址', 1, 120),
  photoFileId: posterFileId.nullable().optional(),
  notes: plainText(
    z.string({ error: '须知无效' }).trim().max(2000, '须知不能超过2000个字'),
    '须知',
    'multiline',
  )
    .optional()
    .describe('场馆须知 · Notes for members'),
  phone: plainText(
    z.string({ error: '请填写联系电话' }).trim().min(1, '请填写联系电话').max(30, '联系电话无效'),
    '联系电话',
  ),
  resources: z
    .array(z.strictObject({ name: text('场地名称', 1, 20) }), { error: '请添加场地' })
    .min(1, '请至少添加一个场地')
    .max(50, '场地不能超过50个')
    .describe(
      '场地，按顺序为 1..n 号；减少时多出的场地停用 · Tables 1..n in order; dropped ones go inactive',
    ),
  calendar,
  policy: policy.optional().describe('预约规则（不填为默认）· Booking policy; omitted = default'),
  status: z.enum(VENUE_STATUSES, { error: '请选择场馆状态' }),
}
export type VenueFields = z.output<z.ZodObject<typeof venueFields>>

export const venueActions = {
  'venue.list': read<Page<VenueSummary>>()(
    { summary: '场馆列表 · Published venues', returns: 'Page<VenueSummary>' },
    ['everyone'],
    z.strictObject({ cursor, limit: pageLimit }),
  ),
  'venue.get': read<Venue>()(
    { summary: '场馆详情与可预约日期 · One venue with its date strip', returns: 'Venue' },
    ['everyone'],
    z.strictObject({ id: venueId }),
  ),
  'venue.day': read<VenueDay>()(
    {
      summary: '某天的时段表（可约/已约/我的/不开放/已过/未开放）· One day’s grid for the caller',
      returns: 'VenueDay',
    },
    ['everyone'],
    z.strictObject({
      id: venueId,
      date: dateField.optional().describe('不填为第一个可预约日 · Omitted: the first day'),
    }),
  ),
  'venue.manageList': read<Page<ManagedVenue>>()(
    { summary: '场馆管理列表（含草稿）· All venues, newest first', returns: 'Page<ManagedVenue>' },
    STAFF,
    z.strictObject({ cursor, limit: pageLimit }),
  ),
  'venue.create': write<ManagedVenue>()(
    { summary: '新建场馆 · Create a venue', returns: 'ManagedVenue' },
    STAFF,
    venueFields,
  ),
  'venue.update': write<ManagedVenue>()(
    {
      summary:
        '编辑场馆（闭馆或停用的时段上的预约随之取消）· Edit a venue; bookings on closed days or blocked slots are cancelled',
      returns: 'ManagedVenue',
    },
    STAFF,
    { id: venueId, version, ...venueFields },
  ),
} as const
