import { z } from 'zod'
import { cursor, isoInstant, pageLimit, version, type Page } from './common'
import type { DrawState } from './draw'
import type { MyEntry } from './entry'
import { posterFileId, title } from './notice'
import { reason } from './registry'
import { STAFF, read, write } from './spec'
import { plainText } from './text'

/** 活动: what staff set up and members sign up for. */
export const CATEGORIES = ['show', 'tea', 'lecture', 'sport', 'other'] as const
/** 演出 / 茶会 / 讲座 / 体育 / 其他 */
export type Category = (typeof CATEGORIES)[number]

/** 抽签 (entries until the window closes, then the draw) or 先到先得 (a seat on signup). */
export const ALLOCATIONS = ['lottery', 'first-come'] as const
export type Allocation = (typeof ALLOCATIONS)[number]

/**
 * Where an activity stands. Only `draft`, `cancelled` and the move to published are staff
 * clicks; the rest follows from the clock at read time (published before the window opens =
 * `upcoming`, inside it = `open`, after it = `closed`, after the last session = `finished`).
 */
export type ActivityPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'finished' | 'cancelled'
/** The three filters of the 活动 tab: 报名中 / 即将开放 / 已结束 (window closed or over). */
export const PHASE_FILTERS = ['open', 'upcoming', 'ended'] as const
export type PhaseFilter = (typeof PHASE_FILTERS)[number]

export interface Place {
  name: string
  address: string
}

/** 同行人规则: party size, and for family shows the children's age range. */
export interface PartyRule {
  /** Members and companions together, 1..10. */
  maxSize: number
  /** Family show: every companion is a child whose age must lie in the range, with the member as the adult. */
  family: { childMinAge: number; childMaxAge: number } | null
}

export interface Eligibility {
  /** At most this many seats won or taken per member per calendar month (Beijing); null = no cap. */
  winsPerMonth: number | null
}

/**
 * What a won ticket asks of its member, and what a ticket left unused costs: every number is the
 * activity's policy (the default in domain/ticket.ts).
 */
export interface TicketPolicy {
  /** Hours a winner has after the draw to confirm (确认参加), never past the session's start. */
  confirmHours: number
  /** Hours a waitlisted member has to accept an offer (递补名额), never past the session's start. */
  offerHours: number
  /** This many no-shows within `withinDays` bring a ban of `banDays` days; null: no ban. */
  noShowBan: { noShows: number; withinDays: number; banDays: number } | null
}

export interface Session {
  id: string
  /** ISO instants. */
  startAt: string
  endAt: string
  seats: number
  /** First-come: seats still free; null for a lottery. */
  seatsLeft: number | null
  /** Lottery: entries so far (parties, not people); null for first-come. */
  entries: number | null
}

/**
 * The one time a card shows: when it opens, closes, draws, starts, until when its last session
 * runs (`ongoing`), or that it is over.
 */
export interface NextTime {
  kind: 'opens' | 'closes' | 'draw' | 'starts' | 'ongoing' | 'ended' | 'cancelled'
  /** ISO instant; null for `ended` and `cancelled`. */
  at: string | null
}

export interface ActivitySummary {
  id: string
  title: string
  category: Category
  allocation: Allocation
  phase: ActivityPhase
  placeName: string
  /** ISO instant of the first session. */
  firstSessionAt: string
  next: NextTime
  posterUrl: string | null
}

export interface Activity extends ActivitySummary {
  description: string
  place: Place
  sessions: Session[]
  signupOpensAt: string
  signupClosesAt: string
  /** Lottery only. */
  drawAt: string | null
  party: PartyRule
  eligibility: Eligibility
  /** Cancelling is possible until this many hours before the session starts. */
  cancelCutoffHours: number
  /** Confirmation and offer deadlines, and the no-show ban. */
  ticketPolicy: TicketPolicy
  /** Why staff cancelled it, when they did. */
  cancelReason: string | null
  /** The caller's own entry (not cancelled), if any. */
  myEntry: MyEntry | null
  /** Lottery: the published commitments (seed hash, list hashes) and when each session was drawn. */
  draw: DrawState | null
}

/** Staff view: the life-cycle fields and the version an edit must name. */
export interface ManagedActivity extends Activity {
  /** The stored poster, so an edit can keep it (`posterUrl` is only a temporary link). */
  posterFileId: string | null
  status: 'draft' | 'published' | 'cancelled'
  version: number
  createdAt: string
  updatedAt: string
}

