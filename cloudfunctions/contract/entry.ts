import { z } from 'zod'
import { activityId, sessionId, type Allocation } from './activity'
import { cursor, pageLimit, type Page } from './common'
import { memberId, personName, reason } from './registry'
import { MEMBER, STAFF, read, write } from './spec'

/**
 * 报名 as its member sees it. 报名成功 `confirmed` (first-come seat) · 待抽签 `pending` ·
 * 已中签 `won` · 未中签 `lost` · 候补中 `waitlisted` · 递补待确认 `offered` (a seat given back,
 * offered to this waitlisted entry until its deadline) · 已取消 `cancelled` · 已签到 `checkedIn` ·
 * 爽约 `noShow`.
 */
export const ENTRY_STATUSES = [
  'confirmed',
  'pending',
  'won',
  'lost',
  'waitlisted',
  'offered',
  'cancelled',
  'checkedIn',
  'noShow',
] as const
export type EntryStatus = (typeof ENTRY_STATUSES)[number]

/**
 * What the entry's state allows its member now: 修改 (lottery, window open); 取消 (a signup,
 * 我去不了了 for a won ticket, 放弃 an offer, 退出候补); 确认参加 (won, or accepting an offer).
 */
export type EntryAction = 'edit' | 'cancel' | 'confirm'

/** 同行人: an adult companion, or in a family show a child with an age. */
export interface Companion {
  name: string
  /** Family shows: the child's age in whole years. */
  age?: number
}

export interface MyEntry {
  /** Opaque entry number (never a member id or openid); the draw lists it. */
  id: string
  activityId: string
  activityTitle: string
  allocation: Allocation
  sessionId: string
  /** ISO instant of the session's start. */
  sessionStartAt: string
  placeName: string
  status: EntryStatus
  /** The member plus companions. */
  partySize: number
  companions: Companion[]
  /** Made or last changed by staff for the member (a phone signup). */
  byStaff: boolean
  /** Why it was cancelled by staff or with the activity, if so. */
  cancelReason: string | null
  /** ISO instant until which 取消 is possible, if it is at all. */
  cancelUntil: string | null
  actions: EntryAction[]
  /** 候补中: the place on the session's waitlist (1 = next), from the published record. */
  waitlistPosition: number | null
  /** Lottery before the draw: the member's weight and why (连续 2 次未中签 → 权重 3). */
  weight: { value: number; reason: string } | null
  /** 已中签, not yet confirmed: the ISO instant by which 确认参加 must come, else the seats go. */
  confirmBy: string | null
  /** 递补待确认: the ISO instant until which the offer can be accepted, else it passes on. */
  offerUntil: string | null
  /** The ticket's code (its QR carries the same), once it is usable: seat taken or win confirmed. */
  ticketCode: string | null
  createdAt: string
  updatedAt: string
}

/**
 * An entry's status card: what anyone who opens its link (a shared card, a forwarded message)
 * sees when it is not theirs. No name, member id, companions, ticket code or actions.
 */
export interface EntryStatusCard {
  id: string
  activityId: string
  activityTitle: string
  allocation: Allocation
  sessionId: string
  /** ISO instant of the session's start. */
  sessionStartAt: string
  placeName: string
  placeAddress: string
  status: EntryStatus
  /** 报名成功 / 待抽签 / 已中签 / …, as the app words it. */
  statusText: string
  partySize: number
  mine: false
}

/** The entry as its own member sees it on the status page: everything, with its actions. */
export type MyEntryView = MyEntry & { mine: true; placeAddress: string; statusText: string }

export const entryId = z
  .string({ error: '报名编号无效' })
  .regex(/^e[0-9a-f]{24}$/, '报名编号无效')
  .describe('报名编号 · Entry id')

const companion = z.strictObject({
  name: personName.describe('同行人姓名 · Companion name'),
  age: z
    .number({ error: '请填写儿童年龄' })
    .int('年龄须为整数')
    .min(0, '年龄无效')
    .max(120, '年龄无效')
    .optional()
    .describe('儿童年龄（亲子场次必填）· Child age, for family shows'),
})
const companions = z
  .array(companion, { error: '同行人无效' })
  .max(9, '同行人不能超过9位')
  .describe('同行人（不含本人）· Companions, not counting the member')

/** What a signup chooses: the session and who comes along. */
const signup = { activityId, sessionId, companions }

export const entryActions = {
  'entry.submit': write<MyEntry>()(
    {
      summary: '报名：先到先得即占名额，抽签则登记待抽 · Sign up: a seat, or a lottery entry',
      returns: 'MyEntry',
    },
    MEMBER,
    signup,
  ),
  'entry.edit': write<MyEntry>()(
    {
      summary: '修改抽签报名（报名期内）· Change a lottery entry while the window is open',
      returns: 'MyEntry',
    },
    MEMBER,
    signup,
  ),
  'entry.cancel': write<MyEntry>()(
    {
      summary: '取消报名（截止前；先到先得退回名额）· Withdraw, giving seats back',
      returns: 'MyEntry',
    },
    MEMBER,
    { activityId },
  ),
  'entry.confirm': write<MyEntry>()(
    {
      summary: '中签后确认参加（期限内），确认后出票 · Confirm a won entry; the ticket follows',
      returns: 'MyEntry',
    },
    MEMBER,
    { activityId },
  ),
  'entry.mine': read<Page<MyEntry>>()(
    { summary: '我的报名（新的在前）· My entries, newest first', returns: 'Page<MyEntry>' },
    MEMBER,
    z.strictObject({ cursor, limit: pageLimit }),
  ),
  'entry.get': read<MyEntryView | EntryStatusCard>()(
    {
      summary:
        '报名状态页（他人只见活动、场次、地点与状态）· An entry’s status; only its member sees more',
      returns: 'MyEntryView | EntryStatusCard',
    },
    ['everyone'],
    z.strictObject({ id: entryId }),
  ),
  'entry.submitFor': write<MyEntry>()(
    {
      summary: '代会员报名（同样的规则）· Sign a registry member up on their behalf',
      returns: 'MyEntry',
    },
    STAFF,
    { memberId, ...signup },
  ),
  'entry.editFor': write<MyEntry>()(
    {
      summary: '代会员修改抽签报名 · Change a lottery entry on a member’s behalf',
      returns: 'MyEntry',
    },
    STAFF,
    { memberId, ...signup },
  ),
  'entry.cancelFor': write<MyEntry>()(
    { summary: '代会员取消报名 · Withdraw on a member’s behalf', returns: 'MyEntry' },
    STAFF,
    { memberId, activityId, reason },
  ),
  'entry.listFor': read<Page<MyEntry>>()(
    { summary: '某会员的报名 · A registry member’s entries', returns: 'Page<MyEntry>' },
    STAFF,
    z.strictObject({ memberId, cursor, limit: pageLimit }),
  ),
} as const
