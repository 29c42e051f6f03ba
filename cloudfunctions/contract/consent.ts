import { z } from 'zod'
import { MEMBER, read, write } from './spec'

/**
 * 订阅消息 topics: what a member may agree to be told once in 服务通知 (a one-time consent,
 * one message). Topics, not template ids: the ids belong to the mini-program's account and
 * live in configuration (cloudfunctions/config/templates.json, the app's TARO_APP_TMPL_*).
 * 报名结果 `entryResult` · 抽签结果 `drawResult` · 递补名额 `offer` · 活动提醒 `reminder` ·
 * 预约结果 `bookingResult` (made, or cancelled by staff or a closure) · 预约提醒
 * `bookingReminder` · 爽约与恢复 `noShow` (a no-show recorded, a ban lifted).
 */
export const SUBSCRIBE_TOPICS = [
  'entryResult',
  'drawResult',
  'offer',
  'reminder',
  'bookingResult',
  'bookingReminder',
  'noShow',
] as const
export type SubscribeTopic = (typeof SUBSCRIBE_TOPICS)[number]

/** What the member has agreed to: unspent one-time consents per topic, and the last ask. */
export interface MyConsents {
  /** Messages each topic may still send (each consent allows one). */
  counts: Record<SubscribeTopic, number>
  /** What the last ask answered, so the app can say what was subscribed and what was not. */
  lastAsk: { granted: SubscribeTopic[]; refused: SubscribeTopic[]; at: string } | null
}

/** WeChat takes at most three templates in one ask. */
const topics = (what: string) =>
  z
    .array(z.enum(SUBSCRIBE_TOPICS, { error: '订阅主题无效' }), { error: '订阅主题无效' })
    .max(3, '一次最多订阅3个主题')
    .describe(what)

export const consentActions = {
  'consent.record': write<MyConsents>()(
    {
      summary:
        '记录订阅消息授权结果（每个同意一次可发一条）· Record what requestSubscribeMessage answered',
      returns: 'MyConsents',
    },
    MEMBER,
    {
      granted: topics('同意的主题 · Topics the member accepted'),
      refused: topics('拒绝的主题 · Topics the member refused'),
    },
  ),
  'consent.mine': read<MyConsents>()(
    {
      summary: '我的订阅消息授权（剩余次数）· My unspent subscription consents',
      returns: 'MyConsents',
    },
    MEMBER,
    z.strictObject({}),
  ),
} as const