export const activityId = z
  .string({ error: '活动编号无效' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, '活动编号无效')
  .describe('活动编号 · Activity id')
export const sessionId = z
  .string({ error: '请选择场次' })
  .regex(/^[A-Za-z0-9_-]{1,32}$/, '请选择场次')
  .describe('场次编号 · Session id')

const description = plainText(
  z
    .string({ error: '请填写活动介绍' })
    .trim()
    .min(1, '请填写活动介绍')
    .max(5000, '活动介绍不能超过5000个字'),
  '活动介绍',
  'multiline',
).describe('活动介绍 · Description')
const placeText = (label: string, max: number) =>
  plainText(
    z
      .string({ error: `请填写${label}` })
      .trim()
      .min(1, `请填写${label}`)
      .max(max, `${label}不能超过${max}个字`),
    label,
  )
const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}须为整数`)
    .min(min, `${label}不能小于${min}`)
    .max(max, `${label}不能大于${max}`)

const sessionInput = z.strictObject({
  id: sessionId
    .optional()
    .describe('已有场次的编号；新场次不填 · Id of an existing session; omit for a new one'),
  startAt: isoInstant,
  endAt: isoInstant,
  seats: count('名额', 1, 100_000),
})
export type SessionInput = z.output<typeof sessionInput>

/** Everything staff set on an activity; create takes it whole, update replaces it whole. */
const activityFields = {
  title,
  category: z.enum(CATEGORIES, { error: '请选择活动类别' }),
  posterFileId: posterFileId.optional(),
  description,
  place: z.strictObject({ name: placeText('地点名称', 60), address: placeText('地址', 120) }),
  sessions: z
    .array(sessionInput, { error: '请添加场次' })
    .min(1, '请至少添加一个场次')
    .max(20, '场次不能超过20个'),
  allocation: z.enum(ALLOCATIONS, { error: '请选择分配方式' }),
  signupOpensAt: isoInstant,
  signupClosesAt: isoInstant,
  drawAt: isoInstant.nullable().optional(),
  party: z.strictObject({
    maxSize: count('每份报名人数上限', 1, 10),
    family: z
      .strictObject({
        childMinAge: count('儿童最小年龄', 0, 17),
        childMaxAge: count('儿童最大年龄', 0, 17),
      })
      .nullable(),
  }),
  eligibility: z.strictObject({ winsPerMonth: count('每月中签上限', 1, 31).nullable() }),
  cancelCutoffHours: count('取消截止（开场前小时数）', 0, 720),
  weightPolicy: z
    .strictObject({
      base: count('基础权重', 1, 100),
      lossBonus: z
        .strictObject({
          perLoss: count('每次未中签加权', 1, 10),
          cap: count('未中签加权上限', 1, 20),
        })
        .nullable(),
      cooldownDays: count('中签冷却天数', 1, 365).nullable(),
      excludeBanned: z.boolean({ error: '请选择是否排除爽约暂停的会员' }),
    })
    .optional()
    .describe('抽签权重规则（不填为默认）· Lottery weight policy; omitted = default / unchanged'),
  ticketPolicy: z
    .strictObject({
      confirmHours: count('中签确认时限（小时）', 1, 168),
      offerHours: count('递补确认时限（小时）', 1, 168),
      noShowBan: z
        .strictObject({
          noShows: count('爽约次数', 1, 10),
          withinDays: count('爽约统计天数', 1, 365),
          banDays: count('暂停报名天数', 1, 365),
        })
        .nullable(),
    })
    .optional()
    .describe(
      '确认时限与爽约规则（不填为默认）· Confirm/offer deadlines, no-show ban; omitted = default',
    ),
}
export type ActivityFields = z.output<z.ZodObject<typeof activityFields>>

export const activityActions = {
  'activity.list': read<Page<ActivitySummary>>()(
    {
      summary: '活动列表（可按类别、报名状态筛选）· Published activities, filtered',
      returns: 'Page<ActivitySummary>',
    },
    ['everyone'],
    z.strictObject({
      category: z.enum(CATEGORIES, { error: '活动类别无效' }).optional(),
      phase: z.enum(PHASE_FILTERS, { error: '报名状态无效' }).optional(),
      cursor,
      limit: pageLimit,
    }),
  ),
  'activity.get': read<Activity>()(
    {
      summary: '活动详情（含我的报名）· One published activity, with my entry',
      returns: 'Activity',
    },
    ['everyone'],
    z.strictObject({ id: activityId }),
  ),
  'activity.manageList': read<Page<ManagedActivity>>()(
    {
      summary: '活动管理列表（含草稿）· All activities, newest first',
      returns: 'Page<ManagedActivity>',
    },
    STAFF,
    z.strictObject({ cursor, limit: pageLimit }),
  ),
  'activity.manageGet': read<ManagedActivity>()(
    { summary: '活动管理详情 · One activity, any status', returns: 'ManagedActivity' },
    STAFF,
    z.strictObject({ id: activityId }),
  ),
  'activity.create': write<ManagedActivity>()(
    { summary: '新建活动（草稿）· Create an activity as a draft', returns: 'ManagedActivity' },
    STAFF,
    activityFields,
  ),
  'activity.update': write<ManagedActivity>()(
    {
      summary: '编辑活动（需带上读取时的版本号）· Edit an activity from the version read',
      returns: 'ManagedActivity',
    },
    STAFF,
    { id: activityId, version, ...activityFields },
  ),
  'activity.publish': write<ManagedActivity>()(
    {
      summary: '发布活动（按报名时间自动开放）· Publish; signup opens at its time',
      returns: 'ManagedActivity',
    },
    STAFF,
    { id: activityId },
  ),
  'activity.cancel': write<ManagedActivity>()(
    {
      summary: '取消活动（所有报名随之取消）· Cancel an activity and every entry',
      returns: 'ManagedActivity',
    },
    STAFF,
    {
      id: activityId,
      reason,
    },
  ),
} as const
