import type { SubscribeTopic } from '@contract'

/**
 * Subscription-message templates (订阅消息), one per thing a member may be told about an entry
 * or a booking.
 * Their ids belong to the mini-program's account (公众平台 → 订阅消息), so they come from the
 * build, never from code: put `TARO_APP_TMPL_…=<id>` in a `.env` file (Taro reads it at build
 * time and writes the value into the bundle). A topic without an id is simply never asked.
 * The topics are the contract's: the server sends (and spends) consents by the same names.
 */
export type { SubscribeTopic }

/**
 * A build-time constant, or undefined when the build set none: then webpack leaves
 * `process.env.…` in the bundle, and WeChat has no `process`, so reading it throws.
 */
function buildConstant(read: () => string | undefined): string | undefined {
  try {
    const value = read()
    return value ? value : undefined
  } catch {
    return undefined
  }
}

// Each read is spelled out whole: the build replaces only the literal `process.env.NAME`.
export const TEMPLATE_IDS: Record<SubscribeTopic, string | undefined> = {
  /** 报名结果 (先到先得: 报名成功). */
  entryResult: buildConstant(() => process.env.TARO_APP_TMPL_ENTRY_RESULT),
  /** 抽签结果 (中签 / 未中签). */
  drawResult: buildConstant(() => process.env.TARO_APP_TMPL_DRAW_RESULT),
  /** 递补名额 and its deadline. */
  offer: buildConstant(() => process.env.TARO_APP_TMPL_OFFER),
  /** 活动提醒, the day before. */
  reminder: buildConstant(() => process.env.TARO_APP_TMPL_REMINDER),
  /** 预约结果 (预约成功, or cancelled by staff). */
  bookingResult: buildConstant(() => process.env.TARO_APP_TMPL_BOOKING_RESULT),
  /** 预约提醒, the day before. */
  bookingReminder: buildConstant(() => process.env.TARO_APP_TMPL_BOOKING_REMINDER),
  /** 爽约记录 (and the ban it brings, if any). */
  noShow: buildConstant(() => process.env.TARO_APP_TMPL_NO_SHOW),
}

/** What the member reads for each topic: 已订阅：抽签结果、递补通知. */
export const TOPIC_WORDS: Record<SubscribeTopic, string> = {
  entryResult: '报名结果',
  drawResult: '抽签结果',
  offer: '递补通知',
  reminder: '活动提醒',
  bookingResult: '预约结果',
  bookingReminder: '预约提醒',
  noShow: '爽约提醒',
}

/** WeChat takes at most three templates in one ask. */
export const MAX_TEMPLATES_PER_ASK = 3
